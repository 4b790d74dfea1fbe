// A platform administrator revokes a partner link: no pull runs for it from then on (a running one stops
// before its next request), and it cannot be pulled on request. Revoking twice changes nothing. The
// reason, when given (the portal's page asks for one), is kept in the audit row.
import type { Actor } from '../auth/actor';
import { assertPerson } from '../auth/policy';
import { recordAudit } from '../audit';
import { sqlTransaction } from '../database/sql';
import { AppError } from '../errors';
import { assertPartnerLinkAdmin, findPartnerLink, type PartnerLinkView } from './list-partner-links';

export async function revokePartnerLink(options: { actor: Actor; id: string; reason?: string | null; requestId?: string }): Promise<PartnerLinkView> {
  const { actor, id } = options;
  const reason = options.reason?.trim() || null;
  if (reason && reason.length > 500) {
    const message = 'The reason is at most 500 characters.';
    throw new AppError('BAD_USER_INPUT', message, { fieldErrors: [{ path: ['reason'], code: 'TOO_BIG', message }] });
  }
  assertPerson(actor, 'revoke partner links');
  assertPartnerLinkAdmin(actor, 'revoke partner links');
  return sqlTransaction(async (sql) => {
    const link = await findPartnerLink(sql, id, { forUpdate: true });
    if (!link) throw new AppError('NOT_FOUND', `No partner link ${id}.`);
    if (link.revokedAt) return link;
    await sql(`UPDATE partner_link SET revoked_at = now() WHERE id = $1::uuid`, [id]);
    await recordAudit(sql, { actor, action: 'partner_link.revoke', targetType: 'partner_link', targetId: id, requestId: options.requestId, details: { name: link.name, ...(reason ? { reason } : {}) } });
    return (await findPartnerLink(sql, id))!;
  });
}
