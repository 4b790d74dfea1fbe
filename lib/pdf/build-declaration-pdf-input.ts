// Declaration rows → what renderDeclarationPdf prints. Pure: the same rows always give the same input,
// hence the same bytes and SHA-256 (generate-declaration-pdf.ts relies on it to anchor a PDF once).
import { TRANSPORT_MODES } from '../declarations/codes';
import { AppError } from '../errors';
import type { DutyLine } from '../generated/prisma/client';
import type { DeclarationForPdf } from './load-declaration-for-pdf';
import { dutiesByTaxType, NATIONAL_CURRENCY, partyOf, procedureOf, sumAmounts } from './pdf-input-parts';
import type { DeclarationPdfData } from './render-declaration-pdf';

const KIND: Record<string, string> = { IM: 'import', EX: 'export', CO: 'special fiscal territories' };
const ADDITIONAL: Record<string, string> = { A: 'standard', D: 'pre-lodged', Y: 'simplified', Z: 'entry in records' };

const statusLabel = (status: string) => status.charAt(0) + status.slice(1).toLowerCase().replace(/_/g, ' ');

/**
 * The QR code names the latest frozen version's SHA-256 (anchored in the ledger, kind
 * `declaration-version`), so a draft, which has none, is refused: CONFLICT.
 */
export function buildDeclarationPdfInput(source: DeclarationForPdf, options: { baseUrl: string }): DeclarationPdfData {
  const { declaration: d, companies } = source;
  if (!source.latestVersion) {
    throw new AppError('CONFLICT', 'A draft has no frozen version to print and verify: its PDF exists once the declaration is submitted.');
  }
  const company = (id: string | null) => (id ? (companies.get(id) ?? null) : null);
  const representative = partyOf(company(d.representativeId));
  const itemDuties = new Map<string, DutyLine[]>();
  for (const line of source.dutyLines) itemDuties.set(line.goodsItemId, [...(itemDuties.get(line.goodsItemId) ?? []), line]);
  const offices = [
    { role: 'Office of declaration', code: d.officeOfDeclaration },
    { role: 'Office of entry', code: d.officeOfEntry },
    { role: 'Office of exit', code: d.officeOfExit },
  ].filter((o): o is { role: string; code: string } => Boolean(o.code));

  return {
    lrn: d.lrn,
    mrn: d.mrn,
    declarationType: `${d.type} ${d.additionalType} (${KIND[d.type] ?? d.type}, ${ADDITIONAL[d.additionalType] ?? d.additionalType})`,
    status: statusLabel(d.status),
    version: source.latestVersion.version,
    procedure: procedureOf(d.procedureCode, d.additionalProcedure),
    deliveryTerms: d.incoterm ? [d.incoterm, d.incotermPlace].filter(Boolean).join(' ') : null,
    submittedAt: d.submittedAt,
    acceptedAt: source.acceptedAt,
    parties: {
      declarant: partyOf(company(d.declarantId)) ?? { name: 'Unknown declarant' },
      importer: partyOf(company(d.importerId)),
      exporter: partyOf(company(d.exporterId)),
      representative: representative && {
        ...representative,
        capacity: d.representationStatus === 'DIRECT' ? 'direct (2)' : d.representationStatus === 'INDIRECT' ? 'indirect (3)' : null,
      },
    },
    transport: {
      mode: d.transportMode === null ? null : `${d.transportMode}: ${(TRANSPORT_MODES[d.transportMode] ?? 'other').toLowerCase()}`,
      document: d.transportDocument,
      meansOfTransport: null,
      containers: source.containers.map((c) => ({ number: c.containerNumber, seals: c.seals })),
      offices,
    },
    valuation:
      d.invoiceCurrency && d.invoiceAmount
        ? {
            invoiceCurrency: d.invoiceCurrency,
            invoiceAmount: d.invoiceAmount.toFixed(2),
            exchangeRate: d.exchangeRate?.toString() ?? null,
            freight: d.freight?.toFixed(2) ?? null,
            insurance: d.insurance?.toFixed(2) ?? null,
          }
        : null,
    items: source.items.map((item) => ({
      itemNumber: item.sequence,
      commodityCode: item.commodityCode,
      description: item.description,
      originCountry: item.originCountry,
      packages: `${item.packageCount} ${item.packageKind}`,
      netMassKg: item.netMass.toString(),
      grossMassKg: item.grossMass.toString(),
      customsValue: item.customsValue?.toFixed(2) ?? '—',
      duties: sumAmounts(itemDuties.get(item.id) ?? []),
    })),
    duties: {
      lines: dutiesByTaxType(source.dutyLines),
      total: d.dutyTotal?.toFixed(2) ?? sumAmounts(source.dutyLines),
      currency: NATIONAL_CURRENCY,
    },
    verify: { baseUrl: options.baseUrl, hash: source.latestVersion.sha256 },
    generatedAt: source.changedAt,
  };
}
