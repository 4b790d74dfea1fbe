import { randomUUID } from 'node:crypto';

import type { Actor } from '../auth/actor';
import type { Sql } from '../database/sql';
import { anchorItem } from '../ledger/anchor-item';
import { snapshotOf, type DeclarationWithLines } from './declaration-rows';
import { canonicalJson, sha256Hex } from './snapshot';

/** The canonical JSON of a version and its SHA-256 (what is stored, and later anchored). */
export function versionRecord(row: DeclarationWithLines, version: number): { json: string; sha256: string } {
  const json = canonicalJson(snapshotOf(row, version));
  return { json, sha256: sha256Hex(json) };
}

/** The ledger reference of a version: the declaration id and the version number. */
export function versionRef(declarationId: string, version: number): string {
  return `${declarationId}/v${version}`;
}

/** The columns of a version row, in the order of `versionValues` (for statements that write one among others). */
export const VERSION_COLUMNS = 'id, declaration_id, version, snapshot, sha256, reason, created_by_id';
const CASTS = ['::uuid', '::uuid', '::int', '::jsonb', '', '', '::uuid'] as const;

/** `$first, $first+1, …` with the casts VERSION_COLUMNS need. */
export function versionPlaceholders(first: number): string {
  return CASTS.map((cast, i) => `$${first + i}${cast}`).join(', ');
}

/** The parameters of a version row, in the order of VERSION_COLUMNS. */
export function versionValues(args: { declarationId: string; version: number; record: { json: string; sha256: string }; reason: string; createdById: string }): unknown[] {
  return [randomUUID(), args.declarationId, args.version, args.record.json, args.record.sha256, args.reason, args.createdById];
}

/**
 * Stores the declaration as given as immutable version `version`, with the SHA-256 of its canonical
 * JSON, and anchors that hash in the ledger in the same transaction.
 */
export async function freezeVersion(sql: Sql, args: { row: DeclarationWithLines; version: number; actor: Actor; reason: string }): Promise<string> {
  const record = versionRecord(args.row, args.version);
  await sql(
    `INSERT INTO declaration_version (${VERSION_COLUMNS}) VALUES (${versionPlaceholders(1)})`,
    versionValues({ declarationId: args.row.id, version: args.version, record, reason: args.reason, createdById: args.actor.userId }),
  );
  await anchorItem(sql, { kind: 'declaration-version', sha256: record.sha256, ref: versionRef(args.row.id, args.version) });
  return record.sha256;
}
