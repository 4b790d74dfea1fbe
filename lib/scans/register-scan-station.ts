// A platform administrator registers a scanning station (fixed portal, mobile or rail scanner) as a
// device with its own bearer token, like an e-seal gateway is registered for a company
// (lib/tracking/register-seal-device.ts). The station posts scans with the token's scope `scans:write`;
// only the token's SHA-256 is kept (lib/auth/actor.ts hashSecret), and the secret is shown once, here.
import { randomBytes, randomUUID } from 'node:crypto';

import { z } from 'zod';

import { hashSecret, type Actor } from '../auth/actor';
import { assertPerson, isPlatformAdmin } from '../auth/policy';
import { recordAudit } from '../audit';
import { sqlTransaction, pgCode } from '../database/sql';
import { UN_LOCODE } from '../declarations/codes';
import { AppError } from '../errors';
import { parseInput } from '../validation';

export const SCAN_STATION_TOKEN_PREFIX = 'cw_scan_';

const registerScanStationInput = z.object({
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9._-]{1,39}$/, 'A station code is 2–40 letters, digits, ".", "_" or "-", e.g. NLRTM-PORTAL-1.'),
  name: z.string().trim().min(1, 'Name the station.').max(100),
  kind: z.enum(['FIXED_PORTAL', 'MOBILE', 'RAIL'], { message: 'The kind is FIXED_PORTAL, MOBILE or RAIL.' }),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'The country is ISO 3166-1 alpha-2, e.g. NL.'),
  locode: z.string().trim().toUpperCase().regex(UN_LOCODE, 'Use a UN/LOCODE, e.g. NLRTM.').nullish(),
});
export type RegisterScanStationInput = z.input<typeof registerScanStationInput>;

export async function registerScanStation(options: { actor: Actor; input: RegisterScanStationInput; requestId?: string }): Promise<{ id: string; code: string; token: string }> {
  const { actor } = options;
  assertPerson(actor, 'register scanning stations');
  if (!isPlatformAdmin(actor)) throw new AppError('FORBIDDEN', 'Only platform administrators register scanning stations.');
  const input = parseInput(registerScanStationInput, options.input);
  const id = randomUUID();
  // 192 random bits, as API tokens: a plain SHA-256 is then the right hash.
  const token = SCAN_STATION_TOKEN_PREFIX + randomBytes(24).toString('base64url');
  try {
    await sqlTransaction(async (sql) => {
      await sql(
        `INSERT INTO scan_station (id, code, name, kind, country, locode, token_prefix, token_hash, scopes, created_by_id)
         VALUES ($1::uuid, $2, $3, $4::scan_station_kind, $5, $6, $7, $8, ARRAY['scans:write'], $9::uuid)`,
        [id, input.code, input.name, input.kind, input.country, input.locode ?? null, token.slice(0, 12), hashSecret(token), actor.userId],
      );
      await recordAudit(sql, { actor, action: 'scan_station.register', targetType: 'scan_station', targetId: id, requestId: options.requestId, details: { code: input.code, kind: input.kind, country: input.country } });
    });
  } catch (error) {
    if (pgCode(error) === '23505') throw new AppError('CONFLICT', `A scanning station with the code ${input.code} is registered already.`, { field: 'code' });
    throw error;
  }
  return { id, code: input.code, token };
}
