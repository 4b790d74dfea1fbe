// The answers customs gave so far on a declaration the caller can read, as facts for any format.
import type { Actor } from '../auth/actor';
import { getDeclarationDetail } from '../declarations/get-declaration-detail';
import { AppError } from '../errors';
import { declarationResponses, type ResponseFacts } from './declaration-responses';

const NATIONAL_CURRENCY = 'EUR';

export async function getDeclarationResponses(options: { actor: Actor; id: string }): Promise<ResponseFacts[]> {
  if (!/^[0-9a-f-]{36}$/i.test(options.id)) throw new AppError('NOT_FOUND', `No declaration ${options.id} that you can see.`);
  const detail = await getDeclarationDetail(options);
  if (!detail) throw new AppError('NOT_FOUND', `No declaration ${options.id} that you can see.`);
  const d = detail.declaration;
  const byType = new Map<string, number>();
  for (const { lines } of detail.duties) for (const l of lines) byType.set(l.taxType, (byType.get(l.taxType) ?? 0) + Number(l.amount));
  return declarationResponses({
    lrn: d.lrn,
    mrn: d.mrn,
    lane: d.lane,
    version: d.version,
    dutyTotal: d.dutyTotal === null ? null : d.dutyTotal.toFixed(2),
    currency: NATIONAL_CURRENCY,
    dutyLines: [...byType].map(([taxType, amount]) => ({ taxType, amount: amount.toFixed(2) })),
    history: detail.history.map((h) => ({ fromStatus: h.fromStatus, toStatus: h.toStatus, reason: h.reason, at: h.at })),
  });
}
