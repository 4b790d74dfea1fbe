// Declaration rows → what renderReleaseNotePdf prints. Pure, like build-declaration-pdf-input.ts.
import { AppError } from '../errors';
import type { Locale } from '../i18n/locales';
import { composePdfWords } from './compose-pdf-words';
import type { DeclarationForPdf } from './load-declaration-for-pdf';
import { dutiesByTaxType, NATIONAL_CURRENCY, partyOf, procedureOf, sumAmounts } from './pdf-input-parts';
import type { ReleaseNotePdfData } from './render-release-note-pdf';

/**
 * The SHA-256 a release note's QR code names: the release decision's canonical record (anchored as kind
 * `decision` by decideDeclaration). A release decided before decisions were recorded has none; its note
 * then names the released version's SHA-256 (anchored as kind `declaration-version`), the most specific
 * anchored record of it. The PDF's own SHA-256 cannot be used: a file cannot contain its own hash.
 */
function releaseVerificationHash(source: DeclarationForPdf): string | null {
  return source.declaration.decisionSha256 ?? source.latestVersion?.sha256 ?? null;
}

/** Only for RELEASED declarations: CONFLICT otherwise. */
export function buildReleaseNotePdfInput(source: DeclarationForPdf, options: { baseUrl: string; locale?: Locale }): ReleaseNotePdfData {
  const { declaration: d, companies } = source;
  const hash = releaseVerificationHash(source);
  if (d.status !== 'RELEASED' || !d.mrn || !d.releasedAt || !hash) {
    throw new AppError('CONFLICT', `The declaration is ${d.status.toLowerCase().replace(/_/g, ' ')}: a release note exists once customs releases the goods.`, { status: d.status });
  }
  const locale = options.locale ?? 'en';
  const words = composePdfWords(locale);
  const company = (id: string | null) => (id ? (companies.get(id) ?? null) : null);
  const officeCode = d.officeOfDeclaration ?? d.officeOfEntry;
  return {
    mrn: d.mrn,
    lrn: d.lrn,
    procedure: procedureOf(d.procedureCode, d.additionalProcedure, words),
    releasedAt: d.releasedAt,
    office: officeCode ? { code: officeCode } : null,
    declarant: partyOf(company(d.declarantId)) ?? { name: words.t('unknownDeclarant') },
    importer: partyOf(company(d.importerId)),
    exporter: partyOf(company(d.exporterId)),
    items: source.items.map((item) => ({
      itemNumber: item.sequence,
      commodityCode: item.commodityCode,
      description: item.description,
      packages: `${item.packageCount} ${item.packageKind}`,
      grossMassKg: item.grossMass.toString(),
    })),
    duties: {
      lines: dutiesByTaxType(source.dutyLines, words),
      total: d.dutyTotal?.toFixed(2) ?? sumAmounts(source.dutyLines),
      currency: NATIONAL_CURRENCY,
      paymentReference: d.paymentReference,
      paidAt: d.paidAt,
    },
    officerName: source.releasedBy ?? words.t('releaseNote.customs'),
    decisionReference: `REL-${d.mrn}`,
    verify: { baseUrl: options.baseUrl, hash },
    generatedAt: d.releasedAt,
    locale,
  };
}
