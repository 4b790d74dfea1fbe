// The officers' shared queue: open declarations with filters (office, lane, status, HS chapter,
// importer, age, claim), a sort, counts per status and lane over the whole filter, and keyset
// pagination. A filter value that names nothing (an office, chapter or importer Clearway does not
// know, a status that is not queue work) is a field error naming it: an empty queue would hide a typo.
import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { assertOfficial } from '../auth/policy';
import { CODE_LIST_DATA } from '../code-lists/data';
import { CUSTOMS_OFFICE } from '../declarations/codes';
import { sqlOfClient } from '../database/sql';
import { getDb, getPool } from '../db';
import { AppError, type FieldError } from '../errors';
import type { Declaration } from '../generated/prisma/client';
import { CURSOR_KEY, decodeCursor, encodeCursor } from '../pagination';
import { parseInput } from '../validation';
import { claimTimeoutSql } from './claim-timeout';
import { getClaims, type ClaimView } from './get-claim';
import { QUEUE_STATUSES, isQueueStatus } from './queue-statuses';
import { readServiceLevels, type Lane } from './service-levels';

export const QUEUE_ORDERS = ['OLDEST_FIRST', 'NEWEST_FIRST', 'RISK_SCORE_DESC'] as const;

export const officerQueueFilter = z.object({
  office: z.array(z.string().trim().toUpperCase()).max(50).optional(),
  lane: z.array(z.enum(['GREEN', 'YELLOW', 'RED'])).max(3).optional(),
  status: z.array(z.string()).max(20).optional(),
  hsChapter: z.array(z.string().trim()).max(100).optional(),
  importerEori: z.array(z.string().trim().toUpperCase()).max(50).optional(),
  minAgeHours: z.number().min(0).max(100_000).optional(),
  maxAgeHours: z.number().min(0).max(100_000).optional(),
  claim: z.enum(['ANY', 'MINE', 'OTHERS', 'UNCLAIMED']).optional(),
  late: z.boolean().optional(),
});
export type OfficerQueueFilter = z.input<typeof officerQueueFilter>;

const input = z.object({
  filter: officerQueueFilter.default({}),
  orderBy: z.enum(QUEUE_ORDERS).default('OLDEST_FIRST'),
  first: z.number().int().min(1, 'first must be at least 1.').max(100, 'first is at most 100.').default(25),
  after: z.string().optional(),
});

export interface QueueEntry {
  declaration: Declaration;
  ageHours: number;
  serviceLevelHours: number | null;
  late: boolean;
  claim: ClaimView | null;
  goods: string | null;
  hsChapters: string[];
}

export interface OfficerQueuePage {
  edges: { node: QueueEntry; cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
  lateCount: number;
  byStatus: { status: string; count: number }[];
  byLane: { lane: string | null; count: number }[];
}

const KNOWN_OFFICES = new Set(CODE_LIST_DATA.customsOffices.entries.map((e) => e.code));

export async function listOfficerQueue(options: { actor: Actor; filter?: OfficerQueueFilter; orderBy?: string; first?: number; after?: string }): Promise<OfficerQueuePage> {
  const { actor } = options;
  assertOfficial(actor, 'read the officer queue');
  const q = parseInput(input, { filter: options.filter ?? {}, orderBy: options.orderBy, first: options.first, after: options.after }, 'Invalid queue filter.');
  const f = q.filter;
  const sql = sqlOfClient(getPool());
  const errors: FieldError[] = [];
  const bad = (field: string, i: number, code: FieldError['code'], message: string) => errors.push({ path: ['filter', field, String(i)], code, message });
  f.office?.forEach((o, i) => {
    if (!CUSTOMS_OFFICE.test(o)) bad('office', i, 'INVALID', `${o} is not a customs office reference (country code and 6 characters, e.g. NL000396).`);
    else if (!KNOWN_OFFICES.has(o)) bad('office', i, 'UNKNOWN', `${o} is not in the customs office list.`);
  });
  f.status?.forEach((s, i) => {
    if (!isQueueStatus(s)) bad('status', i, 'INVALID', `${s} is not queue work; the queue holds ${QUEUE_STATUSES.join(', ')}.`);
  });
  f.hsChapter?.forEach((c, i) => {
    if (!/^\d{2}$/.test(c) || Number(c) < 1 || Number(c) > 97 || c === '77') bad('hsChapter', i, 'UNKNOWN', `${c} is not an HS chapter (01 to 97, 77 is reserved).`);
  });
  let importerIds: string[] | undefined;
  if (f.importerEori?.length) {
    const found = await sql<{ id: string; eori: string }>('SELECT id, eori FROM company WHERE eori = ANY($1::text[])', [f.importerEori]);
    f.importerEori.forEach((e, i) => {
      if (!found.some((c) => c.eori === e)) bad('importerEori', i, 'UNKNOWN', `No registered company has EORI ${e}.`);
    });
    importerIds = found.map((c) => c.id);
  }
  if (f.minAgeHours !== undefined && f.maxAgeHours !== undefined && f.minAgeHours > f.maxAgeHours) {
    errors.push({ path: ['filter', 'maxAgeHours'], code: 'MISMATCH', message: 'maxAgeHours cannot be less than minAgeHours.' });
  }
  if (errors.length) throw new AppError('BAD_USER_INPUT', 'Invalid queue filter.', { fieldErrors: errors });

  const levels = readServiceLevels();
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = [`d.status::text = ANY(${p(f.status?.length ? f.status : [...QUEUE_STATUSES])}::text[])`];
  if (f.office?.length) where.push(`COALESCE(d.office_of_declaration, d.office_of_entry, d.office_of_exit) = ANY(${p(f.office)}::text[])`);
  if (f.lane?.length) where.push(`d.lane::text = ANY(${p(f.lane)}::text[])`);
  if (importerIds) where.push(`d.importer_id = ANY(${p(importerIds)}::uuid[])`);
  if (f.hsChapter?.length) where.push(`EXISTS (SELECT 1 FROM goods_item g WHERE g.declaration_id = d.id AND left(g.commodity_code, 2) = ANY(${p(f.hsChapter)}::text[]))`);
  if (f.minAgeHours !== undefined) where.push(`d.submitted_at <= now() - make_interval(secs => ${p(f.minAgeHours * 3600)}::float8)`);
  if (f.maxAgeHours !== undefined) where.push(`d.submitted_at >= now() - make_interval(secs => ${p(f.maxAgeHours * 3600)}::float8)`);
  const claimJoin = `LEFT JOIN declaration_claim c ON c.declaration_id = d.id AND c.claimed_at > now() - ${claimTimeoutSql()}`;
  if (f.claim === 'MINE') where.push(`c.officer_id = ${p(actor.userId)}::uuid`);
  if (f.claim === 'OTHERS') where.push(`c.officer_id IS NOT NULL AND c.officer_id <> ${p(actor.userId)}::uuid`);
  if (f.claim === 'UNCLAIMED') where.push('c.officer_id IS NULL');
  // Service level of the row's lane, in hours (NULL: none).
  const level = `(CASE d.lane::text ${(Object.entries(levels) as [Lane, number | null][]).map(([l, h]) => `WHEN '${l}' THEN ${h ?? 'NULL'}`).join(' ')} END)`;
  const lateSql = `(${level} IS NOT NULL AND d.submitted_at < now() - make_interval(hours => ${level}))`;
  if (f.late !== undefined) where.push(f.late ? lateSql : `NOT ${lateSql}`);
  const base = `FROM declaration d ${claimJoin} WHERE ${where.join(' AND ')}`;

  const counts = await sql<{ status: string; lane: string | null; n: number; late: number }>(
    `SELECT d.status::text AS status, d.lane::text AS lane, count(*)::int AS n, count(*) FILTER (WHERE ${lateSql})::int AS late ${base} GROUP BY 1, 2`,
    [...params],
  );

  // Keyset: (sort value, submitted_at, id) of the last row of the previous page.
  const order = {
    OLDEST_FIRST: { by: 'd.submitted_at ASC, d.id ASC', after: (t: string, id: string) => `(d.submitted_at, d.id) > (${p(t)}::timestamptz, ${p(id)}::uuid)` },
    NEWEST_FIRST: { by: 'd.submitted_at DESC, d.id DESC', after: (t: string, id: string) => `(d.submitted_at, d.id) < (${p(t)}::timestamptz, ${p(id)}::uuid)` },
    RISK_SCORE_DESC: {
      by: 'COALESCE(d.risk_score, -1) DESC, d.submitted_at ASC, d.id ASC',
      after: (t: string, id: string, score: string) =>
        `(COALESCE(d.risk_score, -1) < ${p(Number(score || -1))} OR (COALESCE(d.risk_score, -1) = ${p(Number(score || -1))} AND (d.submitted_at, d.id) > (${p(t)}::timestamptz, ${p(id)}::uuid)))`,
    },
  }[q.orderBy];
  const pageWhere: string[] = [];
  if (q.after) {
    const [t, id, score] = decodeCursor(q.after, 'officer-queue', CURSOR_KEY.timeUuidAndScore).split('|') as [string, string, string];
    pageWhere.push(order.after(t, id, score));
  }
  const rows = await sql<{ id: string; submitted_at: Date; risk_score: number | null; age_hours: number; level: number | null; late: boolean; goods: string | null; chapters: string[] }>(
    `SELECT d.id, d.submitted_at, d.risk_score, extract(epoch FROM now() - d.submitted_at) / 3600 AS age_hours, ${level} AS level, ${lateSql} AS late,
            (SELECT g.description FROM goods_item g WHERE g.declaration_id = d.id ORDER BY g.sequence LIMIT 1) AS goods,
            ARRAY(SELECT DISTINCT left(g.commodity_code, 2) FROM goods_item g WHERE g.declaration_id = d.id ORDER BY 1) AS chapters
       ${base}${pageWhere.length ? ` AND ${pageWhere.join(' AND ')}` : ''}
      ORDER BY ${order.by} LIMIT ${q.first + 1}`,
    params,
  );
  const page = rows.slice(0, q.first);
  const [declarations, claims] = await Promise.all([getDb().declaration.findMany({ where: { id: { in: page.map((r) => r.id) } } }), getClaims(sql, page.map((r) => r.id))]);
  const byId = new Map(declarations.map((d) => [d.id, d]));
  const edges = page.map((r) => ({
    node: {
      declaration: byId.get(r.id)!,
      ageHours: Math.round(Number(r.age_hours) * 10) / 10,
      serviceLevelHours: r.level,
      late: r.late,
      claim: claims.get(r.id) ?? null,
      goods: r.goods,
      hsChapters: r.chapters,
    },
    cursor: encodeCursor('officer-queue', `${new Date(r.submitted_at).toISOString()}|${r.id}|${r.risk_score ?? ''}`),
  }));
  const sum = (pick: (c: (typeof counts)[number]) => string | null) => {
    const m = new Map<string | null, number>();
    for (const c of counts) m.set(pick(c), (m.get(pick(c)) ?? 0) + c.n);
    return [...m];
  };
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > q.first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: counts.reduce((a, c) => a + c.n, 0),
    lateCount: counts.reduce((a, c) => a + c.late, 0),
    byStatus: sum((c) => c.status).map(([status, count]) => ({ status: status!, count })),
    byLane: sum((c) => c.lane).map(([lane, count]) => ({ lane, count })),
  };
}
