// The server's catalogued sentences beyond mutation input (docs/languages.md), through the real server:
// a gate decision's reasons (Query.gateDecision and POST /api/gate/decision) and a spreadsheet preview's
// located problems come back in the language Accept-Language asks for, with the same codes, keys and
// params in every language; the location of a row problem is said in that language too, its column
// letters and the sheet's own header text kept.
import { randomUUID } from 'node:crypto';

import { beforeAll, describe, expect, it } from 'vitest';

import { readSpreadsheet } from '../../lib/interchange/read-spreadsheet';
import { SPREADSHEET_FIELDS } from '../../lib/interchange/spreadsheet-fields';
import { GATE_IN, releasedShipment, reportTamper, TERMINAL_EMAIL } from '../gates/fixtures';
import { fixtureBytes } from '../interchange/helpers';
import { asToken } from '../support/auth';
import { serveSignedIn } from './http-server';

const { server } = serveSignedIn({});
let reader: Record<string, string>;
let filer: Record<string, string>;

beforeAll(async () => {
  reader = (await asToken(TERMINAL_EMAIL, ['gate:decide'])).headers;
  filer = (await asToken('trader@rotterdam-importers.example', ['declarations:write', 'declarations:read'])).headers;
});

type Param = { name: string; value: string };
type Reason = { code: string; passed: boolean; message: string; messageKey: string | null; params: Param[] };
const DECIDE = `query($c: String!, $g: String!, $r: String) { gateDecision(containerNumber: $c, gate: $g, requestId: $r) { decision replayed reasons { code passed message messageKey params { name value } } } }`;

async function decide(containerNumber: string, requestId: string, acceptLanguage: string) {
  const { status, json } = await server.graphql({ query: DECIDE, variables: { c: containerNumber, g: GATE_IN, r: requestId } }, { ...reader, 'accept-language': acceptLanguage });
  expect(status).toBe(200);
  expect(json.errors).toBeUndefined();
  return json.data.gateDecision as { decision: string; replayed: boolean; reasons: Reason[] };
}

describe('a gate decision’s reasons', () => {
  it('are said in French or Arabic as asked, the same decision, codes, keys and params in every language', async () => {
    const { containerNumber } = await releasedShipment();
    await reportTamper(containerNumber);
    const requestId = randomUUID();
    const en = await decide(containerNumber, requestId, 'en');
    // The same request again (a replay) in other languages: the stored decision, said anew.
    const fr = await decide(containerNumber, requestId, 'fr-FR,fr;q=0.9');
    const ar = await decide(containerNumber, requestId, 'ar');
    expect([en.decision, fr.replayed, ar.replayed]).toEqual(['HOLD', true, true]);

    const broken = (d: { reasons: Reason[] }) => d.reasons.find((r) => r.code === 'SEAL_BROKEN')!;
    expect(broken(en)).toEqual({
      code: 'SEAL_BROKEN',
      passed: false,
      message: `The seal of container ${containerNumber} is suspected broken or tampered with: customs must inspect and reseal it.`,
      messageKey: 'gate.sealBroken',
      params: [{ name: 'container', value: containerNumber }],
    });
    expect(broken(fr)).toEqual({ ...broken(en), message: `Le scellé du conteneur ${containerNumber} est soupçonné rompu ou manipulé : la douane doit l’inspecter et le resceller.` });
    expect(broken(ar)).toEqual({ ...broken(en), message: `يُشتبه في أن ختم الحاوية ${containerNumber} مكسور أو عُبث به: على الجمارك فحصه وإعادة ختمه.` });
    // Every reason: the same code, key and params; the words differ from English.
    const strip = (d: { reasons: Reason[] }) => d.reasons.map(({ code, passed, messageKey, params }) => ({ code, passed, messageKey, params }));
    expect(strip(fr)).toEqual(strip(en));
    expect(strip(ar)).toEqual(strip(en));
    expect(fr.reasons.every((r, i) => r.messageKey && r.message !== en.reasons[i]!.message)).toBe(true);
    expect(fr.reasons.find((r) => r.code === 'OPEN_ALERT')!.message).toMatch(/^1 alerte ouverte : /);
  });

  it('POST /api/gate/decision says them in the Accept-Language, English without one', async () => {
    const { containerNumber } = await releasedShipment();
    const post = async (headers: Record<string, string>) => {
      const res = await fetch(`${server.url}/api/gate/decision`, { method: 'POST', headers: { 'content-type': 'application/json', ...reader, ...headers }, body: JSON.stringify({ containerNumber, gate: GATE_IN }) });
      expect(res.status).toBe(200);
      return (await res.json()) as { decision: string; reasons: (Reason & { params: Record<string, string> })[] };
    };
    const es = await post({ 'accept-language': 'es', 'idempotency-key': randomUUID() });
    expect(es.decision).toBe('OPEN');
    expect(es.reasons[0]).toMatchObject({ code: 'DECLARATION_RELEASED', messageKey: 'gate.declarationReleased', message: expect.stringMatching(/^La declaración .+ tiene levante\.$/) });
    const plain = await post({ 'idempotency-key': randomUUID() });
    expect(plain.reasons[0]!.message).toMatch(/^Declaration .+ is released\.$/);
    expect(plain.reasons[0]!.params).toEqual(es.reasons[0]!.params);
  });
});

type Located = { location: string; field: string | null; message: string; messageKey: string | null; params: Param[]; locationKey: string | null; locationParams: Param[] };
const LOCATED = 'location field message messageKey params { name value } locationKey locationParams { name value }';
const PREVIEW = `mutation($header: [String!]!, $rows: [SpreadsheetRowInput!]!, $columns: [SpreadsheetColumnInput!]!) {
  previewSpreadsheet(header: $header, rows: $rows, columns: $columns) { errors { ${LOCATED} } declarations { lrn errors { ${LOCATED} } } } }`;
const proposed = (header: string[]) => Object.entries(SPREADSHEET_FIELDS).filter(([, h]) => header.includes(h)).map(([field, column]) => ({ field, column }));

async function preview(variables: unknown, acceptLanguage: string) {
  const { status, json } = await server.graphql({ query: PREVIEW, variables }, { ...filer, 'accept-language': acceptLanguage });
  expect(status).toBe(200);
  return json.data.previewSpreadsheet as { errors: Located[]; declarations: { lrn: string; errors: Located[] }[] };
}

describe('a spreadsheet’s row problems', () => {
  it('say where and what in the language asked for: the row and column, the sheet’s header as written, the field’s own check', async () => {
    const sheet = await readSpreadsheet({ bytes: fixtureBytes('bulk-filing.csv'), kind: 'csv' });
    const vars = { header: sheet.header, rows: sheet.rows, columns: proposed(sheet.header) };
    const [en, fr, ar] = (await Promise.all(['en', 'fr', 'ar'].map(async (l) => (await preview(vars, l)).declarations[1]!.errors[0]!))) as [Located, Located, Located];
    expect(en).toMatchObject({ location: 'row 4, column AA (Net mass)', field: 'items.0.netMass', locationKey: 'interchange.at.cell', messageKey: 'declaration.netMassExceedsGross' });
    expect(en.locationParams).toEqual([
      { name: 'row', value: '4' },
      { name: 'column', value: 'AA' },
      { name: 'header', value: 'Net mass' },
    ]);
    expect(en.message).toMatch(/^Net mass \(.+ kg\) cannot exceed gross mass \(.+ kg\)\.$/);
    expect(fr).toEqual({ ...en, location: 'ligne 4, colonne AA (Net mass)', message: expect.stringMatching(/^La masse nette \(.+ kg\) ne peut pas dépasser la masse brute \(.+ kg\)\.$/) });
    expect(ar).toEqual({ ...en, location: 'الصف 4، العمود AA (Net mass)', message: expect.stringMatching(/^لا يمكن أن تتجاوز الكتلة الصافية/) });
  });

  it('name a mapped field in the reader’s language (the mapping page’s words for it)', async () => {
    const sheet = await readSpreadsheet({ bytes: fixtureBytes('bulk-filing.csv'), kind: 'csv' });
    const columns = [...proposed(sheet.header).filter((c) => c.field !== 'items.netMass'), { field: 'items.netMass', column: 'Nett weight' }];
    const vars = { header: sheet.header, rows: sheet.rows, columns };
    const en = (await preview(vars, 'en')).errors[0]!;
    const fr = (await preview(vars, 'fr')).errors[0]!;
    expect(en).toMatchObject({ location: 'row 1', messageKey: 'interchange.columnNotInHeader', message: expect.stringMatching(/^The column "Nett weight" mapped to Net mass is not in the header row \(columns: LRN, /) });
    expect(en.params).toEqual(expect.arrayContaining([{ name: 'fieldKey', value: 'interchange.itemField.netMass' }]));
    expect(fr).toMatchObject({ location: 'ligne 1', messageKey: en.messageKey, params: en.params, message: expect.stringMatching(/^La colonne « Nett weight » associée à Masse nette n’est pas dans la ligne d’en-têtes \(colonnes : LRN, /) });
  });
});
