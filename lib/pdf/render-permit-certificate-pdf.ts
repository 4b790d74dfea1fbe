// The certificate of an issued LPCO (permit, licence, certificate): who issued it to whom, for which
// goods, how long and how much, with a QR code to /verify the agency's decision record anchored in the
// ledger. Deterministic: the same permit renders the same bytes.
import { PDFDocument } from 'pdf-lib';

import { embedPdfFonts } from './embed-pdf-fonts';
import { embedVerificationQr, type VerificationTarget } from './embed-verification-qr';
import { A4, ACCENT, CONTENT_WIDTH, MARGIN, MUTED, PageFlow, WHITE, clean, drawFieldRow, drawFooters, drawLine, drawSectionTitle, drawTable, formatDateTime, wrapText, type Column } from './pdf-layout';
import { savePdf, type RenderedPdf } from './save-pdf';

export interface PermitCertificateGood {
  commodityCode: string;
  description: string;
  originCountry: string;
}

export interface PermitCertificatePdfData {
  number: string;
  documentCode: string;
  documentName: string;
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
}

const QR_SIZE = 96;

export async function renderPermitCertificatePdf(data: PermitCertificatePdfData): Promise<RenderedPdf> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedPdfFonts(doc);
  const qr = await embedVerificationQr(doc, data.verify);
  const flow = new PageFlow(doc, (page, pageNumber) => {
    const top = A4.height - MARGIN.top;
    if (pageNumber > 1) {
      drawLine(page, `${data.documentName} ${data.number} (continued)`, { x: MARGIN.left, y: top, font: fonts.bold, size: 9 });
      return top - 20;
    }
    const width = CONTENT_WIDTH - QR_SIZE - 10;
    page.drawRectangle({ x: MARGIN.left, y: top - 44, width, height: 44, color: ACCENT });
    drawLine(page, data.documentName.toUpperCase(), { x: MARGIN.left + 10, y: top - 8, font: fonts.bold, size: 15, color: WHITE, width: width - 20 });
    drawLine(page, `${data.agency.name} · issued through the Clearway single window`, { x: MARGIN.left + 10, y: top - 29, font: fonts.regular, size: 8, color: WHITE, width: width - 20 });
    const qrX = A4.width - MARGIN.right - QR_SIZE;
    page.drawImage(qr.image, { x: qrX, y: top - QR_SIZE, width: QR_SIZE, height: QR_SIZE });
    drawLine(page, 'Scan to verify this permit', { x: qrX - 4, y: top - QR_SIZE - 1, font: fonts.regular, size: 6, color: MUTED, width: QR_SIZE + 4, align: 'center' });
    let y = top - 54;
    drawLine(page, 'Permit number', { x: MARGIN.left, y, font: fonts.regular, size: 6.5, color: MUTED });
    drawLine(page, data.number, { x: MARGIN.left, y: y - 10, font: fonts.mono, size: 16, width });
    y -= 40;
    y = drawFieldRow(page, fonts, MARGIN.left, y, width, 26, [
      { label: 'Valid from', lines: [formatDateTime(data.validFrom)] },
      { label: 'Valid until', lines: [formatDateTime(data.validUntil)] },
    ]);
    return drawFieldRow(page, fonts, MARGIN.left, y, CONTENT_WIDTH, 26, [
      { label: 'Document (UN/EDIFACT 1001)', lines: [`${data.documentCode} ${data.documentName}`], boldFirst: false },
      { label: 'Status', lines: [data.status], boldFirst: false },
      { label: 'Application', lines: [data.applicationNumber], boldFirst: false },
    ]) - 10;
  });

  flow.y = drawSectionTitle(flow.page, fonts, 'Holder and issuer', flow.y);
  flow.y = drawFieldRow(flow.page, fonts, MARGIN.left, flow.y, CONTENT_WIDTH, 60, [
    { label: 'Holder', lines: [data.holder.name, `EORI ${data.holder.eori}`, ...data.holder.address] },
    { label: 'Issuing agency', lines: [data.agency.name, data.agency.code, data.agency.contactEmail] },
    { label: 'Quantity granted', lines: [data.quantity ? `${data.quantity.total} ${data.quantity.unit}` : 'Not quantity-managed'] },
  ]) - 10;

  flow.ensure(60);
  flow.y = drawSectionTitle(flow.page, fonts, `Goods covered (${data.goods.length})`, flow.y);
  const columns: Array<Column<PermitCertificateGood>> = [
    { header: 'Commodity code', width: 80, mono: true, value: (g) => g.commodityCode },
    { header: 'Description of goods', width: 0, wrap: true, value: (g) => g.description },
    { header: 'Origin', width: 50, value: (g) => g.originCountry },
  ];
  drawTable(flow, fonts, columns, data.goods, { size: 8, maxLines: 3 });

  if (data.legalBasis) {
    flow.ensure(40);
    flow.y = drawSectionTitle(flow.page, fonts, 'Legal basis', flow.y - 6);
    for (const line of wrapText(clean(data.legalBasis), fonts.regular, 8.5, CONTENT_WIDTH)) {
      drawLine(flow.page, line, { x: MARGIN.left, y: flow.y, font: fonts.regular, size: 8.5 });
      flow.y -= 11;
    }
  }
  flow.ensure(40);
  flow.y -= 8;
  for (const line of wrapText(`The agency's decision is recorded in Clearway's tamper-evident ledger. Check it at ${qr.url}.`, fonts.regular, 8, CONTENT_WIDTH)) {
    drawLine(flow.page, line, { x: MARGIN.left, y: flow.y, font: fonts.regular, size: 8, color: MUTED });
    flow.y -= 10;
  }
  drawFooters(doc, fonts, `Clearway · ${data.documentName} ${data.number} · ${data.agency.code}`, `Verify: ${qr.url}`);
  return savePdf(doc, {
    title: `${data.documentName} ${data.number}`,
    subject: `${data.documentName} ${data.number} issued by ${data.agency.name} to ${data.holder.name}`,
    keywords: ['LPCO', data.documentCode, data.number, `sha256:${data.verify.hash}`],
    generatedAt: data.issuedAt,
  });
}
