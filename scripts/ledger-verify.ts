// `npm run ledger:verify [-- --public-key <key> | --public-key-file <file>]`: recomputes the ledger from
// its entries and checks every stored subtree hash and every checkpoint (root, and signature with the
// given published key — base64, verifier key or PEM, also LEDGER_PUBLIC_KEY — or else with the
// configured signing key's public half). An auditor needs only the public key and read access: with
// DATABASE_URL set nothing is written (no migration, no key generated). Exit 0 with a summary; exit 1
// naming the first divergence. Without DATABASE_URL it opens the embedded PostgreSQL under DATA_DIR
// (stop `npm start` first, or point DATABASE_URL at it: the password is in DATA_DIR/postgres/pg-password).
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

import { prepareDatabase } from '../lib/database/prepare-database';
import { getEnv } from '../lib/env';
import { getLogger } from '../lib/logger';
import { parsePublicKey } from '../lib/ledger/parse-public-key';
import { verifyLedger } from '../lib/ledger/verify-ledger';

const { values } = parseArgs({ options: { 'public-key': { type: 'string' }, 'public-key-file': { type: 'string' }, 'batch-size': { type: 'string', default: '10000' } } });
const logger = getLogger();
const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
let exitCode = 1;
try {
  const keyText = values['public-key'] ?? (values['public-key-file'] ? await readFile(values['public-key-file'], 'utf8') : undefined) ?? process.env.LEDGER_PUBLIC_KEY;
  const publicKey = keyText ? parsePublicKey(keyText) : undefined;
  // An auditor's database access may be read-only: only the embedded database is prepared (migrated).
  const db = getEnv().DATABASE_URL ? { stop: async () => undefined } : await prepareDatabase({ logger, seed: false }); // the pool ends with process.exit
  try {
    const started = performance.now();
    let reported = 0;
    const result = await verifyLedger({
      batchSize: Number(values['batch-size']),
      publicKey,
      onProgress: (leaves) => {
        if (leaves - reported >= 100_000) {
          reported = leaves;
          process.stderr.write(`  ${leaves.toLocaleString('en')} leaves checked\n`);
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    if (result.ok) {
      console.log(`Ledger OK: ${count(result.leaves, 'leaf', 'leaves')}, ${count(result.nodes, 'full tile', 'full tiles')} and ${count(result.checkpoints, 'checkpoint', 'checkpoints')} checked in ${seconds.toFixed(1)} s; root ${result.rootHash}.`);
      if (result.pending) console.log(`  ${count(result.pending, 'entry is', 'entries are')} pending integration (committed, not yet leaves).`);
      exitCode = 0;
    } else {
      const d = result.divergence!;
      console.log(`Ledger DIVERGES after ${result.leaves} good leaves.\n  ${d.message}`);
      if (d.expected !== null || d.found !== null) console.log(`  expected: ${d.expected ?? '(nothing)'}\n  found:    ${d.found ?? '(nothing)'}`);
      console.log(JSON.stringify(d));
    }
  } finally {
    await db.stop();
  }
} catch (error) {
  logger.fatal({ err: error }, error instanceof Error ? error.message : String(error));
}
process.exit(exitCode);
