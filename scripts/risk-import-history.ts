// `npm run risk:import-history -- <file.csv> [--as <email>] [--map sgd.id=declaration_number ...]`:
// imports past declarations with their control results (WCO/DATE layout) from a file of any size,
// streamed through the same function as the importControlHistory mutation (same checks, same
// all-or-nothing rule, same report). Acts as the named risk analyst or platform administrator (default
// ADMIN_EMAIL). Prints progress on stderr and the refused lines; exit 0 when every row was kept.
// `--generate <rows>` writes the synthetic generator's history to <file.csv> instead (for demos and
// trying the import). Without DATABASE_URL it opens the embedded PostgreSQL under DATA_DIR (stop
// `npm start` first).
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';

import { loadUserActor } from '../lib/auth/actor';
import { prepareDatabase } from '../lib/database/prepare-database';
import { getLogger } from '../lib/logger';
import { formatDateCsv } from '../lib/risk/format-date-csv';
import { generateControlHistory } from '../lib/risk/generate-control-history';
import { DATE_COLUMNS, importControlHistory } from '../lib/risk/import-control-history';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { as: { type: 'string' }, map: { type: 'string', multiple: true }, generate: { type: 'string' }, seed: { type: 'string', default: '14' } } });
const logger = getLogger();
let exitCode = 1;
try {
  const file = positionals[0];
  if (!file) throw new Error(`Usage: npm run risk:import-history -- <file.csv> [--as <email>] [--map <${DATE_COLUMNS[0]}=file column> ...] | --generate <rows>`);
  if (values.generate) {
    const rows = Number(values.generate);
    if (!Number.isInteger(rows) || rows < 1) throw new Error('--generate takes a number of rows, e.g. 20000.');
    await pipeline(Readable.from(formatDateCsv(generateControlHistory({ rows, seed: Number(values.seed) }))), createWriteStream(file));
    console.log(`Wrote ${rows.toLocaleString('en')} synthetic declarations with control results to ${file}.`);
    exitCode = 0;
  } else {
    const mapping: Record<string, string> = {};
    for (const m of values.map ?? []) {
      const [column, fileColumn] = m.split('=');
      if (!column || !fileColumn) throw new Error(`--map ${m}: write it as <layout column>=<file column>, e.g. sgd.id=declaration_number.`);
      mapping[column] = fileColumn;
    }
    const email = values.as ?? process.env.ADMIN_EMAIL;
    if (!email) throw new Error('Say who imports: --as <email of a risk analyst or platform administrator> (or set ADMIN_EMAIL).');
    const size = (await stat(file)).size;
    const db = await prepareDatabase({ logger, seed: false });
    try {
      const actor = await loadUserActor({ email });
      let read = 0;
      let shown = 0;
      const progress = new Transform({
        transform(chunk: Buffer, _enc, done) {
          read += chunk.length;
          if (read - shown >= 8 * 1_048_576 || read === size) {
            shown = read;
            process.stderr.write(`  ${((read / Math.max(1, size)) * 100).toFixed(0)} % (${(read / 1_048_576).toFixed(1)} MiB) read\n`);
          }
          done(null, chunk);
        },
      });
      const source = createReadStream(file).pipe(progress);
      const result = await importControlHistory({ actor, source, fileName: basename(file), mapping: mapping as never });
      console.log(`${result.status}: ${result.rowsRead.toLocaleString('en')} rows read, ${result.rowsAccepted.toLocaleString('en')} kept, ${result.rowsRefused.toLocaleString('en')} refused (import ${result.id}).`);
      for (const e of result.errors as { line: number; column: string | null; message: string }[]) console.log(`  line ${e.line}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
      if (result.rowsRefused > (result.errors as unknown[]).length) console.log(`  … and ${result.rowsRefused - (result.errors as unknown[]).length} more.`);
      exitCode = result.status === 'COMPLETED' ? 0 : 1;
    } finally {
      await db.stop();
    }
  }
} catch (error) {
  logger.fatal({ err: error }, error instanceof Error ? error.message : String(error));
}
process.exit(exitCode);
