// A separate process for the ledger's fault tests, killed with SIGKILL by the test at a chosen point:
//   anchor     anchors items one transaction each and prints each item's SHA-256 once committed;
//   integrate  integrates the pending entries, prints "written" with the batch inside its transaction
//              (everything written, not committed) and then hangs there;
//   integrate-all  integrates everything pending and prints the result (a second integrator).
// DATABASE_URL comes from the parent.
import { createHash } from 'node:crypto';

import { sqlTransaction } from '../../../lib/database/sql';
import { anchorItem } from '../../../lib/ledger/anchor-item';
import { integratePending } from '../../../lib/ledger/integrate-pending';

const mode = process.argv[2];
const tag = process.argv[3] ?? 'child';

if (mode === 'anchor') {
  for (let i = 0; ; i++) {
    const sha256 = createHash('sha256').update(`${tag} ${i}`).digest('hex');
    await sqlTransaction((sql) => anchorItem(sql, { kind: 'document', sha256, ref: `${tag}-${i}` }));
    process.stdout.write(`${sha256}\n`);
  }
} else if (mode === 'integrate') {
  await integratePending({
    batchSize: Number(process.argv[4] ?? 50),
    beforeCommit: async (batch) => {
      process.stdout.write(`written ${JSON.stringify(batch)}\n`);
      await new Promise(() => undefined); // killed here, before the commit
    },
  });
} else if (mode === 'integrate-all') {
  const result = await integratePending({ wait: true, batchSize: Number(process.argv[4] ?? 37) });
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
