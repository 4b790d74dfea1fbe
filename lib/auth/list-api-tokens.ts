import { getDb } from '../db';
import type { Actor } from './actor';
import { assertCompanyAdmin } from './policy';

/** The company's API tokens, newest first (never their secrets). */
export async function listApiTokens(options: { actor: Actor }) {
  const { actor } = options;
  assertCompanyAdmin(actor);
  return getDb().apiToken.findMany({
    where: { companyId: actor.companyId },
    orderBy: { createdAt: 'desc' },
    include: { createdBy: { select: { name: true, email: true } } },
  });
}
