// The demo terminal's gates (fictional): in and out at Maasvlakte, Rotterdam, run by the demo terminal
// operator company (lib/parties/seed-demo-parties.ts). Idempotent by code.
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';

export const DEMO_GATES = [
  { code: 'NLRTM-MV1-IN', name: 'Maasvlakte gate 1, in', locode: 'NLRTM', direction: 'IN' },
  { code: 'NLRTM-MV1-OUT', name: 'Maasvlakte gate 1, out', locode: 'NLRTM', direction: 'OUT' },
] as const;

export const DEMO_TERMINAL_EORI = 'NL555000111';

export async function seedDemoGates(): Promise<void> {
  await sqlOfClient(getPool())(
    `INSERT INTO gate (code, name, locode, direction, operator_company_id)
     SELECT x.code, x.name, x.locode, x.direction, (SELECT id FROM company WHERE eori = $2)
       FROM json_to_recordset($1::json) AS x(code text, name text, locode text, direction text)
     ON CONFLICT (code) DO NOTHING`,
    [JSON.stringify(DEMO_GATES), DEMO_TERMINAL_EORI],
  );
}
