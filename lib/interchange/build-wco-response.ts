// Response facts (declaration-responses.ts) as WCO DM 3.6 Response XML (WCO_RES_2_DMS.xsd, CDS usage):
// one `<Response>` document, or several wrapped in CDS's `<MetaData>` (DocumentMetaData_2_DMS.xsd).
// Pure: the same facts give the same bytes. Tests validate the output against both schemas.
import type { ResponseFacts } from './declaration-responses';
import { RESPONSE_CODES } from './declaration-responses';
import { WCO_METADATA_NAMESPACE, WCO_RESPONSE_NAMESPACE } from './wco-paths';
import { el } from './xml-text';

/** formatCode 304: CCYYMMDDHHMMSSZ (UTC), as CDS writes it. */
const dateTime = (at: Date) => el('ds:DateTimeString', at.toISOString().replace(/[-:T]/g, '').replace(/\.\d{3}Z$/, 'Z'), { formatCode: '304' });
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const DS = 'urn:wco:datamodel:WCO:Response_DS:DMS:2';

function responseBody(f: ResponseFacts): string[] {
  const statements = [
    f.lane ? el('AdditionalInformation', [el('StatementCode', `LANE-${f.lane}`), el('StatementDescription', `Risk lane ${f.lane}`), el('StatementTypeCode', 'LAN')]) : null,
    f.reason ? el('AdditionalInformation', [el('StatementDescription', clip(f.reason, 512)), el('StatementTypeCode', 'AAA')]) : null,
    // Per tax type (the Response's Declaration/DutyTaxFee carries amounts only).
    ...(f.duties?.lines ?? []).map((l) => el('AdditionalInformation', [el('StatementCode', `TAX-${l.taxType}`), el('StatementDescription', `${l.taxType} ${l.amount} ${f.duties!.currency}`), el('StatementTypeCode', 'TAX')])),
  ];
  const errors = f.errors.map((e) =>
    el('Error', [el('Description', clip(`${e.location}: ${e.message}`, 512)), el('ValidationCode', e.code.replace('_', '').slice(0, 8))]),
  );
  const duties = f.duties ? [el('DutyTaxFee', [el('Payment', [el('TaxAssessedAmount', f.duties.total, { currencyID: f.duties.currency })])])] : [];
  return [
    el('FunctionCode', RESPONSE_CODES[f.kind]),
    el('FunctionalReferenceID', clip(f.lrn, 35)),
    el('IssueDateTime', [dateTime(f.at)]),
    ...statements,
    ...errors,
    el('Declaration', [
      f.kind === 'ACCEPTED' ? el('AcceptanceDateTime', [dateTime(f.at)]) : null,
      f.kind === 'CANCELLED' ? el('CancellationDateTime', [dateTime(f.at)]) : null,
      el('FunctionalReferenceID', clip(f.lrn, 35)),
      f.mrn ? el('ID', f.mrn) : null,
      f.kind === 'REJECTED' ? el('RejectionDateTime', [dateTime(f.at)]) : null,
      f.version !== null ? el('VersionID', String(f.version)) : null,
      ...duties,
    ]) ?? el('Declaration', [el('FunctionalReferenceID', clip(f.lrn, 35))]),
  ].filter((x): x is string => x !== null);
}

export function buildWcoResponse(facts: ResponseFacts[], options: { wrap?: boolean } = {}): string {
  const responses = facts.map((f) => `<Response>${responseBody(f).join('')}</Response>`);
  if (!options.wrap && responses.length === 1) return `<?xml version="1.0" encoding="UTF-8"?>\n${responses[0]!.replace('<Response>', `<Response xmlns="${WCO_RESPONSE_NAMESPACE}" xmlns:ds="${DS}">`)}\n`;
  const wrapped = responses.map((r) => r.replace('<Response>', `<Response xmlns="${WCO_RESPONSE_NAMESPACE}" xmlns:ds="${DS}">`)).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<MetaData xmlns="${WCO_METADATA_NAMESPACE}"><WCODataModelVersionCode>3.6</WCODataModelVersionCode><WCOTypeName>RES</WCOTypeName><ResponsibleAgencyName>Clearway</ResponsibleAgencyName>${wrapped}</MetaData>\n`;
}
