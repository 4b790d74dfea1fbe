// `npm run ledger:verify [-- --public-key <base64>]`: recomputes the ledger from its entries and checks
// every stored subtree hash and every checkpoint (root, and signature with the configured key, or with
// the given published key). Exit 0 with a summary; exit 1 naming the first divergence. Works on
// DATABASE_URL, or on the embedded PostgreSQL under DATA_DIR when it is unset (stop `npm start` first,
// or point DATABASE_URL at it: the password is in DATA_DIR/postgres/pg-password).
import { parseArgs } from 'node:util';

import { prepareDatabase } from '../lib/database/prepare-database';
import { getLogger } from '../lib/logger';
import { verifyLedger } from '../lib/ledger/verify-ledger';

const { values } = parseArgs({ options: { 'public-key': { type: 'string' }, 'batch-size': { type: 'string', default: '10000' } } });
const logger = getLogger();
const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
let exitCode = 1;
try {
  const publicKey = values['public-key'] ? Buffer.from(values['public-key'], 'base64') : undefined;
  if (publicKey && publicKey.length !== 32) throw new Error('--public-key must be the base64 of a raw 32-byte Ed25519 key (publicKey in /.well-known/clearway-ledger.json).');
  const db = await prepareDatabase({ logger, seed: false });
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
      console.log(`Ledger OK: ${count(result.leaves, 'leaf', 'leaves')}, ${count(result.nodes, 'subtree hash', 'subtree hashes')} and ${count(result.checkpoints, 'checkpoint', 'checkpoints')} checked in ${seconds.toFixed(1)} s; root ${result.rootHash}.`);
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
