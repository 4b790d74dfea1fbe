// The form state of a saved declaration (server side): decimals printed exactly, codes as stored. The
// edit page (drafts) and the amend page (submitted declarations) open the form with it.
import { loadCompanies, loadContainers, loadGoodsItems } from '../../../lib/declarations/load-declaration-parts';
import { getHsCodesByCodes } from '../../../lib/tariff/get-hs-codes-by-codes';
import { getTariffLinesByCodes } from '../../../lib/tariff/get-tariff-lines-by-codes';
import { formatCommodityCode } from './format';
import { emptyForm, type FormState } from './form-model';
import type { ContainerRow, DeclarationRow, GoodsItemRow } from './types';

const str = (v: { toString(): string } | null | undefined): string => (v === null || v === undefined ? '' : String(v));

export function formStateOf(
  d: DeclarationRow,
  items: GoodsItemRow[],
  containers: ContainerRow[],
  eoriOf: (companyId: string | null) => string,
  hsLabelOf: (code: string) => string,
): FormState {
  return emptyForm({
    lrn: d.lrn,
    type: d.type,
    additionalType: d.additionalType,
    procedureCode: str(d.procedureCode),
    additionalProcedure: str(d.additionalProcedure),
    importerEori: eoriOf(d.importerId),
    exporterEori: eoriOf(d.exporterId),
    representativeEori: eoriOf(d.representativeId),
    representationStatus: str(d.representationStatus),
    incoterm: str(d.incoterm),
    incotermPlace: str(d.incotermPlace),
    transportMode: str(d.transportMode),
    transportDocument: str(d.transportDocument),
    officeOfEntry: str(d.officeOfEntry),
    officeOfDeclaration: str(d.officeOfDeclaration),
    officeOfExit: str(d.officeOfExit),
    invoiceCurrency: str(d.invoiceCurrency),
    invoiceAmount: str(d.invoiceAmount),
    exchangeRate: str(d.exchangeRate),
    freight: str(d.freight),
    insurance: str(d.insurance),
    totalPackages: str(d.totalPackages),
    grossMass: str(d.grossMass),
    containers: containers.map((c) => ({ key: `c-${c.id}`, containerNumber: c.containerNumber, seals: c.seals.join(', ') })),
    items: items.map((i) => ({
      key: `i-${i.id}`,
      commodityCode: formatCommodityCode(i.commodityCode),
      commodityLabel: hsLabelOf(i.commodityCode),
      description: i.description,
      originCountry: i.originCountry,
      packageKind: i.packageKind,
      packageCount: String(i.packageCount),
      grossMass: str(i.grossMass),
      netMass: str(i.netMass),
      itemPrice: str(i.itemPrice),
      supplementaryQuantity: str(i.supplementaryQuantity),
      supplementaryUnit: str(i.supplementaryUnit),
      preferenceCode: str(i.preferenceCode),
      procedureCode: str(i.procedureCode),
      valuationMethod: String(i.valuationMethod),
      marks: str(i.marks),
      documentRefs: i.documentRefs.join(', '),
    })),
  });
}

/** Loads what the form shows of a declaration: its items, containers, parties' EORIs and the HS labels. */
export async function loadFormState(d: DeclarationRow): Promise<FormState> {
  const [[items], [containers], companies] = await Promise.all([
    loadGoodsItems([d.id]),
    loadContainers([d.id]),
    loadCompanies([d.importerId, d.exporterId, d.representativeId].filter((c): c is string => !!c)),
  ]);
  const eori = new Map(companies.filter((c) => c !== null).map((c) => [c.id, c.eori]));
  // What the commodity codes designate, shown under the HS picker: the national line, else the subheading.
  const subheadings = [...new Set(items!.map((i) => i.commodityCode.slice(0, 6)))];
  const lineCodes = [...new Set(items!.map((i) => i.commodityCode.slice(0, 8)).filter((c) => c.length === 8))];
  const [hsRows, lineRows] = await Promise.all([getHsCodesByCodes(subheadings), getTariffLinesByCodes(lineCodes)]);
  const labels = new Map<string, string>();
  for (const h of hsRows) if (h) labels.set(h.code, `${formatCommodityCode(h.code)} — ${h.description}`);
  for (const l of lineRows) if (l) labels.set(l.code, `${formatCommodityCode(l.code)} — ${l.description}`);
  return formStateOf(
    d,
    items!,
    containers!,
    (cid) => (cid ? (eori.get(cid) ?? '') : ''),
    (code) => labels.get(code.slice(0, 8)) ?? labels.get(code.slice(0, 6)) ?? '',
  );
}
