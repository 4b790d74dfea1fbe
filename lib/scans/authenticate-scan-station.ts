// Who posts a scan: a scanning station's bearer token (`Authorization: Bearer cw_scan_…`, made by
// registerScanStation). The station acts with the scope `scans:write` only; its accountable person is
// the administrator who registered it (as a seal gateway's is its registrant). Unknown or revoked: 401.
import { hashSecret, type Actor, type RequestInfo } from '../auth/actor';
import { getPool } from '../db';
import { AppError } from '../errors';
import type { UserRole } from '../generated/prisma/enums';
import { SCAN_STATION_TOKEN_PREFIX } from './register-scan-station';

export interface ScanStationIdentity {
  id: string;
  code: string;
  name: string;
  kind: string;
  country: string;
  locode: string | null;
}

export async function authenticateScanStation(authorization: string | null | undefined, request: RequestInfo): Promise<{ station: ScanStationIdentity; actor: Actor }> {
  const secret = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
  if (!secret) throw new AppError('UNAUTHENTICATED', `Send the scanning station's token as "Authorization: Bearer ${SCAN_STATION_TOKEN_PREFIX}…".`);
  if (!secret.startsWith(SCAN_STATION_TOKEN_PREFIX)) {
    throw new AppError('UNAUTHENTICATED', `Scans are posted with a scanning station's token (they start with ${SCAN_STATION_TOKEN_PREFIX}); a platform administrator registers stations.`);
  }
  const { rows } = await getPool().query<ScanStationIdentity & { revokedAt: Date | null; scopes: string[]; userId: string; email: string; userName: string; role: UserRole; disabledAt: Date | null }>(
    `SELECT s.id, s.code, s.name, s.kind::text AS kind, s.country, s.locode, s.revoked_at AS "revokedAt", s.scopes,
            u.id AS "userId", u.email, u.name AS "userName", u.role::text AS role, u.disabled_at AS "disabledAt"
       FROM scan_station s JOIN app_user u ON u.id = s.created_by_id WHERE s.token_hash = $1`,
    [hashSecret(secret)],
  );
  const row = rows[0];
  if (!row) throw new AppError('UNAUTHENTICATED', 'Unknown scanning station token.');
  if (row.revokedAt) throw new AppError('UNAUTHENTICATED', 'This scanning station was revoked.');
  if (!row.scopes.includes('scans:write')) throw new AppError('FORBIDDEN', 'This station token lacks the scope "scans:write".', { requiredScope: 'scans:write' });
  return {
    station: { id: row.id, code: row.code, name: row.name, kind: row.kind, country: row.country, locode: row.locode },
    actor: {
      userId: row.userId,
      email: row.email,
      name: row.userName,
      role: row.role,
      companyId: null,
      isCompanyAdmin: false,
      token: { id: row.id, name: `scanning station ${row.code}`, scopes: ['scans:write'] },
      clients: [],
      request,
    },
  };
}
