// The release note handed to the trader (and shown at the gate) once customs releases the goods: which
// declaration, when, by whom, what was paid, and a QR code to check the release decision online.
import { PDFDocument, type PDFImage, type PDFPage } from 'pdf-lib';

import type { Locale } from '../i18n/locales';
import { composePdfWords, type PdfWords } from './compose-pdf-words';
import { embedPdfFonts, type PdfFonts } from './embed-pdf-fonts';
import { embedVerificationQr, type VerificationTarget } from './embed-verification-qr';
import {
  A4,
  ACCENT,
  CONTENT_WIDTH,
  INK,
  MARGIN,
  MUTED,
  PageFlow,
  WHITE,
  clean,
  drawBox,
  drawFieldRow,
  drawFooters,
  drawLine,
  drawPicture,
  drawRule,
  drawSectionTitle,
  drawTable,
  measure,
  wrapText,
  type Column,
} from './pdf-layout';
import type { PdfParty } from './render-declaration-pdf';
import { savePdf, type RenderedPdf } from './save-pdf';

export interface ReleaseNotePdfItem {
  itemNumber: number;
  commodityCode: string;
  description: string;
  packages?: string | null;
  grossMassKg?: string | null;
}

export interface ReleaseNotePdfData {
  mrn: string;
  lrn: string;
  procedure?: string | null;
  releasedAt: Date;
  /** The office that released the goods. */
  office?: { code: string; name?: string | null } | null;
  declarant: PdfParty;
  importer?: PdfParty | null;
  exporter?: PdfParty | null;
  items: ReleaseNotePdfItem[];
  duties: {
    lines: Array<{ taxType: string; description?: string | null; amount: string }>;
    total: string;
    currency: string;
    paymentReference?: string | null;
    paidAt?: Date | null;
  };
  officerName: string;
  decisionReference?: string | null;
  /** The QR code: `${baseUrl}/verify?hash=<SHA-256 of the release decision>`. */
  verify: VerificationTarget;
  /** Defaults to `releasedAt`; used as the PDF's dates so that rendering is reproducible. */
  generatedAt?: Date;
  /** IANA zone for printed times (default UTC); the zone is always printed with them. */
  timeZone?: string;
  /** The language of the labels, dates and numbers (default English); Arabic mirrors the page. */
  locale?: Locale;
}

const QR_SIZE = 96;

const partyLines = (party: PdfParty | null | undefined): string[] =>
  party ? [party.name, party.eori ? `EORI ${party.eori}` : '', ...(party.address ?? [])].filter((line) => clean(line)) : [];

/** Render the release note. Returns the bytes, their SHA-256 and the page count. */
export async function renderReleaseNotePdf(data: ReleaseNotePdfData): Promise<RenderedPdf> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedPdfFonts(doc);
  const qr = await embedVerificationQr(doc, data.verify);
  const words = composePdfWords(data.locale);
  const { t } = words;
  const tz = data.timeZone ?? 'UTC';
  const released = words.dateTime(data.releasedAt, tz);
  const mrn = clean(data.mrn);

  const flow = new PageFlow(
    doc,
    (page, pageNumber) => (pageNumber === 1 ? drawFirstPageHeader(page, fonts, words, data, qr.image, released) : drawRunningHeader(page, fonts, words, data.mrn)),
    words.direction,
  );

  let y = drawSectionTitle(flow.page, fonts, t('releaseNote.parties'), flow.y);
  y = drawFieldRow(flow.page, fonts, MARGIN.left, y, CONTENT_WIDTH, 66, [
    { label: t('releaseNote.declarant'), lines: partyLines(data.declarant) },
    { label: t('releaseNote.importer'), lines: partyLines(data.importer) },
    { label: t('releaseNote.exporter'), lines: partyLines(data.exporter) },
  ]);
  flow.y = y - 10;

  flow.ensure(60);
  flow.y = drawSectionTitle(flow.page, fonts, t('releaseNote.goods', { count: data.items.length }), flow.y);
  const columns: Array<Column<ReleaseNotePdfItem>> = [
    { header: t('column.item'), width: 28, align: 'right', value: (i) => String(i.itemNumber) },
    { header: t('column.commodityCode'), width: 62, mono: true, value: (i) => i.commodityCode },
    { header: t('column.description'), width: 0, wrap: true, value: (i) => i.description },
    { header: t('column.packages'), width: 60, align: 'right', value: (i) => clean(i.packages) },
    { header: t('column.grossMass'), width: 70, align: 'right', value: (i) => words.decimal(i.grossMassKg) },
  ];
  drawTable(flow, fonts, columns, data.items, { size: 8, maxLines: 3 });

  drawDutiesPaid(flow, fonts, words, data, tz);
  drawDecision(flow, fonts, words, data, qr.url, released);

  drawFooters(doc, fonts, t('releaseNote.footer', { mrn, released }), t('verifyFooter', { url: qr.url }), words.pageOf);
  return savePdf(doc, {
    title: t('releaseNote.documentTitle', { mrn }),
    subject: t('releaseNote.subject', { mrn, lrn: clean(data.lrn) }),
    keywords: ['customs release note', mrn, clean(data.lrn), `sha256:${data.verify.hash}`],
    generatedAt: data.generatedAt ?? data.releasedAt,
    language: words.locale,
  });
}

function drawFirstPageHeader(page: PDFPage, fonts: PdfFonts, words: PdfWords, data: ReleaseNotePdfData, qr: PDFImage, released: string): number {
  const { t } = words;
  const top = A4.height - MARGIN.top;
  const width = CONTENT_WIDTH - QR_SIZE - 10;
  drawBox(page, { x: MARGIN.left, y: top - 44, width, height: 44, color: ACCENT });
  drawLine(page, t('releaseNote.title'), { x: MARGIN.left + 10, y: top - 8, font: fonts.bold, size: 16, color: WHITE, width: width - 20 });
  drawLine(page, t('releaseNote.subtitle'), { x: MARGIN.left + 10, y: top - 29, font: fonts.regular, size: 8, color: WHITE, width: width - 20 });

  const qrX = A4.width - MARGIN.right - QR_SIZE;
  drawPicture(page, qr, { x: qrX, y: top - QR_SIZE, width: QR_SIZE, height: QR_SIZE });
  drawLine(page, t('releaseNote.scanToVerify'), { x: qrX - 4, y: top - QR_SIZE - 1, font: fonts.regular, size: 6, color: MUTED, width: QR_SIZE + 4, align: 'center' });

  let y = top - 50;
  // The MRN is what the gate officer types or scans: large and in a face where 0/O and 1/I differ.
  drawBox(page, { x: MARGIN.left, y: y - 34, width, height: 34, borderColor: ACCENT, borderWidth: 1.2 });
  drawLine(page, t('releaseNote.mrn'), { x: MARGIN.left + 6, y: y - 3, font: fonts.regular, size: 6.5, color: MUTED, width: width - 12 });
  drawLine(page, data.mrn, { x: MARGIN.left + 6, y: y - 13, font: fonts.mono, size: 16, color: INK, width: width - 12 });
  y -= 34;
  y = drawFieldRow(page, fonts, MARGIN.left, y, width, 26, [
    { label: t('releaseNote.releasedAt'), lines: [released] },
    { label: t('releaseNote.lrn'), lines: [data.lrn], boldFirst: false },
  ]);
  y = drawFieldRow(page, fonts, MARGIN.left, y, CONTENT_WIDTH, 26, [
    { label: t('releaseNote.procedure'), lines: [clean(data.procedure) || '—'], boldFirst: false },
    { label: t('releaseNote.office'), lines: [data.office ? [data.office.code, clean(data.office.name)].filter(Boolean).join(' · ') : '—'], boldFirst: false },
  ]);
  return y - 10;
}

function drawRunningHeader(page: PDFPage, fonts: PdfFonts, words: PdfWords, mrn: string): number {
  const top = A4.height - MARGIN.top;
  drawLine(page, words.t('releaseNote.continued'), { x: MARGIN.left, y: top, font: fonts.bold, size: 9, color: ACCENT });
  drawLine(page, words.t('releaseNote.runningReference', { mrn: clean(mrn) }), { x: MARGIN.left, y: top, font: fonts.regular, size: 8, color: MUTED, width: CONTENT_WIDTH, align: 'right' });
  drawRule(page, { start: { x: MARGIN.left, y: top - 14 }, end: { x: A4.width - MARGIN.right, y: top - 14 }, thickness: 0.8, color: ACCENT });
  return top - 22;
}

function drawDutiesPaid(flow: PageFlow, fonts: PdfFonts, words: PdfWords, data: ReleaseNotePdfData, tz: string): void {
  const { t } = words;
  const { duties } = data;
  const currency = clean(duties.currency);
  flow.y -= 12;
  flow.ensure(14 + 22 + duties.lines.length * 13 + 48);
  flow.y = drawSectionTitle(flow.page, fonts, t('releaseNote.dutiesPaid'), flow.y);
  type Line = ReleaseNotePdfData['duties']['lines'][number];
  const columns: Array<Column<Line>> = [
    { header: t('column.taxType'), width: 80, value: (l) => l.taxType },
    { header: t('column.taxDescription'), width: 0, value: (l) => clean(l.description) },
    { header: t('column.amount', { currency }), width: 110, align: 'right', value: (l) => words.decimal(l.amount) },
  ];
  drawTable(flow, fonts, columns, duties.lines, { size: 8, keepWithHeader: duties.lines.length });
  const { page } = flow;
  const y = flow.y - 6;
  const when = duties.paidAt ? words.dateTime(duties.paidAt, tz) : null;
  const reference = clean(duties.paymentReference);
  const payment =
    when && reference
      ? t('releaseNote.paidWithReference', { when, reference })
      : when
        ? t('releaseNote.paid', { when })
        : reference
          ? t('releaseNote.paymentReference', { reference })
          : t('releaseNote.noPayment');
  drawLine(page, payment, { x: MARGIN.left, y: y - 6, font: fonts.regular, size: 8, color: MUTED, width: CONTENT_WIDTH - 250 });
  drawBox(page, { x: MARGIN.left + CONTENT_WIDTH - 240, y: y - 20, width: 240, height: 20, borderColor: ACCENT, borderWidth: 1 });
  // The label takes what the amount leaves of the box (translations differ in length; an amount is never cut).
  const total = words.money(duties.total, currency);
  drawLine(page, t('releaseNote.totalPaid'), { x: MARGIN.left + CONTENT_WIDTH - 234, y: y - 5.5, font: fonts.bold, size: 9, width: 222 - measure(fonts.bold, total, 10) });
  drawLine(page, total, { x: MARGIN.left + CONTENT_WIDTH - 140, y: y - 5, font: fonts.bold, size: 10, width: 134, align: 'right' });
  flow.y = y - 30;
}

function drawDecision(flow: PageFlow, fonts: PdfFonts, words: PdfWords, data: ReleaseNotePdfData, url: string, released: string): void {
  const { t } = words;
  const statement = t('releaseNote.statement', { released });
  const lines = wrapText(statement, fonts.regular, 8, CONTENT_WIDTH - 8);
  flow.ensure(14 + 34 + (lines.length + 1) * 10 + 6);
  let y = drawSectionTitle(flow.page, fonts, t('releaseNote.decision'), flow.y);
  y = drawFieldRow(flow.page, fonts, MARGIN.left, y, CONTENT_WIDTH, 30, [
    { label: t('releaseNote.releasedBy'), lines: [data.officerName] },
    { label: t('releaseNote.decisionReference'), lines: [clean(data.decisionReference) || '—'], boldFirst: false },
  ]);
  y -= 6;
  const { page } = flow;
  lines.forEach((line, i) => drawLine(page, line, { x: MARGIN.left, y: y - i * 10, font: fonts.regular, size: 8, color: INK }));
  // On its own line, in a face where 0/O and 1/l differ, for typing it in.
  drawLine(page, url, { x: MARGIN.left, y: y - lines.length * 10 - 1, font: fonts.mono, size: 7.5, color: ACCENT, width: CONTENT_WIDTH });
  flow.y = y - (lines.length + 1) * 10;
}
