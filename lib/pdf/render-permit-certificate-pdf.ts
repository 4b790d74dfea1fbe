// The certificate of an issued LPCO (permit, licence, certificate): who issued it to whom, for which
// goods, how long and how much, with a QR code to /verify the agency's decision record anchored in the
// ledger. Deterministic: the same permit renders the same bytes.
import { PDFDocument } from 'pdf-lib';

import type { Locale } from '../i18n/locales';
import { composePdfWords } from './compose-pdf-words';
import { embedPdfFonts } from './embed-pdf-fonts';
import { embedVerificationQr, type VerificationTarget } from './embed-verification-qr';
import { A4, ACCENT, CONTENT_WIDTH, MARGIN, MUTED, PageFlow, WHITE, clean, drawBox, drawFieldRow, drawFooters, drawLine, drawPicture, drawSectionTitle, drawTable, wrapText, type Column } from './pdf-layout';
import { savePdf, type RenderedPdf } from './save-pdf';

export interface PermitCertificateGood {
  commodityCode: string;
  description: string;
  originCountry: string;
}

export interface PermitCertificatePdfData {
  number: string;
  documentCode: string;
  /** The English name of the document code; printed when the catalogue has none for the code in `locale`. */
  documentName: string;
  /** ACTIVE, EXPIRED, REVOKED, EXHAUSTED. */
  status: string;
  agency: { code: string; name: string; contactEmail: string };
  holder: { name: string; eori: string; address: string[] };
  applicationNumber: string;
  validFrom: Date;
  validUntil: Date;
  quantity: { total: string; unit: string } | null;
  legalBasis: string | null;
  goods: PermitCertificateGood[];
  issuedAt: Date;
  /** The QR code: `${baseUrl}/verify?hash=<SHA-256 of the decision record>`. */
  verify: VerificationTarget;
  /** The language of the labels, dates and numbers (default English); Arabic mirrors the page. */
  locale?: Locale;
}

const QR_SIZE = 96;

export async function renderPermitCertificatePdf(data: PermitCertificatePdfData): Promise<RenderedPdf> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedPdfFonts(doc);
  const qr = await embedVerificationQr(doc, data.verify);
  const words = composePdfWords(data.locale);
  const { t } = words;
  const name = words.optional(`permit.documentName.${data.documentCode}`) ?? data.documentName;
  const status = words.optional(`permit.statusValue.${data.status}`) ?? data.status;
  const flow = new PageFlow(
    doc,
    (page, pageNumber) => {
      const top = A4.height - MARGIN.top;
      if (pageNumber > 1) {
        drawLine(page, t('permit.continued', { name, number: data.number }), { x: MARGIN.left, y: top, font: fonts.bold, size: 9 });
        return top - 20;
      }
      const width = CONTENT_WIDTH - QR_SIZE - 10;
      drawBox(page, { x: MARGIN.left, y: top - 44, width, height: 44, color: ACCENT });
      drawLine(page, name.toLocaleUpperCase(words.locale), { x: MARGIN.left + 10, y: top - 8, font: fonts.bold, size: 15, color: WHITE, width: width - 20 });
      drawLine(page, t('permit.subtitle', { agency: data.agency.name }), { x: MARGIN.left + 10, y: top - 29, font: fonts.regular, size: 8, color: WHITE, width: width - 20 });
      const qrX = A4.width - MARGIN.right - QR_SIZE;
      drawPicture(page, qr.image, { x: qrX, y: top - QR_SIZE, width: QR_SIZE, height: QR_SIZE });
      drawLine(page, t('permit.scanToVerify'), { x: qrX - 4, y: top - QR_SIZE - 1, font: fonts.regular, size: 6, color: MUTED, width: QR_SIZE + 4, align: 'center' });
      let y = top - 54;
      drawLine(page, t('permit.number'), { x: MARGIN.left, y, font: fonts.regular, size: 6.5, color: MUTED });
      drawLine(page, data.number, { x: MARGIN.left, y: y - 10, font: fonts.mono, size: 16, width });
      y -= 40;
      y = drawFieldRow(page, fonts, MARGIN.left, y, width, 26, [
        { label: t('permit.validFrom'), lines: [words.dateTime(data.validFrom)] },
        { label: t('permit.validUntil'), lines: [words.dateTime(data.validUntil)] },
      ]);
      return (
        drawFieldRow(page, fonts, MARGIN.left, y, CONTENT_WIDTH, 26, [
          { label: t('permit.document'), lines: [`${data.documentCode} ${name}`], boldFirst: false },
          { label: t('permit.status'), lines: [status], boldFirst: false },
          { label: t('permit.application'), lines: [data.applicationNumber], boldFirst: false },
        ]) - 10
      );
    },
    words.direction,
  );

  flow.y = drawSectionTitle(flow.page, fonts, t('permit.holderAndIssuer'), flow.y);
  flow.y =
    drawFieldRow(flow.page, fonts, MARGIN.left, flow.y, CONTENT_WIDTH, 60, [
      { label: t('permit.holder'), lines: [data.holder.name, `EORI ${data.holder.eori}`, ...data.holder.address] },
      { label: t('permit.agency'), lines: [data.agency.name, data.agency.code, data.agency.contactEmail] },
      { label: t('permit.quantity'), lines: [data.quantity ? `${words.decimal(data.quantity.total)} ${data.quantity.unit}` : t('permit.notQuantityManaged')] },
    ]) - 10;

  flow.ensure(60);
  flow.y = drawSectionTitle(flow.page, fonts, t('permit.goods', { count: data.goods.length }), flow.y);
  const columns: Array<Column<PermitCertificateGood>> = [
    { header: t('column.commodityCode'), width: 80, mono: true, value: (g) => g.commodityCode },
    { header: t('column.description'), width: 0, wrap: true, value: (g) => g.description },
    { header: t('column.origin'), width: 50, value: (g) => g.originCountry },
  ];
  drawTable(flow, fonts, columns, data.goods, { size: 8, maxLines: 3 });

  if (data.legalBasis) {
    flow.ensure(40);
    flow.y = drawSectionTitle(flow.page, fonts, t('permit.legalBasis'), flow.y - 6);
    for (const line of wrapText(clean(data.legalBasis), fonts.regular, 8.5, CONTENT_WIDTH)) {
      drawLine(flow.page, line, { x: MARGIN.left, y: flow.y, font: fonts.regular, size: 8.5 });
      flow.y -= 11;
    }
  }
  flow.ensure(40);
  flow.y -= 8;
  for (const line of wrapText(t('permit.ledger', { url: qr.url }), fonts.regular, 8, CONTENT_WIDTH)) {
    drawLine(flow.page, line, { x: MARGIN.left, y: flow.y, font: fonts.regular, size: 8, color: MUTED });
    flow.y -= 10;
  }
  drawFooters(doc, fonts, t('permit.footer', { name, number: data.number, agency: data.agency.code }), t('verifyFooter', { url: qr.url }), words.pageOf);
  return savePdf(doc, {
    title: `${name} ${data.number}`,
    subject: t('permit.subject', { name, number: data.number, agency: data.agency.name, holder: data.holder.name }),
    keywords: ['LPCO', data.documentCode, data.number, `sha256:${data.verify.hash}`],
    generatedAt: data.issuedAt,
    language: words.locale,
  });
}
