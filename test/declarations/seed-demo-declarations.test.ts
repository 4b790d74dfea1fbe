// The demo declarations are made through the product's own functions, so their outcome follows the
// rules of the day (risk weights, tariff): these tests assert what must hold whatever the rules say,
// not how many declarations a rule happens to send to each lane.
import { describe, expect, it } from 'vitest';

import { getDb } from '../../lib/db';
import { canTransition } from '../../lib/declarations/lifecycle';
import { isValidMrn } from '../../lib/declarations/mrn';
import { seedDemoDeclarations } from '../../lib/declarations/seed-demo-declarations';
import { getLedgerEntry } from '../../lib/ledger/get-ledger-entry';
import { integratePending } from '../../lib/ledger/integrate-pending';
import { DEFAULT_THRESHOLDS } from '../../lib/risk/seed-risk-rules';

const demo = { lrn: { startsWith: 'DEMO-' } };

describe('seedDemoDeclarations', () => {
  it('creates the demo declarations once, over every state a person meets', async () => {
    const created = await seedDemoDeclarations();
    expect(created).toBeGreaterThanOrEqual(40);
    expect(await getDb().declaration.count({ where: demo })).toBe(created);
    expect(await seedDemoDeclarations()).toBe(0);
    expect(await getDb().declaration.count({ where: demo })).toBe(created);

    const statuses = new Set((await getDb().declaration.findMany({ where: demo, select: { status: true } })).map((d) => d.status));
    for (const status of ['DRAFT', 'DUTY_ASSESSED', 'PAID', 'RELEASED', 'UNDER_CONTROL', 'QUERY', 'REJECTED', 'CANCEL_REQUESTED', 'CANCELLED'] as const) {
      expect(statuses, status).toContain(status);
    }
  });

  it('leaves every declaration where the state machine can take it, each step in its history legal', async () => {
    await seedDemoDeclarations();
    const declarations = await getDb().declaration.findMany({
      where: demo,
      select: { lrn: true, status: true, statusChanges: { select: { fromStatus: true, toStatus: true }, orderBy: { id: 'asc' } } },
    });
    for (const d of declarations) {
      const [first, ...rest] = d.statusChanges;
      expect(first, d.lrn).toEqual({ fromStatus: null, toStatus: 'DRAFT' });
      let at = first!.toStatus;
      for (const step of rest) {
        expect(step.fromStatus, `${d.lrn}: history continues from ${at}`).toBe(at);
        expect(canTransition(step.fromStatus!, step.toStatus), `${d.lrn}: ${step.fromStatus} → ${step.toStatus}`).toBe(true);
        at = step.toStatus;
      }
      expect(at, `${d.lrn}: history ends at its status`).toBe(d.status);
    }
  });

  it('gives every submitted declaration an MRN, frozen versions anchored in the ledger, and a lane its findings explain', async () => {
    await seedDemoDeclarations();
    const declarations = await getDb().declaration.findMany({
      where: { ...demo, status: { not: 'DRAFT' } },
      select: {
        id: true, lrn: true, mrn: true, status: true, lane: true, riskScore: true, dutyTotal: true, decisionSha256: true,
        versions: { select: { version: true, sha256: true }, orderBy: { version: 'asc' } },
        riskFindings: { select: { ruleKey: true, weight: true } },
      },
    });
    expect(declarations.length).toBeGreaterThan(0);
    // Anchoring queues entries; the integrator (here called directly) gives each its leaf.
    await integratePending();
    const settings = (await getDb().riskSettings.findUnique({ where: { id: 1 } })) ?? DEFAULT_THRESHOLDS;
    for (const d of declarations) {
      expect(isValidMrn(d.mrn ?? ''), `${d.lrn}: MRN ${d.mrn}`).toBe(true);
      expect(d.versions.map((v) => v.version), d.lrn).toEqual(d.versions.map((_, i) => i + 1));
      expect(d.versions.length, d.lrn).toBeGreaterThan(0);
      for (const v of d.versions) {
        expect((await getLedgerEntry(v.sha256)).fields, d.lrn).toMatchObject({ kind: 'declaration-version', ref: `${d.id}/v${v.version}` });
      }

      // Rejected before assessment, a declaration may carry no lane; every assessed one has one.
      if (d.lane === null) continue;
      const score = d.riskFindings.filter((f) => f.ruleKey !== 'officer-override').reduce((acc, f) => acc + f.weight, 0);
      expect(d.riskScore, d.lrn).toBe(score);
      if (!d.riskFindings.some((f) => f.ruleKey === 'officer-override')) {
        expect(d.lane, `${d.lrn}: score ${score}`).toBe(score >= settings.redFrom ? 'RED' : score >= settings.yellowFrom ? 'YELLOW' : 'GREEN');
      }
      if (['DUTY_ASSESSED', 'PAID', 'RELEASED'].includes(d.status)) expect(d.dutyTotal, d.lrn).not.toBeNull();
      if (d.status === 'RELEASED' || d.status === 'REJECTED') {
        expect(d.decisionSha256, d.lrn).not.toBeNull();
        expect((await getLedgerEntry(d.decisionSha256!)).fields.kind, d.lrn).toBe('decision');
      }
    }
  });
});
