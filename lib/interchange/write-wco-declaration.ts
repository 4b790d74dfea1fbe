// A declaration (in Clearway's input shape) as a WCO DM 3.6 Declaration, following wco-paths.ts in the
// element order WCO_DEC_2_DMS.xsd requires, so that readWcoDeclaration gives the same declaration back
// (tests check both the round trip and the schema). Pure.
import type { DeclarationInput, GoodsItemInput } from '../declarations/declaration-input';
import { WCO_NAMESPACE } from './wco-paths';
import { el } from './xml-text';

const s = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

function procedure(code: string | null | undefined) {
  return code ? el('GovernmentProcedure', [el('CurrentCode', code.slice(0, 2)), el('PreviousCode', code.slice(2) || null)]) : null;
}

function item(i: GoodsItemInput, n: number, d: DeclarationInput): string | null {
  const currency = s(d.invoiceCurrency);
  return el('GovernmentAgencyGoodsItem', [
    el('SequenceNumeric', String(n)),
    ...(i.documentRefs ?? []).map((ref) => el('AdditionalDocument', [el('ID', ref), el('TypeCode', '935')])),
    el('Commodity', [
      el('Description', s(i.description)),
      el('Classification', [el('ID', s(i.commodityCode)), el('IdentificationTypeCode', 'TSP')]),
      i.preferenceCode ? el('DutyTaxFee', [el('DutyRegimeCode', i.preferenceCode)]) : null,
      el('GoodsMeasure', [
        el('GrossMassMeasure', s(i.grossMass), { unitCode: 'KGM' }),
        el('NetNetWeightMeasure', s(i.netMass), { unitCode: 'KGM' }),
        el('TariffQuantity', s(i.supplementaryQuantity), { unitCode: s(i.supplementaryUnit) }),
      ]),
      el('InvoiceLine', [el('ItemChargeAmount', s(i.itemPrice), { currencyID: currency })]),
    ]),
    i.valuationMethod !== undefined && i.valuationMethod !== null ? el('CustomsValuation', [el('MethodCode', String(i.valuationMethod))]) : null,
    procedure(i.procedureCode ?? d.procedureCode),
    d.additionalProcedure ? el('GovernmentProcedure', [el('CurrentCode', d.additionalProcedure)]) : null,
    i.originCountry ? el('Origin', [el('CountryCode', i.originCountry)]) : null,
    el('Packaging', [el('SequenceNumeric', '1'), el('MarksNumbersID', s(i.marks)), el('QuantityQuantity', s(i.packageCount)), el('TypeCode', s(i.packageKind))]),
  ]);
}

export function writeWcoDeclaration(d: DeclarationInput, options: { submit: boolean }): string {
  const currency = s(d.invoiceCurrency);
  const agentFunction = d.representationStatus === 'DIRECT' ? '2' : d.representationStatus === 'INDIRECT' ? '3' : null;
  const body = el(
    'Declaration',
    [
      options.submit ? el('FunctionCode', '9') : null,
      el('FunctionalReferenceID', s(d.lrn)),
      el('TypeCode', `${d.type}${d.additionalType ?? 'A'}`),
      el('GoodsItemQuantity', String((d.items ?? []).length)),
      el('DeclarationOfficeID', s(d.officeOfDeclaration)),
      el('InvoiceAmount', s(d.invoiceAmount), { currencyID: currency }),
      el('TotalGrossMassMeasure', s(d.grossMass), { unitCode: 'KGM' }),
      el('TotalPackageQuantity', s(d.totalPackages)),
      d.representativeEori || agentFunction ? el('Agent', [el('ID', s(d.representativeEori)), el('FunctionCode', agentFunction)]) : null,
      el('BorderTransportMeans', [el('ModeCode', s(d.transportMode))]),
      el('CurrencyExchange', [el('CurrencyTypeCode', currency), el('RateNumeric', s(d.exchangeRate))]),
      el('ExitOffice', [el('ID', s(d.officeOfExit))]),
      el('Exporter', [el('ID', s(d.exporterEori))]),
      el('GoodsShipment', [
        el('Consignment', (d.containers ?? []).map((c, n) => el('TransportEquipment', [el('SequenceNumeric', String(n + 1)), el('ID', c.containerNumber), ...(c.seals ?? []).map((seal, m) => el('Seal', [el('SequenceNumeric', String(m + 1)), el('ID', seal)]))]))),
        el('CustomsValuation', [
          el('FreightChargeAmount', s(d.freight), { currencyID: currency }),
          d.insurance !== null && d.insurance !== undefined && d.insurance !== '' ? el('ChargeDeduction', [el('ChargesTypeCode', 'AS'), el('OtherChargeDeductionAmount', s(d.insurance), { currencyID: currency })]) : null,
        ]),
        ...(d.items ?? []).map((i, n) => item(i, n + 1, d)),
        el('Importer', [el('ID', s(d.importerEori))]),
        d.transportDocument ? el('PreviousDocument', [el('CategoryCode', 'Z'), el('ID', d.transportDocument), el('TypeCode', '705')]) : null,
        el('TradeTerms', [el('ConditionCode', s(d.incoterm)), el('LocationID', s(d.incotermPlace))]),
      ]),
      el('PresentationOffice', [el('ID', s(d.officeOfEntry))]),
    ],
    { xmlns: WCO_NAMESPACE },
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
}
