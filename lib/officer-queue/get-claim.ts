// The live claim on a declaration, if any (one that has not timed out), with its holder's name.
import type { Sql } from '../database/sql';
import { claimTimeoutSql } from './claim-timeout';

export interface ClaimView {
  declarationId: string;
  officerId: string;
  officerName: string;
  officerEmail: string;
  claimedAt: Date;
  returnsAt: Date;
}

export async function getClaims(sql: Sql, declarationIds: readonly string[]): Promise<Map<string, ClaimView>> {
  const rows = await sql<ClaimView>(
    `SELECT c.declaration_id AS "declarationId", c.officer_id AS "officerId", u.name AS "officerName", u.email AS "officerEmail",
            c.claimed_at AS "claimedAt", c.claimed_at + ${claimTimeoutSql()} AS "returnsAt"
       FROM declaration_claim c JOIN app_user u ON u.id = c.officer_id
      WHERE c.declaration_id = ANY($1::uuid[]) AND c.claimed_at > now() - ${claimTimeoutSql()}`,
    [declarationIds],
  );
  return new Map(rows.map((r) => [r.declarationId, { ...r, claimedAt: new Date(r.claimedAt), returnsAt: new Date(r.returnsAt) }]));
}
