// `npm run tariff:descriptions -- --locale fr <file.csv|file.tsv>`: loads the HS descriptions of one
// language (fr, es or ar), replacing that language's set; a file with any bad line loads nothing and
// every bad line is printed. Format: docs/languages.md ("HS descriptions per language"). Without
// DATABASE_URL it opens the embedded PostgreSQL under DATA_DIR (stop `npm start` first).
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

import { prepareDatabase } from '../lib/database/prepare-database';
import { AppError } from '../lib/errors';
import { getLogger } from '../lib/logger';
import { loadHsDescriptions, TRANSLATED_LOCALES } from '../lib/tariff/load-hs-descriptions';
import { loadHsNomenclature } from '../lib/tariff/load-hs-nomenclature';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { locale: { type: 'string' } } });
const logger = getLogger();
let exitCode = 1;
try {
  const file = positionals[0];
  if (!file || !values.locale) throw new Error(`Usage: npm run tariff:descriptions -- --locale <${TRANSLATED_LOCALES.join('|')}> <file.csv or file.tsv>`);
  const content = await readFile(file);
  const db = await prepareDatabase({ logger, seed: false });
  try {
    // The codes are checked against the nomenclature: make sure it is there (nothing happens when it is).
    await loadHsNomenclature();
    const result = await loadHsDescriptions({ locale: values.locale, content });
    console.log(`Loaded ${result.rows.toLocaleString('en')} HS descriptions for ${result.locale} from ${file} (replacing ${result.replaced.toLocaleString('en')}); sha256 ${result.checksum}.`);
    exitCode = 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(error.message);
    for (const e of error.details.fieldErrors ?? []) if (e.message !== error.message) console.error(`  ${e.message}`);
    if (typeof error.details.moreProblems === 'number') console.error(`  … and ${error.details.moreProblems} more.`);
  } finally {
    await db.stop();
  }
} catch (error) {
  logger.fatal({ err: error }, error instanceof Error ? error.message : String(error));
}
process.exit(exitCode);
