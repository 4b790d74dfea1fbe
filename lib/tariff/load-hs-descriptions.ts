// Loads the HS descriptions of one language (French, Spanish, Arabic) from a CSV or TSV file into
// hs_code_description, replacing that language's set in one transaction: a file with any bad line loads
// nothing. English is not loaded here: it is the nomenclature itself (hs_code.description, from
// prisma/data/hs2022), one source of truth shipped with the product. The file format is in docs/languages.md.
import { createHash } from 'node:crypto';

import { parse } from 'csv-parse/sync';

import { getDb } from '../db';
import { AppError, type FieldError } from '../errors';
import { LOCALES, type Locale } from '../i18n/locales';
import { normalizeHsCode } from './search-hs-codes';

/** The languages a descriptions file may be loaded for: every shipped locale but English. */
export const TRANSLATED_LOCALES = LOCALES.filter((l): l is Exclude<Locale, 'en'> => l !== 'en');
export type TranslatedLocale = (typeof TRANSLATED_LOCALES)[number];

/** Longer than any English description (275 characters) with room for a wordier language. */
export const MAX_DESCRIPTION_LENGTH = 1000;
/** A file with more problems than this reports the first ones and how many more. */
const MAX_PROBLEMS = 100;

/** reference_dataset's name for a language's loaded set, e.g. `hs2022-descriptions-fr`. */
export const descriptionsDataset = (locale: TranslatedLocale) => `hs2022-descriptions-${locale}`;

export interface LoadHsDescriptionsResult {
  locale: TranslatedLocale;
  /** Descriptions now loaded for the language (the file's rows). */
  rows: number;
  /** Descriptions of the language that were there before and were replaced. */
  replaced: number;
  /** SHA-256 of the file, recorded in reference_dataset. */
  checksum: string;
}

const isTranslatedLocale = (value: string): value is TranslatedLocale => (TRANSLATED_LOCALES as readonly string[]).includes(value);

/** A problem of one line of the file, as a field error under `lines.<n>.<column>`. */
const lineProblem = (line: number, column: 'code' | 'description' | 'header' | 'file', code: FieldError['code'], message: string): FieldError => ({
  path: ['lines', String(line), column],
  code,
  message: `line ${line}: ${message}`,
});

function refuse(message: string, fieldErrors: FieldError[]): never {
  const shown = fieldErrors.slice(0, MAX_PROBLEMS);
  const more = fieldErrors.length - shown.length;
  throw new AppError('BAD_USER_INPUT', message, { fieldErrors: shown, ...(more > 0 && { moreProblems: more }) });
}

/** UTF-8 text (a BOM is allowed), or a problem: a Latin-1 or UTF-16 export would load garbled words. */
function decode(content: string | Uint8Array): string {
  if (typeof content === 'string') return content;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    refuse('The descriptions file is not UTF-8; nothing was loaded.', [lineProblem(1, 'file', 'INVALID', 'the file is not UTF-8 text: save it as UTF-8 (CSV UTF-8 in a spreadsheet).')]);
  }
}

/**
 * Parses and checks a descriptions file: a header line naming the columns `code` and `description`
 * (others, such as an English column kept for the translator, are ignored), comma-separated (RFC 4180
 * quoting) or tab-separated (no quoting) as the header line shows. Codes are 2, 4 or 6 digits of HS 2022
 * (dots and spaces ignored). Returns the rows, or throws every line's problem.
 */
export async function readHsDescriptions(content: string | Uint8Array): Promise<{ code: string; description: string }[]> {
  const text = decode(content).replace(/^\uFEFF/, '');
  const headerLine = text.split(/\r?\n/, 1)[0] ?? '';
  const tsv = headerLine.includes('\t');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter: tsv ? '\t' : ',', quote: tsv ? false : '"', relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (error) {
    // An unclosed quote or a stray one inside an unquoted CSV field: csv-parse names the line.
    const line = (error as { lines?: number }).lines ?? 1;
    const why = (error as Error).message.replace(/^[^:]*: /, '');
    refuse('The descriptions file cannot be read as CSV; nothing was loaded.', [
      lineProblem(line, 'file', 'INVALID', `${why} (a field holding a comma or a quote is written in quotes, its quotes doubled: "a ""b"", c").`),
    ]);
  }
  const [header, ...rows] = records;
  const names = (header?.record ?? []).map((n) => n.trim().toLowerCase());
  const codeAt = names.indexOf('code');
  const descriptionAt = names.indexOf('description');
  if (!header || codeAt < 0 || descriptionAt < 0) {
    refuse('The descriptions file needs a header line naming the columns code and description; nothing was loaded.', [
      lineProblem(1, 'header', 'REQUIRED', `the first line must name the columns "code" and "description" (${tsv ? 'tab' : 'comma'}-separated); it reads "${headerLine.slice(0, 80)}".`),
    ]);
  }
  if (rows.length === 0) refuse('The descriptions file has no descriptions; nothing was loaded.', [lineProblem(2, 'file', 'REQUIRED', 'no line after the header: give one code and its description per line.')]);

  const problems: FieldError[] = [];
  const firstLine = new Map<string, number>();
  const out: { code: string; description: string }[] = [];
  for (const { record, info } of rows) {
    // csv-parse counts the line a record ends on; a record spanning lines (a quoted line break) starts earlier.
    const line = info.lines - record.join('').split('\n').length + 1;
    const rawCode = (record[codeAt] ?? '').trim();
    const description = (record[descriptionAt] ?? '').trim();
    const code = normalizeHsCode(rawCode);
    let ok = true;
    if (!rawCode) {
      problems.push(lineProblem(line, 'code', 'REQUIRED', 'the code is empty.'));
      ok = false;
    } else if (!code || ![2, 4, 6].includes(code.length)) {
      problems.push(lineProblem(line, 'code', 'INVALID', `"${rawCode.slice(0, 20)}" is not an HS code of 2, 4 or 6 digits.`));
      ok = false;
    } else if (firstLine.has(code)) {
      problems.push(lineProblem(line, 'code', 'DUPLICATE', `${code} is given twice (also on line ${firstLine.get(code)}).`));
      ok = false;
    } else firstLine.set(code, line);
    if (!description) {
      problems.push(lineProblem(line, 'description', 'REQUIRED', 'the description is empty.'));
      ok = false;
    } else if (description.length > MAX_DESCRIPTION_LENGTH) {
      problems.push(lineProblem(line, 'description', 'TOO_BIG', `the description has ${description.length} characters; at most ${MAX_DESCRIPTION_LENGTH}.`));
      ok = false;
    } else if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(description)) {
      problems.push(lineProblem(line, 'description', 'INVALID', 'the description contains a control character.'));
      ok = false;
    }
    if (ok) out.push({ code: code!, description: description.replace(/\s+/g, ' ') });
  }
  // Codes that are well formed but not in the nomenclature, one query for the whole file.
  const codes = out.map((r) => r.code);
  const known = new Set((await getDb().hsCode.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((c) => c.code));
  for (const code of codes) {
    if (!known.has(code)) problems.push(lineProblem(firstLine.get(code)!, 'code', 'UNKNOWN', `${code} is not a code of the HS 2022 nomenclature.`));
  }
  if (problems.length) {
    problems.sort((a, b) => Number(a.path[1]) - Number(b.path[1]));
    refuse(`${problems.length === 1 ? 'A line of the descriptions file needs' : `${problems.length} lines of the descriptions file need`} correcting; nothing was loaded.`, problems);
  }
  return out;
}

/**
 * Replaces the descriptions of `locale` with the file's. Idempotent: loading the same file again gives the
 * same set; a code left out of a newer file falls back to English. Throws BAD_USER_INPUT with one field error
 * per bad line (path `lines.<n>.<column>`), and an unknown locale (or `en`) on path `locale`.
 */
export async function loadHsDescriptions(options: { locale: string; content: string | Uint8Array }): Promise<LoadHsDescriptionsResult> {
  const { locale } = options;
  if (!isTranslatedLocale(locale)) {
    const message =
      locale === 'en'
        ? 'English descriptions are the HS 2022 nomenclature itself (prisma/data/hs2022), loaded at start; load a file for fr, es or ar.'
        : `"${locale.slice(0, 20)}" is not a language the portal speaks besides English: use fr, es or ar.`;
    refuse(message, [{ path: ['locale'], code: 'INVALID', message }]);
  }
  const rows = await readHsDescriptions(options.content);
  const checksum = createHash('sha256').update(options.content).digest('hex');
  const name = descriptionsDataset(locale);
  return getDb().$transaction(
    async (tx) => {
      // Two loads of one language at once take turns: each replaces the whole set, never a mix of both files.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`hs_code_description:${locale}`}))`;
      const replaced = await tx.hsCodeDescription.deleteMany({ where: { locale } });
      await tx.$executeRaw`
        INSERT INTO hs_code_description (code, locale, description)
        SELECT code, ${locale}, description FROM unnest(${rows.map((r) => r.code)}::varchar[], ${rows.map((r) => r.description)}::text[]) AS t(code, description)`;
      await tx.referenceDataset.upsert({
        where: { name },
        create: { name, checksum, rows: rows.length },
        update: { checksum, rows: rows.length, loadedAt: new Date() },
      });
      return { locale, rows: rows.length, replaced: replaced.count, checksum };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
