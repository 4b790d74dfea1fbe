// The form state of a saved draft (server side): decimals printed exactly, codes as stored.
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
