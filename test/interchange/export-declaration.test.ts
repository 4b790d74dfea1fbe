// Round trips: a declaration exported as WCO DM XML and as CUSDEC, then imported (under a new LRN), is
// the same declaration; the exports are schema-valid. Also CUSDEC in over HTTP with its CUSRES answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { declarationInput } from '../../lib/declarations/declaration-input';
import { exportDeclaration } from '../../lib/interchange/export-declaration';
import { validateWcoXml } from '../../lib/interchange/validate-wco-xml';
import { validImport } from '../declarations/fixtures';
import { startTestServer, type TestServer } from '../graphql/http-server';
import { asToken } from '../support/auth';
import { declarationByLrn, declarationCount, fixture, get, post } from './helpers';

let server: TestServer;
let H: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  H = (await asToken('trader@rotterdam-importers.example', ['declarations:write', 'declarations:read'])).headers;
});
afterAll(async () => {
  await server.app.close();
});

/** The declaration as stored, in canonical input form, without its LRN. */
async function storedWithoutLrn(id: string) {
  const actor = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
  const { lrn: _lrn, ...rest } = declarationInput.parse((await exportDeclaration({ actor, id, format: 'WCO_XML' })).input);
  return rest;
}

describe('export → import', () => {
  const full = validImport({
    lrn: 'RT-SOURCE-1',
    officeOfExit: 'NL000396',
    items: [
      { ...validImport().items![0]!, marks: 'CW/1-100', preferenceCode: '100', valuationMethod: 1, documentRefs: ['N935-INV-1', 'C505 9001'] },
      { ...validImport().items![1]!, procedureCode: '4071', description: 'Coffee: roasted, "premium" & fine' },
    ],
  });

  for (const [format, contentType, query] of [
    ['WCO_XML', 'application/xml', 'wco'],
    ['CUSDEC', 'application/edifact', 'cusdec'],
  ] as const) {
    it(`gives the same declaration back through ${format}`, async () => {
      const actor = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
      const source = await createDeclarationDraft({ actor, input: { ...full, lrn: `RT-${format}` } });
      const exported = await get(server, `/api/interchange/declarations/${source.id}?format=${query}`, H);
      expect(exported.status).toBe(200);
      if (format === 'WCO_XML') expect(await validateWcoXml(exported.text, 'declaration')).toEqual([]);
      const copy = exported.text.replaceAll(`RT-${format}`, `RT-${format}-COPY`).replace(/\+E[0-9A-Z]+'/g, "+COPY1'");
      const imported = await post(server, copy, contentType, H);
      expect(imported.status).toBe(201);
      const target = await declarationByLrn(`RT-${format}-COPY`);
      expect(target?.status).toBe('DRAFT');
      expect(await storedWithoutLrn(target!.id)).toEqual(await storedWithoutLrn(source.id));
    });
  }

  it('exports nothing of a declaration the caller cannot see', async () => {
    const actor = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
    const source = await createDeclarationDraft({ actor, input: { ...full, lrn: 'RT-PRIVATE' } });
    const other = (await asToken('exports@bright-electronics.example', ['declarations:read'])).headers;
    expect((await get(server, `/api/interchange/declarations/${source.id}?format=wco`, other)).status).toBe(404);
    expect((await get(server, `/api/interchange/declarations/${source.id}?format=pdf`, H)).status).toBe(400);
  });
});

describe('CUSDEC in, CUSRES out', () => {
  it('files the sample interchange: message 1 submitted (MRN, lane), message 2 a draft; a repeat answers the same', async () => {
    const before = await declarationCount();
    const res = await post(server, fixture('import-declarations.edi'), 'application/edifact', H);
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/edifact');
    const first = await declarationByLrn('CW-EDI-LRN-1');
    const second = await declarationByLrn('CW-EDI-LRN-2');
    expect(first?.mrn).toBeTruthy();
    expect(second?.status).toBe('DRAFT');
    expect(await declarationCount()).toBe(before + 2);
    expect(res.text).toMatch(/^UNA:\+\.\? '\nUNB\+UNOC:3\+CLEARWAY\+NL123456789\+/);
    expect(res.text).toContain(`RFF+ABT:${first!.mrn}'`);
    expect(res.text).toContain("GIS+01:RSP'");
    expect(res.text).toContain("GIS+02:RSP'");
    expect(res.text).toContain(`GIS+${first!.lane === 'GREEN' ? 'GRN' : first!.lane === 'YELLOW' ? 'YEL' : 'RED'}:LAN'`);
    expect(res.text).toMatch(/UNZ\+2\+RCW-EDI-0001'/);
    const again = await post(server, fixture('import-declarations.edi'), 'application/edifact', H);
    expect(again.status).toBe(200);
    expect(again.text).toBe(res.text);
    expect(await declarationCount()).toBe(before + 2);
  });

  it('answers a refused message with ERP/ERC/FTX at its segment, and files the others', async () => {
    const edi = fixture('import-declarations.edi').replaceAll('CW-EDI-0001', 'CW-EDI-0002').replace('CW-EDI-LRN-1', 'CW-EDI-LRN-3').replace('CW-EDI-LRN-2', 'CW-EDI-LRN-4').replace('MEA+WT+N+KGM:950', 'MEA+WT+N+KGM:1950');
    const res = await post(server, edi, 'application/edifact', H);
    expect(res.status).toBe(201);
    expect(res.headers.get('x-clearway-refused')).toBe('1');
    expect(await declarationByLrn('CW-EDI-LRN-3')).toBeUndefined();
    expect((await declarationByLrn('CW-EDI-LRN-4'))?.status).toBe('DRAFT');
    expect(res.text).toContain("GIS+03:RSP'");
    expect(res.text).toContain("ERP+1+35:3:2'");
    expect(res.text).toContain('message M1, segment 35 (MEA), element 3, component 2?: Net mass (1950 kg) cannot exceed gross mass');
  });
});
