// The release gate of control results: a declaration that was under control (physical inspection,
// documentary check, or a random control of the green lane) is released only once the officer has
// recorded what the control found, so every control feeds the risk engine's learning.
import type { Tx } from '../database/tx';
import { AppError } from '../errors';

export async function assertControlResultRecorded(tx: Tx, declarationId: string): Promise<void> {
  const [row] = await tx.$queryRaw<{ controlled: boolean; recorded: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM declaration_status_change WHERE declaration_id = ${declarationId}::uuid AND to_status = 'UNDER_CONTROL') AS controlled,
           EXISTS (SELECT 1 FROM control_result WHERE declaration_id = ${declarationId}::uuid) AS recorded`;
  if (row?.controlled && !row.recorded) {
    throw new AppError('CONFLICT', 'This declaration was under control: record the control result before releasing it.', { reason: 'CONTROL_RESULT_MISSING' });
  }
}
