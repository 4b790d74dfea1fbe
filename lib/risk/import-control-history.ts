// Past declarations with their control results, from CSV in the WCO/DATE transaction layout (with a
// column mapping for files that name the columns otherwise). The file streams (csv-parse) and its rows
// are written in chunks tagged with the import's id, so progress shows on the import row while it runs.
// A file with any refused row is refused whole: its rows are removed and the import stays as a REFUSED
// report listing each refused line with its reason. A completed import can be undone
// (undo-control-history-import.ts). If the process dies midway, the RUNNING import and its rows are
// visible and can be undone the same way.
import { Readable, Transform } from 'node:stream';

import { parse } from 'csv-parse';

import type { Actor } from '../auth/actor';
import { assertCanManageRiskModels } from '../auth/policy';
import { recordAudit } from '../audit';
import { sqlOfPrisma } from '../database/sql';
import { getDb } from '../db';
import { isCountryCode } from '../declarations/codes';
import { getEnv } from '../env';
import { AppError } from '../errors';
import type { ControlHistoryImport } from '../generated/prisma/client';
import { formatBytes } from '../format-bytes';
import { fieldsNeedCorrecting } from '../validation';

export const DATE_COLUMNS = ['sgd.id', 'sgd.date', 'importer.id', 'declarant.id', 'country', 'office.id', 'tariff.code', 'quantity', 'gross.weight', 'fob.value', 'cif.value', 'total.taxes', 'illicit', 'revenue'] as const;
type DateColumn = (typeof DATE_COLUMNS)[number];

const CHUNK = 2000;
const MAX_REPORTED_ERRORS = 100;

export interface ImportProblem {
  line: number;
  column: string | null;
  message: string;
}

class TooLarge extends Error {}

export async function importControlHistory(options: {
  actor: Actor;
  source: Readable | string;
  fileName?: string;
  /** DATE column -> the file's name for it; unmapped columns keep their DATE names. */
  mapping?: Partial<Record<DateColumn, string>>;
  requestId?: string;
}): Promise<ControlHistoryImport> {
  const { actor } = options;
  assertCanManageRiskModels(actor, 'import control history');
  const mapping = options.mapping ?? {};
  for (const key of Object.keys(mapping)) {
    if (!(DATE_COLUMNS as readonly string[]).includes(key)) {
      throw fieldsNeedCorrecting([{ path: ['mapping', key], code: 'INVALID', message: `${key} is not a column of the layout (${DATE_COLUMNS.join(', ')}).` }]);
    }
  }
  const fileColumn = (c: DateColumn) => mapping[c] ?? c;
  const db = getDb();
  const sql = sqlOfPrisma(db);
  const batch = await db.controlHistoryImport.create({ data: { fileName: (options.fileName ?? 'upload.csv').slice(0, 200), mapping, createdById: actor.userId } });
  const maxBytes = getEnv().CONTROL_HISTORY_MAX_BYTES;
  const knownHs = new Set((await sql<{ code: string }>(`SELECT code FROM hs_code WHERE level = 6`)).map((r) => r.code));

  const problems: ImportProblem[] = [];
  let refused = 0;
  let accepted = 0;
  let read = 0;
  let bytes = 0;
  const seen = new Set<string>();
  let pending: unknown[][] = [];
  const refuse = (line: number, column: string | null, message: string) => {
    if (problems.length < MAX_REPORTED_ERRORS) problems.push({ line, column, message });
  };

  const flush = async () => {
    if (!pending.length) return;
    const rows = pending;
    pending = [];
    const cols = DATE_COLUMNS.map((_, i) => rows.map((r) => r[i + 1]));
    const lines = rows.map((r) => r[0] as number);
    // Ids already stored by an earlier import are refused, not overwritten.
    const dup = await sql<{ id: string }>(`SELECT sgd_id AS id FROM control_history WHERE sgd_id = ANY($1::text[])`, [cols[0]]);
    const dupSet = new Set(dup.map((d) => d.id));
    const keep = rows.map((r, i) => {
      if (!dupSet.has(r[1] as string)) return true;
      refused++;
      refuse(lines[i]!, 'sgd.id', `${r[1] as string} is already imported.`);
      return false;
    });
    const pick = (c: unknown[]) => c.filter((_, i) => keep[i]);
    const n = keep.filter(Boolean).length;
    if (n) {
      await sql(
        `INSERT INTO control_history (import_id, sgd_id, sgd_date, importer_id, declarant_id, country, office_id, tariff_code, quantity, gross_weight, fob_value, cif_value, total_taxes, illicit, revenue)
         SELECT $1::uuid, * FROM unnest($2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::numeric[], $10::numeric[], $11::numeric[], $12::numeric[], $13::numeric[], $14::bool[], $15::numeric[])
         ON CONFLICT (sgd_id) DO NOTHING`,
        [batch.id, ...cols.map(pick)],
      );
    }
    accepted += n;
    await db.controlHistoryImport.update({ where: { id: batch.id }, data: { rowsRead: read, rowsAccepted: accepted, rowsRefused: refused, bytesRead: BigInt(bytes) } });
  };

  let headerProblem: string | null = null;
  try {
    const source = typeof options.source === 'string' ? Readable.from([options.source]) : options.source;
    const counter = new Transform({
      transform(chunk: Buffer | string, _enc, done) {
        bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
        if (bytes > maxBytes) return done(new TooLarge());
        done(null, chunk);
      },
    });
    const parser = source.pipe(counter).pipe(
      parse({
        bom: true,
        trim: true,
        skip_empty_lines: true,
        relax_column_count: true,
        columns: (header: string[]) => {
          const expected = DATE_COLUMNS.map(fileColumn);
          const missing = expected.filter((c) => !header.includes(c));
          const extra = header.filter((c) => !expected.includes(c));
          if (missing.length || extra.length) {
            headerProblem = [missing.length ? `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` : '', extra.length ? `unexpected column${extra.length > 1 ? 's' : ''} ${extra.join(', ')} (map them or remove them)` : ''].filter(Boolean).join('; ');
            throw new AppError('BAD_USER_INPUT', headerProblem);
          }
          return header;
        },
      }),
    );
    source.on('error', (e) => counter.destroy(e));
    counter.on('error', (e) => parser.destroy(e));
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      read++;
      const line = read + 1;
      const get = (c: DateColumn) => record[fileColumn(c)] ?? '';
      const row = validateRow(get, knownHs, seen);
      if (typeof row === 'object' && 'problem' in row) {
        refused++;
        refuse(line, row.column, row.problem);
        continue;
      }
      seen.add(row[0] as string);
      pending.push([line, ...row]);
      if (pending.length >= CHUNK) await flush();
    }
    await flush();
  } catch (error) {
    if (error instanceof TooLarge || (error as { cause?: unknown }).cause instanceof TooLarge) {
      refuse(0, null, `The file is larger than the limit of ${formatBytes(maxBytes)} (CONTROL_HISTORY_MAX_BYTES): split it into smaller files.`);
    } else if (headerProblem) {
      refuse(1, null, `The header does not match the layout: ${headerProblem}.`);
    } else if ((error as { code?: string }).code?.startsWith?.('CSV_')) {
      refuse(read + 2, null, `Not valid CSV: ${(error as Error).message}`);
    } else {
      throw error;
    }
    refused++;
  }

  const status = refused ? 'REFUSED' : 'COMPLETED';
  return db.$transaction(async (tx) => {
    // A refused file keeps nothing but its report.
    if (refused) await tx.controlHistory.deleteMany({ where: { importId: batch.id } });
    const done = await tx.controlHistoryImport.update({
      where: { id: batch.id },
      data: { status, rowsRead: read, rowsAccepted: refused ? 0 : accepted, rowsRefused: refused, bytesRead: BigInt(bytes), errors: problems as object[], finishedAt: new Date() },
    });
    await recordAudit(tx, { actor, action: 'control_history.import', targetType: 'control_history_import', targetId: batch.id, requestId: options.requestId, details: { fileName: done.fileName, status, rowsAccepted: done.rowsAccepted, rowsRefused: refused } });
    return done;
  });
}

const NUMBER = /^\d{1,15}(\.\d{1,3})?$/;

/** The row's values in DATE_COLUMNS order, or its first problem. */
function validateRow(get: (c: DateColumn) => string, knownHs: Set<string>, seen: Set<string>): unknown[] | { column: string; problem: string } {
  const id = get('sgd.id');
  if (!id || id.length > 64) return { column: 'sgd.id', problem: 'sgd.id is required, up to 64 characters.' };
  if (seen.has(id)) return { column: 'sgd.id', problem: `${id} appears twice in the file.` };
  const date = get('sgd.date');
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : null;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) return { column: 'sgd.date', problem: `"${date}" is not a date as YYYY-MM-DD.` };
  for (const c of ['importer.id', 'declarant.id', 'office.id'] as const) {
    const v = get(c);
    if (!v || v.length > (c === 'office.id' ? 16 : 64)) return { column: c, problem: `${c} is required, up to ${c === 'office.id' ? 16 : 64} characters.` };
  }
  const country = get('country').toUpperCase();
  if (!isCountryCode(country)) return { column: 'country', problem: `"${get('country')}" is not an ISO 3166-1 alpha-2 country code.` };
  const code = get('tariff.code').replace(/\./g, '');
  if (!/^\d{6}(\d{2}){0,2}$/.test(code)) return { column: 'tariff.code', problem: `"${get('tariff.code')}" is not an HS code of 6, 8 or 10 digits.` };
  if (!knownHs.has(code.slice(0, 6))) return { column: 'tariff.code', problem: `${code.slice(0, 6)} is not an HS 2022 subheading.` };
  const numbers: string[] = [];
  for (const c of ['quantity', 'gross.weight', 'fob.value', 'cif.value', 'total.taxes'] as const) {
    const v = get(c);
    if (!NUMBER.test(v)) return { column: c, problem: `${c} "${v}" is not a number of at least 0.` };
    numbers.push(v);
  }
  const illicit = get('illicit').toLowerCase();
  if (!['0', '1', 'true', 'false'].includes(illicit)) return { column: 'illicit', problem: `illicit "${get('illicit')}" is 0 or 1.` };
  const revenue = get('revenue');
  if (!NUMBER.test(revenue)) return { column: 'revenue', problem: `revenue "${revenue}" is not a number of at least 0.` };
  return [id, date, get('importer.id'), get('declarant.id'), country, get('office.id'), code, ...numbers, illicit === '1' || illicit === 'true', revenue];
}
