// A capture job's outcome, for whoever sent it: the same company (any of its tokens, devices or
// people), the same person, or customs. Anyone else is told it does not exist.
import type { Actor } from '../auth/actor';
import { assertReadScope, isOfficial } from '../auth/policy';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { AppError } from '../errors';
import { CAPTURE_COLUMNS, type CaptureView } from './capture-view';

export async function getCapture(options: { actor: Actor; id: string }): Promise<CaptureView> {
  const { actor, id } = options;
  assertReadScope(actor, 'tracking:read', 'events:write');
  const rows = /^[0-9a-f-]{36}$/i.test(id)
    ? await sqlOfClient(getPool())<CaptureView & { actorId: string | null; companyId: string | null }>(
        `SELECT ${CAPTURE_COLUMNS}, actor_id AS "actorId", company_id AS "companyId" FROM epcis_capture WHERE id = $1::uuid`,
        [id],
      )
    : [];
  const row = rows[0];
  const mine = row && (isOfficial(actor) || (row.companyId !== null ? row.companyId === actor.companyId : row.actorId === actor.userId));
  if (!row || !mine) throw new AppError('NOT_FOUND', `No capture ${id} that you can see.`);
  const { actorId: _actorId, companyId: _companyId, ...view } = row;
  return view;
}
