// A platform administrator re-pins a partner ledger's key — after the partner announced a new key, out of
// band. The key is read again from the partner's /.well-known/clearway-ledger.json and must be the one the
// administrator expects (both sides compared it), so a partner server cannot swap keys by itself.
import type { Actor } from '../auth/actor';
import { assertPerson } from '../auth/policy';
import { recordAudit } from '../audit';
import { sqlTransaction } from '../database/sql';
import { AppError } from '../errors';
import { fetchPartnerLedgerKey } from './fetch-partner-ledger-key';
import { assertPartnerLinkAdmin, findPartnerLink, type PartnerLinkView } from './list-partner-links';
import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';

export async function repinPartnerLinkLedgerKey(options: { actor: Actor; id: string; expectedLedgerPublicKey: string; requestId?: string }): Promise<PartnerLinkView> {
  const { actor, id } = options;
  assertPerson(actor, 'change a partner ledger key');
  assertPartnerLinkAdmin(actor, 'change a partner ledger key');
  const current = await findPartnerLink(sqlOfClient(getPool()), id);
  if (!current) throw new AppError('NOT_FOUND', `No partner link ${id}.`);
  const expected = options.expectedLedgerPublicKey.trim();
  const ledger = await fetchPartnerLedgerKey(current.graphqlUrl);
  if (ledger.publicKey !== expected) {
    const message = `The partner publishes the ledger key ${ledger.publicKey}, not the one you expected: nothing was changed.`;
    throw new AppError('BAD_USER_INPUT', message, { fieldErrors: [{ path: ['expectedLedgerPublicKey'], code: 'INVALID', message }] });
  }
  return sqlTransaction(async (sql) => {
    const link = await findPartnerLink(sql, id, { forUpdate: true });
    if (!link) throw new AppError('NOT_FOUND', `No partner link ${id}.`);
    if (link.ledgerPublicKey === ledger.publicKey && link.ledgerOrigin === ledger.origin) return link;
    await sql(`UPDATE partner_link SET ledger_public_key = $2, ledger_origin = $3, ledger_key_pinned_at = now() WHERE id = $1::uuid`, [id, ledger.publicKey, ledger.origin]);
    await recordAudit(sql, {
      actor,
      action: 'partner_link.repin_ledger_key',
      targetType: 'partner_link',
      targetId: id,
      requestId: options.requestId,
      details: { previousKey: link.ledgerPublicKey, ledgerKey: ledger.publicKey, origin: ledger.origin },
    });
    return (await findPartnerLink(sql, id))!;
  });
}
