// The gates an actor may see: officials every gate, a terminal operator company its own; by code.
import type { Actor } from '../auth/actor';
import { gateVisibilitySql } from '../auth/policy';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { GATE_COLUMNS, type GateView } from './gate-event-view';

export async function listGates(options: { actor: Actor; includeRetired?: boolean }): Promise<GateView[]> {
  const visible = gateVisibilitySql(options.actor, 0);
  return sqlOfClient(getPool())<GateView>(
    `SELECT ${GATE_COLUMNS} FROM gate g WHERE ${visible.where} ${options.includeRetired ? '' : 'AND g.retired_at IS NULL'} ORDER BY g.code`,
    visible.params,
  );
}
