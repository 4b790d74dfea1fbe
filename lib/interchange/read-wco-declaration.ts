// A WCO DM 3.6 Declaration (as UK CDS takes it) read into Clearway's declaration input. In order, each
// step refusing the message with located errors before the next one runs:
//   1. no DOCTYPE at all: entities are never resolved, so external entities (XXE) and entity expansion
//      ("billion laughs") cannot happen — the message is refused before any parser sees it;
//   2. well-formed (fast-xml-parser's validator: line and column);
//   3. the root is {urn:wco:datamodel:WCO:DEC-DMS:2}Declaration (an unknown namespace is named);
//   4. valid against WCO_DEC_2_DMS.xsd (libxml2-wasm, schema compiled once: line and message);
//   5. mapped by wco-paths.ts; zod and the lifecycle check the values later, their paths located here.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

import type { DeclarationInput, GoodsItemInput } from '../declarations/declaration-input';
import type { InterchangeMessage, LocatedError } from './interchange-message';
import { validateWcoXml } from './validate-wco-xml';
import { WCO_NAMESPACE, wcoPathOf } from './wco-paths';

const LISTS = new Set(['GovernmentAgencyGoodsItem', 'TransportEquipment', 'Seal', 'GovernmentProcedure', 'AdditionalDocument', 'PreviousDocument', 'ChargeDeduction', 'CurrencyExchange', 'Packaging', 'Origin', 'Classification', 'DutyTaxFee']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  // Codes keep their leading zeros ("09012100"): every value stays text until zod reads it.
  parseTagValue: false,
  parseAttributeValue: false,
  // Only the five predefined entities and character references: a DOCTYPE (the only way to define
  // others) never gets here.
  processEntities: true,
  htmlEntities: false,
  trimValues: true,
  isArray: (name, _jpath, _isLeaf, isAttribute) => !isAttribute && LISTS.has(name),
});

type Node = Record<string, unknown>;
const ROOT_TAG = /^\s*(?:<\?xml[^>]*\?>)?(?:\s|<!--[\s\S]*?-->)*<(?:([\w.-]+):)?([\w.-]+)((?:\s+[^>]*?)?)\/?>/;

/** XML paths are identifiers: the same in every language. */
const locateWco = (path: readonly string[]) => ({ location: wcoPathOf(path) });

const refused = (location: string, message: string, code: LocatedError['code'] = 'INVALID'): InterchangeMessage => ({
  format: 'WCO_XML',
  reference: '',
  submit: false,
  input: null,
  errors: [{ location, field: null, code, message }],
  locate: locateWco,
});

export async function readWcoDeclaration(xml: string): Promise<InterchangeMessage> {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    return refused('/', 'DOCTYPE and ENTITY declarations are refused: Clearway resolves no entities (no external entities, no entity expansion). Send the Declaration without a DOCTYPE.', 'NOT_ALLOWED');
  }
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    const { line, col, msg } = wellFormed.err;
    return refused(`line ${line}, column ${col}`, `Malformed XML: ${msg}`);
  }
  const root = ROOT_TAG.exec(xml);
  const prefix = root?.[1];
  const namespace = root ? new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*["']([^"']*)["']`).exec(root[3] ?? '')?.[1] : undefined;
  if (!root || root[2] !== 'Declaration' || namespace !== WCO_NAMESPACE) {
    return refused(
      root ? `/${root[2]}` : '/',
      `The root element must be Declaration in the namespace ${WCO_NAMESPACE} (WCO DM 3.6, CDS); found ${root ? `${root[2]} in ${namespace ? `the namespace ${namespace}` : 'no namespace'}` : 'none'}.`,
      'UNKNOWN',
    );
  }
  const problems = await validateWcoXml(xml, 'declaration');
  if (problems.length) {
    return {
      ...refused('/', ''),
      errors: problems.map((p) => ({ location: p.line ? `line ${p.line}` : '/Declaration', field: null, code: 'INVALID' as const, message: `Not valid against WCO_DEC_2_DMS.xsd: ${p.message}` })),
    };
  }
  const d = (parser.parse(xml) as Node).Declaration as Node;
  const input = toInput(d);
  const functionCode = text(d.FunctionCode);
  const errors: LocatedError[] = [];
  if (functionCode !== null && functionCode !== '9') {
    errors.push({ location: '/Declaration/FunctionCode', field: null, code: 'NOT_ALLOWED', message: `FunctionCode ${functionCode} is not taken here: send 9 (original, filed and submitted) or leave it out (kept as a draft).` });
  }
  if (!input.lrn) errors.push({ location: '/Declaration/FunctionalReferenceID', field: 'lrn', code: 'REQUIRED', message: 'FunctionalReferenceID (the LRN) is required: it identifies the message.' });
  return { format: 'WCO_XML', reference: input.lrn, submit: functionCode === '9', input, errors, locate: locateWco };
}

/** The element's text, whether it has attributes or not; null when absent or empty. */
function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') return text((value as Node)['#text']);
  const s = String(value).trim();
  return s === '' ? null : s;
}
const attr = (value: unknown, name: string): string | null => (value && typeof value === 'object' ? text((value as Node)[`@${name}`]) : null);
const node = (value: unknown): Node => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : {});
const list = (value: unknown): Node[] => (Array.isArray(value) ? value.map(node) : []);
/** Whole numbers become numbers (zod wants them); anything else stays text so zod names the problem. */
const integer = (value: string | null): number | string | null => (value !== null && /^\d{1,15}$/.test(value) ? Number(value) : value);

function procedureOf(p: Node | undefined): string | null {
  if (!p) return null;
  const current = text(p.CurrentCode);
  const previous = text(p.PreviousCode);
  return current === null ? null : `${current}${previous ?? ''}`;
}

function toInput(d: Node): DeclarationInput {
  const gs = node(d.GoodsShipment);
  const typeCode = text(d.TypeCode) ?? '';
  const agent = node(d.Agent);
  const agentFunction = text(agent.FunctionCode);
  const valuation = node(gs.CustomsValuation);
  const insurance = list(valuation.ChargeDeduction).find((c) => text(c.ChargesTypeCode) === 'AS');
  const items = list(gs.GovernmentAgencyGoodsItem);
  const headerProcedure = procedureOf(list(items[0]?.GovernmentProcedure)[0]);
  const additional = list(items[0]?.GovernmentProcedure)[1];
  const tradeTerms = node(gs.TradeTerms);
  const input: Record<string, unknown> = {
    lrn: text(d.FunctionalReferenceID) ?? '',
    type: typeCode.slice(0, 2),
    additionalType: typeCode.slice(2) || undefined,
    procedureCode: headerProcedure,
    additionalProcedure: additional ? text(additional.CurrentCode) : null,
    importerEori: text(node(gs.Importer).ID),
    exporterEori: text(node(d.Exporter).ID),
    representativeEori: text(agent.ID),
    representationStatus: agentFunction === '2' ? 'DIRECT' : agentFunction === '3' ? 'INDIRECT' : agentFunction,
    incoterm: text(tradeTerms.ConditionCode),
    incotermPlace: text(tradeTerms.LocationID),
    transportMode: integer(text(node(d.BorderTransportMeans).ModeCode)),
    transportDocument: text(list(gs.PreviousDocument)[0]?.ID),
    officeOfEntry: text(node(d.PresentationOffice).ID),
    officeOfDeclaration: text(d.DeclarationOfficeID),
    officeOfExit: text(node(d.ExitOffice).ID),
    invoiceCurrency: attr(d.InvoiceAmount, 'currencyID'),
    invoiceAmount: text(d.InvoiceAmount),
    exchangeRate: text(list(d.CurrencyExchange)[0]?.RateNumeric),
    freight: text(valuation.FreightChargeAmount),
    insurance: insurance ? text(insurance.OtherChargeDeductionAmount) : null,
    totalPackages: integer(text(d.TotalPackageQuantity)),
    grossMass: text(d.TotalGrossMassMeasure),
    containers: list(node(gs.Consignment).TransportEquipment).map((t) => ({
      containerNumber: text(t.ID) ?? '',
      seals: list(t.Seal).map((s) => text(s.ID) ?? ''),
    })),
    items: items.map((item) => toItem(item, headerProcedure)),
  };
  return input as unknown as DeclarationInput;
}

function toItem(item: Node, headerProcedure: string | null): GoodsItemInput {
  const commodity = node(item.Commodity);
  const classifications = list(commodity.Classification);
  const classification = classifications.find((c) => text(c.IdentificationTypeCode) === 'TSP') ?? classifications[0];
  const measure = node(commodity.GoodsMeasure);
  const packaging = list(item.Packaging)[0] ?? {};
  const procedure = procedureOf(list(item.GovernmentProcedure)[0]);
  const method = text(node(item.CustomsValuation).MethodCode);
  const result: Record<string, unknown> = {
    commodityCode: text(classification?.ID) ?? '',
    description: text(commodity.Description) ?? '',
    originCountry: text(list(item.Origin)[0]?.CountryCode) ?? '',
    preferenceCode: text(list(commodity.DutyTaxFee)[0]?.DutyRegimeCode),
    packageKind: text(packaging.TypeCode) ?? '',
    packageCount: integer(text(packaging.QuantityQuantity)),
    marks: text(packaging.MarksNumbersID),
    grossMass: text(measure.GrossMassMeasure) ?? '',
    netMass: text(measure.NetNetWeightMeasure) ?? '',
    supplementaryQuantity: text(measure.TariffQuantity),
    supplementaryUnit: attr(measure.TariffQuantity, 'unitCode'),
    itemPrice: text(node(commodity.InvoiceLine).ItemChargeAmount) ?? '',
    valuationMethod: method === null ? undefined : integer(method),
    procedureCode: procedure === headerProcedure ? null : procedure,
    documentRefs: list(item.AdditionalDocument).map((a) => text(a.ID) ?? ''),
  };
  return result as unknown as GoodsItemInput;
}
