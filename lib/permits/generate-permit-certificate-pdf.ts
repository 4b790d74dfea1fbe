// The PDF certificate of a permit, for whoever may see the permit (NOT_FOUND otherwise). Its QR code
// names the SHA-256 of the agency's decision record, which approval anchored in the ledger.
import type { Actor } from '../auth/actor';
import { getDb } from '../db';
import { getEnv } from '../env';
import type { Locale } from '../i18n/locales';
import { renderPermitCertificatePdf } from '../pdf/render-permit-certificate-pdf';
import type { RenderedPdf } from '../pdf/save-pdf';
import { getPermit } from './get-permit';
import { documentName, QUANTITY_UNITS } from './permit-codes';
import { permitError } from './permit-error';

/** `locale` (default English): the language of its labels, dates and numbers (pdf/pick-pdf-locale.ts). */
export async function generatePermitCertificatePdf(options: { actor: Actor; permitId: string; locale?: Locale }): Promise<RenderedPdf & { fileName: string }> {
  const permit = await getPermit({ actor: options.actor, id: options.permitId });
  if (!permit) throw permitError('NOT_FOUND', 'permitNotVisible', { id: options.permitId });
  const full = await getDb().permit.findUniqueOrThrow({ where: { id: permit.id }, include: { agency: true, holder: true, application: { include: { rule: true } } } });
  const goods = full.application.goods as { commodityCode: string; description: string; originCountry: string }[];
  const expired = full.status === 'ACTIVE' && full.validUntil <= new Date();
  const pdf = await renderPermitCertificatePdf({
    number: full.number,
    documentCode: full.documentCode,
    documentName: documentName(full.documentCode),
    status: expired ? 'EXPIRED' : full.status,
    agency: { code: full.agency.code, name: full.agency.name, contactEmail: full.agency.contactEmail },
    holder: { name: full.holder.name, eori: full.holder.eori, address: [full.holder.street, [full.holder.postcode, full.holder.city].filter(Boolean).join(' '), full.holder.country] },
    applicationNumber: full.application.number,
    validFrom: full.validFrom,
    validUntil: full.validUntil,
    quantity: full.totalQuantity && full.quantityUnit ? { total: full.totalQuantity.toString(), unit: `${full.quantityUnit} (${QUANTITY_UNITS[full.quantityUnit as keyof typeof QUANTITY_UNITS] ?? full.quantityUnit})` } : null,
    legalBasis: full.application.rule?.legalBasis ?? null,
    goods: goods.map((g) => ({ commodityCode: g.commodityCode, description: g.description, originCountry: g.originCountry })),
    issuedAt: full.createdAt,
    verify: { baseUrl: getEnv().PUBLIC_URL, hash: full.decisionSha256 },
    locale: options.locale,
  });
  return { ...pdf, fileName: `${full.number}.pdf` };
}
