// What the system does once a declaration is accepted: risk assessment, then GREEN straight to duty
// assessment, YELLOW and RED under control. In the caller's transaction.
import type { Tx } from '../audit';
import { assessRisk } from '../risk/assess-risk';
import { changeStatus } from './lifecycle';
import { writeDutyLines } from './write-duty-lines';

const CONTROL = { YELLOW: 'documentary check', RED: 'physical inspection' } as const;

export async function routeAfterAcceptance(tx: Tx, declarationId: string): Promise<void> {
  const d = await tx.declaration.findUniqueOrThrow({ where: { id: declarationId }, include: { items: true } });
  const risk = await assessRisk(tx, d);
  await tx.riskFinding.deleteMany({ where: { declarationId } });
  if (risk.findings.length) await tx.riskFinding.createMany({ data: risk.findings.map((f) => ({ declarationId, ...f })) });
  await tx.declaration.update({ where: { id: declarationId }, data: { lane: risk.lane, riskScore: risk.score } });
  await changeStatus(tx, { declarationId, from: 'ACCEPTED', to: 'RISK_ASSESSED', actor: null, system: true, reason: `Lane ${risk.lane}, score ${risk.score}` });
  if (risk.lane === 'GREEN') {
    const total = await writeDutyLines(tx, declarationId);
    await changeStatus(tx, { declarationId, from: 'RISK_ASSESSED', to: 'DUTY_ASSESSED', actor: null, system: true, reason: `Green lane: duties assessed automatically, total ${total.toFixed(2)}` });
  } else {
    await changeStatus(tx, { declarationId, from: 'RISK_ASSESSED', to: 'UNDER_CONTROL', actor: null, system: true, reason: `Lane ${risk.lane}: ${CONTROL[risk.lane]}` });
  }
}
