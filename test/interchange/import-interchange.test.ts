// POST /api/interchange/declarations with WCO DM XML through the product's server: filing (draft or
// submitted), idempotency, every bad input the issue lists, errors located by XML path or line, and
// nothing filed when a message is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { validateWcoXml } from '../../lib/interchange/validate-wco-xml';
import { startTestServer, type TestServer } from '../graphql/http-server';
import { asToken } from '../support/auth';
import { declarationByLrn, declarationCount, fixture, post } from './helpers';

let server: TestServer;
let H: Record<string, string>;
const XML = 'application/xml';

beforeAll(async () => {
  server = await startTestServer();
  H = (await asToken('trader@rotterdam-importers.example', ['declarations:write', 'declarations:read'])).headers;
});
afterAll(async () => {
  await server.app.close();
});

const sample = (lrn: string, edit: (xml: string) => string = (x) => x) => edit(fixture('import-declaration.xml').replace('CW-XML-0001', lrn));

describe('WCO DM XML in', () => {
  it('files and submits a declaration that asks for it (FunctionCode 9), answering a WCO Response with the MRN and lane', async () => {
    const res = await post(server, sample('XML-SUBMIT-1'), XML, H);
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toContain('application/xml');
    const d = await declarationByLrn('XML-SUBMIT-1');
    expect(d?.mrn).toMatch(/^\d{2}NL/);
    expect(['DUTY_ASSESSED', 'UNDER_CONTROL']).toContain(d?.status);
    expect(res.text).toContain('<FunctionCode>01</FunctionCode>');
    expect(res.text).toContain(`<ID>${d!.mrn}</ID>`);
    expect(res.text).toContain(`LANE-${d!.lane}`);
    expect(res.headers.get('location')).toBe(`/api/interchange/declarations/${d!.id}/responses`);
    expect(await validateWcoXml(res.text, 'response')).toEqual([]);
  });

  it('keeps a draft when the message has no FunctionCode (answer 02, received)', async () => {
    const res = await post(server, sample('XML-DRAFT-1', (x) => x.replace('<FunctionCode>9</FunctionCode>', '')), XML, H);
    expect(res.status).toBe(201);
    expect(res.text).toContain('<FunctionCode>02</FunctionCode>');
    expect((await declarationByLrn('XML-DRAFT-1'))?.status).toBe('DRAFT');
  });

  it('answers a repeated message what it answered before, without filing twice; a reused reference with other content is refused', async () => {
    const first = await post(server, sample('XML-REPEAT-1'), XML, H);
    const before = await declarationCount();
    const again = await post(server, sample('XML-REPEAT-1'), XML, H);
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    const other = await post(server, sample('XML-REPEAT-1', (x) => x.replace('Roasted coffee beans', 'Green coffee beans')), XML, H);
    expect(other.status).toBe(400);
    expect(other.text).toContain('<ValidationCode>DUPLICAT</ValidationCode>');
    expect(other.text).toContain('/Declaration/FunctionalReferenceID');
    expect(await declarationCount()).toBe(before);
  });

  it('locates a value error at its XML path, and files nothing', async () => {
    const before = await declarationCount();
    const res = await post(server, sample('XML-BAD-MASS', (x) => x.replace('<NetNetWeightMeasure unitCode="KGM">950</NetNetWeightMeasure>', '<NetNetWeightMeasure unitCode="KGM">1950</NetNetWeightMeasure>')), XML, H);
    expect(res.status).toBe(400);
    expect(res.text).toContain('<FunctionCode>03</FunctionCode>');
    expect(res.text).toContain('/Declaration/GoodsShipment/GovernmentAgencyGoodsItem[2]/Commodity/GoodsMeasure/NetNetWeightMeasure: Net mass (1950 kg) cannot exceed gross mass');
    expect(await validateWcoXml(res.text, 'response')).toEqual([]);
    expect(await declarationCount()).toBe(before);
  });

  it('refuses a submission the lifecycle refuses (incomplete) and leaves no draft behind', async () => {
    const before = await declarationCount();
    const res = await post(server, sample('XML-INCOMPLETE', (x) => x.replace(/<InvoiceAmount currencyID="USD">12000.00<\/InvoiceAmount>/, '')), XML, H);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/\/Declaration\/InvoiceAmount: /);
    expect(await declarationByLrn('XML-INCOMPLETE')).toBeUndefined();
    expect(await declarationCount()).toBe(before);
  });

  it('refuses malformed XML with its line and column', async () => {
    const res = await post(server, '<Declaration xmlns="urn:wco:datamodel:WCO:DEC-DMS:2">\n<FunctionalReferenceID>X</FunctionalReference>\n</Declaration>', XML, H);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/line 2, column \d+: Malformed XML/);
  });

  it('refuses an external entity and a billion-laughs expansion without resolving anything', async () => {
    const before = await declarationCount();
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE Declaration [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Declaration xmlns="urn:wco:datamodel:WCO:DEC-DMS:2"><FunctionalReferenceID>&xxe;</FunctionalReferenceID></Declaration>`;
    const lol = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>\n<Declaration xmlns="urn:wco:datamodel:WCO:DEC-DMS:2"><FunctionalReferenceID>&lol4;</FunctionalReferenceID></Declaration>`;
    for (const doc of [xxe, lol]) {
      const res = await post(server, doc, XML, H);
      expect(res.status).toBe(400);
      expect(res.text).toContain('DOCTYPE and ENTITY declarations are refused');
      expect(res.text).not.toContain('root:');
      expect(res.text).not.toContain('lollol');
    }
    expect(await declarationCount()).toBe(before);
  });

  it('refuses an XSD-invalid message with the line and the schema\'s reason', async () => {
    const res = await post(server, sample('XML-XSD', (x) => x.replace('<TypeCode>IMA</TypeCode>', '<TypeCode>IMAXX</TypeCode>')), XML, H);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/line 6: Not valid against WCO_DEC_2_DMS.xsd: Element 'TypeCode': \[facet 'maxLength'\]/);
    expect(await declarationByLrn('XML-XSD')).toBeUndefined();
  });

  it('refuses an unknown namespace, naming it', async () => {
    const res = await post(server, sample('XML-NS', (x) => x.replace('urn:wco:datamodel:WCO:DEC-DMS:2', 'urn:example:other')), XML, H);
    expect(res.status).toBe(400);
    expect(res.text).toContain('found Declaration in the namespace urn:example:other');
  });

  it('needs declarations:write and a filer', async () => {
    const reader = (await asToken('trader@rotterdam-importers.example', ['declarations:read'])).headers;
    const res = await post(server, sample('XML-SCOPE'), XML, reader);
    expect(res.status).toBe(403);
    expect((await post(server, 'x', 'text/plain', H)).status).toBe(415);
  });

  it('files the same over GraphQL (importInterchange), with located errors', async () => {
    const mutation = `mutation($d: String!) { importInterchange(format: WCO_XML, document: $d) { response userErrors { message } messages { reference accepted replayed mrn lane declaration { id lrn status } errors { location field code message } } } }`;
    const ok = await server.graphql({ query: mutation, variables: { d: sample('XML-GQL-1') } }, H);
    const m = ok.json.data.importInterchange.messages[0];
    expect(m).toMatchObject({ reference: 'XML-GQL-1', accepted: true, replayed: false, declaration: { lrn: 'XML-GQL-1' } });
    expect(m.mrn).toBeTruthy();
    const bad = await server.graphql({ query: mutation, variables: { d: sample('XML-GQL-2', (x) => x.replace('<ID>CSQU3054383</ID>', '<ID>CSQU3054384</ID>')) } }, H);
    const e = bad.json.data.importInterchange.messages[0];
    expect(e.accepted).toBe(false);
    expect(e.errors[0]).toMatchObject({ location: '/Declaration/GoodsShipment/Consignment/TransportEquipment[1]/ID', field: 'containers.0.containerNumber' });
  });
});
