// Declaration rows → what renderDeclarationPdf prints. Pure: the same rows always give the same input,
// hence the same bytes and SHA-256 (generate-declaration-pdf.ts relies on it to anchor a PDF once).
import { TRANSPORT_MODES } from '../declarations/codes';
import { AppError } from '../errors';
import type { Locale } from '../i18n/locales';
import { translateMessage } from '../i18n/translate-message';
import { composePdfWords } from './compose-pdf-words';
import type { DutyLine } from '../generated/prisma/client';
import type { DeclarationForPdf } from './load-declaration-for-pdf';
import { dutiesByTaxType, NATIONAL_CURRENCY, partyOf, procedureOf, sumAmounts } from './pdf-input-parts';
import type { DeclarationPdfData } from './render-declaration-pdf';


/**
 * The QR code names the latest frozen version's SHA-256 (anchored in the ledger, kind
 * `declaration-version`), so a draft, which has none, is refused: CONFLICT.
 */
export function buildDeclarationPdfInput(source: DeclarationForPdf, options: { baseUrl: string; locale?: Locale }): DeclarationPdfData {
  const { declaration: d, companies } = source;
  const locale = options.locale ?? 'en';
  const words = composePdfWords(locale);
  const { t } = words;
  if (!source.latestVersion) {
    throw new AppError('CONFLICT', 'A draft has no frozen version to print and verify: its PDF exists once the declaration is submitted.');
  }
  const company = (id: string | null) => (id ? (companies.get(id) ?? null) : null);
  const representative = partyOf(company(d.representativeId));
  const itemDuties = new Map<string, DutyLine[]>();
  for (const line of source.dutyLines) itemDuties.set(line.goodsItemId, [...(itemDuties.get(line.goodsItemId) ?? []), line]);
  const offices = [
    { role: t('declaration.office.declaration'), code: d.officeOfDeclaration },
    { role: t('declaration.office.entry'), code: d.officeOfEntry },
    { role: t('declaration.office.exit'), code: d.officeOfExit },
  ].filter((o): o is { role: string; code: string } => Boolean(o.code));

  return {
    lrn: d.lrn,
    mrn: d.mrn,
    declarationType: `${d.type} ${d.additionalType} (${words.optional(`declaration.kind.${d.type}`) ?? d.type}, ${words.optional(`declaration.additional.${d.additionalType}`) ?? d.additionalType})`,
    // The portal's own status names (namespace `status`), so the PDF says what the declaration page says.
    status: translateMessage(locale, `status.${d.status}`),
    version: source.latestVersion.version,
    procedure: procedureOf(d.procedureCode, d.additionalProcedure, words),
    deliveryTerms: d.incoterm ? [d.incoterm, d.incotermPlace].filter(Boolean).join(' ') : null,
    submittedAt: d.submittedAt,
    acceptedAt: source.acceptedAt,
    parties: {
      declarant: partyOf(company(d.declarantId)) ?? { name: t('unknownDeclarant') },
      importer: partyOf(company(d.importerId)),
      exporter: partyOf(company(d.exporterId)),
      representative: representative && {
        ...representative,
        capacity: d.representationStatus === 'DIRECT' || d.representationStatus === 'INDIRECT' ? t(`declaration.capacity.${d.representationStatus}`) : null,
      },
    },
    transport: {
      mode: d.transportMode === null ? null : `${d.transportMode}: ${words.optional(`transportMode.${d.transportMode}`) ?? (TRANSPORT_MODES[d.transportMode] ?? 'other').toLowerCase()}`,
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
      lines: dutiesByTaxType(source.dutyLines, words),
      total: d.dutyTotal?.toFixed(2) ?? sumAmounts(source.dutyLines),
      currency: NATIONAL_CURRENCY,
    },
    verify: { baseUrl: options.baseUrl, hash: source.latestVersion.sha256 },
    generatedAt: source.changedAt,
    locale,
  };
}
