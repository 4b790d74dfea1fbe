// Platform administrators register a terminal gate, or change or retire one, by its code: the code the
// readers send never changes; name, UN/LOCODE, direction and operator company may.
import { z } from 'zod';

import { recordAudit } from '../audit';
import type { Actor } from '../auth/actor';
import { isPlatformAdmin } from '../auth/policy';
import { sqlTransaction } from '../database/sql';
import { AppError } from '../errors';
import { parseInput, throwFieldErrors } from '../validation';
import { GATE_COLUMNS, type GateView } from './gate-event-view';

const upsertGateInput = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9._-]{1,34}$/, 'A gate code is 2 to 35 letters, digits, dots, dashes or underscores, e.g. NLRTM-MV1-IN.'),
  name: z.string().trim().min(1, 'Name the gate.').max(200, 'A gate name has at most 200 characters.'),
  locode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}[A-Z2-9]{3}$/, 'A UN/LOCODE is two letters (the country) and three letters or digits 2–9, e.g. NLRTM.'),
  direction: z.enum(['IN', 'OUT'], { message: 'direction is IN (arriving at the terminal) or OUT (departing).' }),
  operatorEori: z.string().trim().toUpperCase().max(17).nullish(),
  retired: z.boolean().default(false),
});
export type UpsertGateInput = z.input<typeof upsertGateInput>;

export async function upsertGate(options: { actor: Actor; input: UpsertGateInput }): Promise<GateView> {
  const { actor } = options;
  if (!isPlatformAdmin(actor) || actor.token) throw new AppError('FORBIDDEN', 'Gates are registered by platform administrators.');
  const input = parseInput(upsertGateInput, options.input);
  return sqlTransaction(async (sql) => {
    let operatorCompanyId: string | null = null;
    if (input.operatorEori) {
      const [company] = await sql<{ id: string }>(`SELECT id FROM company WHERE eori = $1`, [input.operatorEori]);
      if (!company) throwFieldErrors([{ path: ['operatorEori'], code: 'UNKNOWN', message: `No company with EORI ${input.operatorEori}.` }]);
      operatorCompanyId = company!.id;
    }
    const [row] = await sql<GateView & { created: boolean }>(
      `INSERT INTO gate AS g (code, name, locode, direction, operator_company_id, retired_at)
       VALUES ($1, $2, $3, $4, $5::uuid, CASE WHEN $6 THEN now() END)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, locode = EXCLUDED.locode, direction = EXCLUDED.direction,
              operator_company_id = EXCLUDED.operator_company_id,
              retired_at = CASE WHEN $6 THEN COALESCE(g.retired_at, now()) END, updated_at = now()
       RETURNING ${GATE_COLUMNS}, (xmax = 0) AS created`,
      [input.code, input.name, input.locode, input.direction, operatorCompanyId, input.retired],
    );
    const { created, ...gate } = row!;
    await recordAudit(sql, { actor, action: 'gate.upsert', targetType: 'gate', targetId: gate.id, details: { code: gate.code, created, retired: input.retired } });
    return gate;
  });
}
