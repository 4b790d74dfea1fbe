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

/**
 * Stores the declaration as given as immutable version `version`, with the SHA-256 of its canonical
 * JSON, and anchors that hash in the ledger in the same transaction.
 */
export async function freezeVersion(sql: Sql, args: { row: DeclarationWithLines; version: number; actor: Actor; reason: string }): Promise<string> {
  const { json, sha256 } = versionRecord(args.row, args.version);
  await sql(
    `INSERT INTO declaration_version (id, declaration_id, version, snapshot, sha256, reason, created_by_id)
     VALUES ($1::uuid, $2::uuid, $3, $4::jsonb, $5, $6, $7::uuid)`,
    [randomUUID(), args.row.id, args.version, json, sha256, args.reason, args.actor.userId],
  );
  await anchorItem(sql, { kind: 'declaration-version', sha256, ref: versionRef(args.row.id, args.version) });
  return sha256;
}
