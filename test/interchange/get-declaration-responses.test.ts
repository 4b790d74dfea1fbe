// Every answer a filer gets, as WCO DM Response XML (schema-valid) and as CUSRES: the pure builder over a
// whole lifecycle, and the pull route for a declaration filed from the XML sample.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildCusres } from '../../lib/interchange/build-cusres';
import { buildWcoResponse } from '../../lib/interchange/build-wco-response';
import { declarationResponses } from '../../lib/interchange/declaration-responses';
import { readCusdecInterchange } from '../../lib/interchange/read-cusdec-interchange';
import { validateWcoXml } from '../../lib/interchange/validate-wco-xml';
import { startTestServer, type TestServer } from '../graphql/http-server';
import { asToken } from '../support/auth';
import { declarationByLrn, fixture, get, post } from './helpers';

const t = (m: number) => new Date(Date.UTC(2026, 11, 7, 9, m));
const lifecycle = {
  lrn: 'LRN-1',
  mrn: '26NL00000000000017',
  lane: 'RED',
  version: 2,
  dutyTotal: '1234.50',
  currency: 'EUR',
  dutyLines: [
    { taxType: 'DUTY', amount: '234.50' },
    { taxType: 'VAT', amount: '1000.00' },
  ],
  history: [
    { fromStatus: null, toStatus: 'DRAFT', reason: null, at: t(0) },
    { fromStatus: 'DRAFT', toStatus: 'SUBMITTED', reason: null, at: t(1) },
    { fromStatus: 'SUBMITTED', toStatus: 'ACCEPTED', reason: 'Accepted with MRN 26NL00000000000017', at: t(1) },
    { fromStatus: 'ACCEPTED', toStatus: 'RISK_ASSESSED', reason: 'Lane RED, score 80', at: t(1) },
    { fromStatus: 'RISK_ASSESSED', toStatus: 'UNDER_CONTROL', reason: 'Lane RED: physical inspection', at: t(1) },
    { fromStatus: 'UNDER_CONTROL', toStatus: 'QUERY', reason: 'Send the invoice & packing list <PDF>', at: t(2) },
    { fromStatus: 'QUERY', toStatus: 'UNDER_CONTROL', reason: null, at: t(3) },
    { fromStatus: 'UNDER_CONTROL', toStatus: 'DUTY_ASSESSED', reason: 'Duties assessed', at: t(4) },
    { fromStatus: 'DUTY_ASSESSED', toStatus: 'PAID', reason: null, at: t(5) },
    { fromStatus: 'PAID', toStatus: 'RELEASED', reason: null, at: t(6) },
  ],
};

describe('declarationResponses + builders', () => {
  it('gives one answer per customs step, each a schema-valid WCO Response, and the same as CUSRES', async () => {
    const facts = declarationResponses(lifecycle);
    expect(facts.map((f) => f.kind)).toEqual(['RECEIVED', 'ACCEPTED', 'LANE', 'PHYSICAL_CHECK', 'QUERY', 'PHYSICAL_CHECK', 'DUTY_ASSESSED', 'RELEASED']);
    for (const f of facts) expect(await validateWcoXml(buildWcoResponse([f]), 'response')).toEqual([]);
    const all = buildWcoResponse(facts, { wrap: true });
    expect(await validateWcoXml(all, 'metadata')).toEqual([]);
    expect(all).toContain('<TaxAssessedAmount currencyID="EUR">1234.50</TaxAssessedAmount>');
    expect(all).toContain('Send the invoice &amp; packing list &lt;PDF&gt;');
    expect(buildWcoResponse(facts, { wrap: true })).toBe(all);
    const rejected = declarationResponses({ ...lifecycle, history: [...lifecycle.history.slice(0, 5), { fromStatus: 'UNDER_CONTROL', toStatus: 'REJECTED', reason: 'Goods do not match', at: t(9) }] });
    expect(rejected.at(-1)!.kind).toBe('REJECTED');
    expect(await validateWcoXml(buildWcoResponse([rejected.at(-1)!]), 'response')).toEqual([]);

    const cusres = buildCusres(facts, { controlReference: 'R1', at: t(9) });
    expect(cusres).toContain("UNH+8+CUSRES:D:96B:UN'");
    expect(cusres).toContain("GIS+08:RSP'");
    expect(cusres).toContain("MOA+128:1234.50:EUR'");
    expect(cusres).toContain("UNZ+8+R1'");
    // Its envelope and counts are right by our own reader's checks.
    const read = readCusdecInterchange(cusres);
    expect(read.errors).toEqual([]);
    expect(read.messages.every((m) => !m.errors.some((e) => e.code === 'MISMATCH'))).toBe(true);
  });
});

describe('GET /api/interchange/declarations/{id}/responses', () => {
  let server: TestServer;
  let H: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer();
    H = (await asToken('trader@rotterdam-importers.example', ['declarations:write', 'declarations:read'])).headers;
  });
  afterAll(async () => {
    await server.app.close();
  });

  it('pulls the answers of a filed declaration with its MRN and lane, in both standards; a third company sees nothing', async () => {
    expect((await post(server, fixture('import-declaration.xml').replace('CW-XML-0001', 'PULL-1'), 'application/xml', H)).status).toBe(201);
    const d = (await declarationByLrn('PULL-1'))!;
    const wco = await get(server, `/api/interchange/declarations/${d.id}/responses?format=wco`, H);
    expect(wco.status).toBe(200);
    expect(await validateWcoXml(wco.text, 'metadata')).toEqual([]);
    expect(wco.text).toContain(`<ID>${d.mrn}</ID>`);
    expect(wco.text).toContain(`LANE-${d.lane}`);
    const cusres = await get(server, `/api/interchange/declarations/${d.id}/responses?format=cusres`, H);
    expect(cusres.text).toContain(`RFF+ABT:${d.mrn}'`);
    const gql = await server.graphql({ query: `query($id: ID!) { declarationResponses(id: $id, format: CUSDEC) }`, variables: { id: d.id } }, H);
    expect(gql.json.data.declarationResponses).toContain("GIS+01:RSP'");
    const other = (await asToken('trader@kampala-trading.example', ['declarations:read'])).headers;
    expect((await get(server, `/api/interchange/declarations/${d.id}/responses?format=wco`, other)).status).toBe(404);
  });
});
