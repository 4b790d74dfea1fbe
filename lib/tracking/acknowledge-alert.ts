// An officer acknowledges an alert with a note (what was checked, what was decided). Acknowledging
// does not change the shipment's status (only a resealing by customs does), and a later alert of the
// same kind on the shipment is raised again once this one is acknowledged.
import type { Actor } from '../auth/actor';
import { assertOfficer } from '../auth/policy';
import { recordAudit } from '../audit';
import { sqlTransaction } from '../database/sql';
import { requireText } from '../declarations/lock-declaration';
import { AppError } from '../errors';
import { ALERT_COLUMNS, type AlertView } from './load-shipments';
import { recordBusinessEvent } from '../notifications/record-business-event';

export async function acknowledgeAlert(options: { actor: Actor; alertId: string; note: string; requestId?: string }): Promise<AlertView> {
  const { actor, alertId } = options;
  assertOfficer(actor, 'acknowledge tracking alerts');
  const note = requireText(options.note, 'note', 'a note on what was checked', 1000);
  if (!/^[0-9a-f-]{36}$/i.test(alertId)) throw new AppError('NOT_FOUND', `No tracking alert ${alertId}.`);
  return sqlTransaction(async (sql) => {
    const [alert] = await sql<AlertView>(`SELECT ${ALERT_COLUMNS} FROM tracking_alert a WHERE a.id = $1::uuid FOR UPDATE`, [alertId]);
    if (!alert) throw new AppError('NOT_FOUND', `No tracking alert ${alertId}.`);
    if (alert.acknowledgedAt) {
      throw new AppError('CONFLICT', `This alert was already acknowledged on ${alert.acknowledgedAt.toISOString()}: ${alert.acknowledgementNote ?? ''}`.trim());
    }
    const [updated] = await sql<AlertView>(
      `UPDATE tracking_alert a SET acknowledged_at = now(), acknowledged_by_id = $2::uuid, acknowledgement_note = $3
        WHERE a.id = $1::uuid RETURNING ${ALERT_COLUMNS}`,
      [alertId, actor.userId, note],
    );
    await recordAudit(sql, { actor, action: 'tracking.acknowledge_alert', targetType: 'shipment', targetId: alert.shipmentId, requestId: options.requestId, details: { alertId, kind: alert.kind, note } });
    const [subject] = await sql<{ declarationId: string; containerNumber: string }>(
      `SELECT declaration_id AS "declarationId", container_number AS "containerNumber" FROM shipment WHERE id = $1::uuid`,
      [alert.shipmentId],
    );
    await recordBusinessEvent(sql, {
      type: 'seal_alert.acknowledged',
      declarationId: subject?.declarationId,
      containerNumber: subject?.containerNumber,
      payload: { alertId, shipmentId: alert.shipmentId, declarationId: subject?.declarationId ?? null, kind: alert.kind },
    });
    return updated!;
  });
}
