// The gate checks' sentences come from the message catalogue (errors.gate.*): the English is the wording
// the checks wrote before (pinned here, as readers and scripts saw it), and the same key and params say
// it in French, Spanish and Arabic (lib/i18n/translate-error.ts). No database: the checks that need none
// are called with a subject; the permit check's sentence is checked through its catalogue entry.
import { describe, expect, it } from 'vitest';

import { checkDeclarationReleased } from '../../lib/gates/check-declaration-released';
import { checkNoOpenAlert } from '../../lib/gates/check-no-open-alert';
import { checkNoSuspectScan } from '../../lib/gates/check-no-suspect-scan';
import { checkSealIntact } from '../../lib/gates/check-seal-intact';
import type { GateReason, GateSubject } from '../../lib/gates/gate-check';
import { cataloguedMessage } from '../../lib/i18n/catalogued-message';
import { LOCALES } from '../../lib/i18n/locales';
import { translateError } from '../../lib/i18n/translate-error';

const subject = (over: Partial<GateSubject> = {}): GateSubject => ({
  containerNumber: 'CSQU3054383',
  shipmentId: '00000000-0000-4000-8000-000000000001',
  shipmentStatus: 'IN_TRANSIT' as GateSubject['shipmentStatus'],
  closedAt: null,
  declarationId: '00000000-0000-4000-8000-000000000002',
  declarationStatus: 'RELEASED',
  mrn: '26NL0000000000001A',
  seals: ['NL1234567'],
  openAlerts: [],
  storedPermitRequirements: 0,
  openSuspectScan: null,
  sealsRead: [],
  ...over,
});

const sql = (() => {
  throw new Error('no statement expected');
}) as never;

async function sentences(): Promise<GateReason[]> {
  return [
    await checkDeclarationReleased(sql, subject()),
    await checkDeclarationReleased(sql, subject({ declarationStatus: 'UNDER_CONTROL' })),
    await checkNoOpenAlert(sql, subject()),
    await checkNoOpenAlert(sql, subject({ openAlerts: [{ kind: 'TAMPER', reason: 'seal opened off route' }] })),
    await checkNoOpenAlert(sql, subject({ openAlerts: [{ kind: 'TAMPER', reason: 'a' }, { kind: 'ROUTE_DEVIATION', reason: 'b' }] })),
    await checkNoSuspectScan(sql, subject()),
    await checkNoSuspectScan(sql, subject({ openSuspectScan: { scanId: 's', declarationId: null, decidedAt: new Date('2026-03-01T18:05:09Z'), labels: [] } })),
    await checkNoSuspectScan(sql, subject({ openSuspectScan: { scanId: 's', declarationId: null, decidedAt: new Date('2026-03-01T18:05:09Z'), labels: ['WEAPON', 'CONCEALMENT_IN_STRUCTURE'] } })),
    await checkSealIntact(sql, subject({ shipmentStatus: 'TAMPER_SUSPECTED' as GateSubject['shipmentStatus'] })),
    await checkSealIntact(sql, subject({ sealsRead: ['XX0000001'] })),
    await checkSealIntact(sql, subject({ seals: [], sealsRead: ['XX0000001', 'XX0000002'] })),
    await checkSealIntact(sql, subject()),
    await checkSealIntact(sql, subject({ sealsRead: ['NL1234567'] })),
    await checkSealIntact(sql, subject({ shipmentStatus: 'OPENED_AUTHORIZED' as GateSubject['shipmentStatus'], seals: ['A', 'B'], sealsRead: ['A', 'B'] })),
  ];
}

describe('gate check sentences', () => {
  it('keep the English wording they had, each with its catalogue key and params', async () => {
    const said = await sentences();
    expect(said.map((r) => r.message)).toEqual([
      'Declaration 26NL0000000000001A is released.',
      'Declaration 26NL0000000000001A is not released (status UNDER_CONTROL).',
      'No open alert.',
      '1 open alert: TAMPER (seal opened off route).',
      '2 open alerts: TAMPER (a); ROUTE_DEVIATION (b).',
      'No suspect X-ray scan awaits inspection.',
      'The X-ray scan of CSQU3054383 was judged suspect on 2026-03-01 18:05 UTC; customs must inspect the container first.',
      'The X-ray scan of CSQU3054383 was judged suspect on 2026-03-01 18:05 UTC (marked: WEAPON, CONCEALMENT_IN_STRUCTURE); customs must inspect the container first.',
      'The seal of container CSQU3054383 is suspected broken or tampered with: customs must inspect and reseal it.',
      'Seal XX0000001 read at the gate is not registered on container CSQU3054383 (registered: NL1234567).',
      'Seals XX0000001, XX0000002 read at the gate are not registered on container CSQU3054383 (registered: none).',
      'The seal of container CSQU3054383 is intact.',
      'The seal of container CSQU3054383 is intact; the seal read at the gate matches.',
      'The seal of container CSQU3054383 is opened only at an authorized place; the seals read at the gate match.',
    ]);
    for (const r of said) {
      expect(r.messageKey).toMatch(/^gate\./);
      expect(cataloguedMessage(r.messageKey!, r.params).message).toBe(r.message);
    }
  });

  it('are said in every language from the same key and params, arguments kept', async () => {
    const said = await sentences();
    const mismatch = said[9]!;
    expect(translateError('fr', mismatch)).toBe('Le scellé XX0000001 lu au portail n’est pas enregistré sur le conteneur CSQU3054383 (enregistrés : NL1234567).');
    expect(translateError('es', said[1]!)).toBe('La declaración 26NL0000000000001A no tiene levante (estado UNDER_CONTROL).');
    expect(translateError('ar', said[8]!)).toBe('يُشتبه في أن ختم الحاوية CSQU3054383 مكسور أو عُبث به: على الجمارك فحصه وإعادة ختمه.');
    for (const locale of LOCALES) {
      for (const r of said) {
        const text = translateError(locale, r);
        if (locale !== 'en') expect(text, `${locale} ${r.messageKey}`).not.toBe(r.message);
        // Identifiers and data pass through untranslated.
        for (const value of Object.values(r.params ?? {})) if (typeof value === 'string' && /^[A-Z0-9]{9,}$/.test(value)) expect(text).toContain(value);
      }
    }
  });

  it('the permit check says how many requirements block, with the release gate’s own wording of each', () => {
    expect(cataloguedMessage('gate.permitsMissing', { count: 1, requirements: 'Item 1: X (1) of VET — MISSING: none' }).message).toBe('1 permit requirement is not satisfied: Item 1: X (1) of VET — MISSING: none.');
    expect(cataloguedMessage('gate.permitsMissing', { count: 2, requirements: 'a; b' }).message).toBe('2 permit requirements are not satisfied: a; b.');
    expect(cataloguedMessage('gate.permitsSatisfied').message).toBe('Every required permit is satisfied.');
  });

  it('a stored reason without a key (decided before the catalogue) stays as it was', () => {
    expect(translateError('fr', { message: 'No open alert.' })).toBe('No open alert.');
  });
});
