// Requests from e-seal gateways are signed: header values deviceId, timestamp (Unix seconds) and
// signature = hex HMAC-SHA256(device secret, timestamp + "." + raw body). A request is accepted when
// the signature matches, the timestamp is within 5 minutes of the server clock, and the signature has
// not been seen before (a replayed request carries the same signature within the window; seen
// signatures are kept for the window, then forgotten, as the timestamp check refuses them anyway).
//
// HMAC needs the raw secret, so seal_device keeps it in clear (like any shared-key scheme); it is read
// only here and never returned after registration. Encrypting it at rest under a key outside the
// database is the next step if the threat model asks for it.
import { createHmac, timingSafeEqual } from 'node:crypto';

import type { Actor } from '../auth/actor';
import { sqlTransaction } from '../database/sql';
import { AppError } from '../errors';
import type { UserRole } from '../generated/prisma/enums';

export const SIGNATURE_WINDOW_SECONDS = 300;

export interface VerifiedDevice {
  device: { id: string; companyId: string; name: string };
  /** The device as an actor: its company, the events:write scope only, accountable person its registrant. */
  actor: Actor;
}

const refuse = (message: string) => new AppError('UNAUTHENTICATED', message);

export async function verifyDeviceSignature(options: {
  deviceId: string;
  timestamp: string | number;
  body: string | Buffer;
  signature: string;
  now?: Date;
  request?: Actor['request'];
}): Promise<VerifiedDevice> {
  const now = options.now ?? new Date();
  const timestamp = String(options.timestamp).trim();
  if (!/^\d{1,12}$/.test(timestamp)) throw refuse('The timestamp is Unix time in seconds, e.g. 1767225600.');
  const skew = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (skew > SIGNATURE_WINDOW_SECONDS) {
    throw refuse(`The request timestamp is ${Math.round(skew)} s away from the server clock; signed requests are accepted within ${SIGNATURE_WINDOW_SECONDS} s. Check the device clock.`);
  }
  const signature = options.signature.trim().replace(/^sha256=/i, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(signature)) throw refuse('The signature is the hex HMAC-SHA256 of timestamp + "." + body (64 hex digits).');
  if (!/^[0-9a-f-]{36}$/i.test(options.deviceId)) throw refuse('Unknown device.');

  return sqlTransaction(async (sql) => {
    const [device] = await sql<{ id: string; companyId: string; name: string; secret: string; revokedAt: Date | null; userId: string; email: string; userName: string; role: UserRole }>(
      `SELECT s.id, s.company_id AS "companyId", s.name, s.secret, s.revoked_at AS "revokedAt", u.id AS "userId", u.email, u.name AS "userName", u.role::text AS role
         FROM seal_device s JOIN app_user u ON u.id = s.created_by_id WHERE s.id = $1::uuid`,
      [options.deviceId],
    );
    if (!device) throw refuse('Unknown device.');
    if (device.revokedAt) throw refuse('This device was revoked.');
    const expected = createHmac('sha256', device.secret).update(`${timestamp}.`).update(options.body).digest();
    if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) throw refuse('The signature does not match: sign timestamp + "." + the exact request body with the device secret.');

    await sql(`DELETE FROM seal_device_signature WHERE device_id = $1::uuid AND seen_at < $2`, [device.id, new Date(now.getTime() - 2 * SIGNATURE_WINDOW_SECONDS * 1000)]);
    const fresh = await sql(`INSERT INTO seal_device_signature (device_id, signature, seen_at) VALUES ($1::uuid, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`, [device.id, signature, now]);
    if (!fresh.length) throw refuse('This request was already received (same signature): a replay is refused. Sign each request with a fresh timestamp.');

    return {
      device: { id: device.id, companyId: device.companyId, name: device.name },
      actor: {
        userId: device.userId,
        email: device.email,
        name: device.userName,
        role: device.role,
        companyId: device.companyId,
        isCompanyAdmin: false,
        token: { id: device.id, name: `device ${device.name}`, scopes: ['events:write'] },
        clients: [],
        request: options.request ?? { id: null, ip: null },
      },
    };
  });
}
