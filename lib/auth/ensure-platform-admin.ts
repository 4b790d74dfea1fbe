// The first platform administrator of a deployment without demo data: ADMIN_EMAIL and ADMIN_PASSWORD
// create it at start if no user has that email. Everyone else arrives by sign-up or invitation.
import { getDb } from '../db';
import type { Logger } from '../logger';
import { hashPassword, passwordSchema } from './password';

export async function ensurePlatformAdmin(logger: Logger): Promise<void> {
  const email = process.env.ADMIN_EMAIL?.trim().toLowerCase();
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) return;
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw new Error(`ADMIN_PASSWORD: ${checked.error.issues[0]!.message}`);
  const db = getDb();
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) return;
  await db.user.create({ data: { email, name: 'Platform administrator', role: 'ADMIN', passwordHash: await hashPassword(password) } });
  logger.info({ email }, 'platform administrator created');
}
