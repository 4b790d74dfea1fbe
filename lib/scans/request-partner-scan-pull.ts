// A platform administrator asks for a pull from a partner now, instead of waiting for the schedule
// (schedule-partner-scan-pulls-task.ts): the pull-partner-scans job is queued for the link. Unknown and
// revoked links are refused.
import type { Actor } from '../auth/actor';
import { assertPerson } from '../auth/policy';
import { sqlTransaction } from '../database/sql';
import { AppError } from '../errors';
import { enqueuePartnerScanPull } from './pull-partner-scans-task';
import { assertPartnerLinkAdmin, findPartnerLink, type PartnerLinkView } from './list-partner-links';

export async function requestPartnerScanPull(options: { actor: Actor; id: string }): Promise<PartnerLinkView> {
  const { actor, id } = options;
  assertPerson(actor, 'pull from partner administrations');
  assertPartnerLinkAdmin(actor, 'pull from partner administrations');
  return sqlTransaction(async (sql) => {
    const link = await findPartnerLink(sql, id);
    if (!link) throw new AppError('NOT_FOUND', `No partner link ${id}.`);
    if (link.revokedAt) throw new AppError('CONFLICT', `The partner link to ${link.name} was revoked on ${link.revokedAt.toISOString()}: nothing is pulled over it.`, { field: 'id' });
    await enqueuePartnerScanPull(sql, id);
    return link;
  });
}
