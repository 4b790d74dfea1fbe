// A company administrator registers an e-seal gateway that will sign its requests (HMAC-SHA256 with a
// per-device secret, see verify-device-signature.ts). The secret is shown once, here.
import { randomBytes, randomUUID } from 'node:crypto';

import type { Actor } from '../auth/actor';
import { assertCompanyAdmin } from '../auth/policy';
import { recordAudit } from '../audit';
import { sqlTransaction } from '../database/sql';
import { requireText } from '../declarations/lock-declaration';

export const DEVICE_SECRET_PREFIX = 'cw_dev_';

export async function registerSealDevice(options: { actor: Actor; name: string; requestId?: string }): Promise<{ id: string; name: string; secret: string }> {
  const { actor } = options;
  assertCompanyAdmin(actor);
  const name = requireText(options.name, 'name', 'a name for the device', 100);
  const id = randomUUID();
  // 256 random bits: as strong as the HMAC-SHA256 key can use.
  const secret = DEVICE_SECRET_PREFIX + randomBytes(32).toString('base64url');
  await sqlTransaction(async (sql) => {
    await sql(`INSERT INTO seal_device (id, company_id, name, secret, created_by_id) VALUES ($1::uuid, $2::uuid, $3, $4, $5::uuid)`, [id, actor.companyId, name, secret, actor.userId]);
    await recordAudit(sql, { actor, action: 'seal_device.register', targetType: 'seal_device', targetId: id, requestId: options.requestId, details: { name } });
  });
  return { id, name, secret };
}
