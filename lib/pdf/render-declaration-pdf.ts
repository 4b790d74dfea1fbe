// A customs declaration as a printable PDF in the spirit of the Single Administrative Document: header
// boxes, parties, transport, a goods table over as many pages as the items need, and the duties.
// Input is a plain object (the caller maps database rows), amounts as decimal strings, never floats.
import { PDFDocument, type PDFImage, type PDFPage } from 'pdf-lib';

import type { Locale } from '../i18n/locales';
import { composePdfWords, type PdfWords } from './compose-pdf-words';
import { embedPdfFonts, type PdfFonts } from './embed-pdf-fonts';
import { embedVerificationQr, type VerificationTarget } from './embed-verification-qr';
import {
  A4,
  ACCENT,
  CONTENT_WIDTH,
  MARGIN,
  MUTED,
  PageFlow,
  WHITE,
  clean,
  drawBox,
  drawField,
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
import { savePdf, type RenderedPdf } from './save-pdf';

export interface PdfParty {
  name: string;
  eori?: string | null;
  /** Printed one entry per line: street, postcode and city, country. */
  address?: string[];
}

export interface DeclarationPdfItem {
  itemNumber: number;
  /** HS / national commodity code, e.g. "84713000". */
  commodityCode: string;
  description: string;
  /** ISO 3166 alpha-2. */
  originCountry: string;
  /** e.g. "20 CT" (count and kind). */
  packages?: string | null;
  netMassKg: string;
  grossMassKg: string;
  /** In the duty currency. */
  customsValue: string;
  /** All duties and taxes of the item, in the duty currency. */
  duties: string;
}

export interface DeclarationPdfData {
  lrn: string;
  mrn?: string | null;
  /** e.g. "IM A (import, standard)". */
  declarationType: string;
  status: string;
  version: number;
  /** e.g. "4000: release for free circulation". */
  procedure?: string | null;
  /** e.g. "CIF Rotterdam". */
  deliveryTerms?: string | null;
  submittedAt?: Date | null;
  acceptedAt?: Date | null;
  parties: {
    declarant: PdfParty;
    importer?: PdfParty | null;
    exporter?: PdfParty | null;
    /** The customs representative, with the capacity (direct / indirect) in `capacity`. */
    representative?: (PdfParty & { capacity?: string | null }) | null;
  };
  transport: {
    /** e.g. "1: sea". */
    mode?: string | null;
    /** e.g. "B/L MAEU123456789". */
    document?: string | null;
    meansOfTransport?: string | null;
    containers: Array<{ number: string; seals: string[] }>;
    /** e.g. { role: 'Office of entry', code: 'NL000396', name: 'Rotterdam Maasvlakte' }. */
    offices: Array<{ role: string; code: string; name?: string | null }>;
  };
  valuation?: {
    invoiceCurrency: string;
    invoiceAmount: string;
    exchangeRate?: string | null;
    freight?: string | null;
    insurance?: string | null;
  } | null;
  items: DeclarationPdfItem[];
  duties: {
    /** One line per tax type (DUTY, EXCISE, VAT…), summed over the items. */
    lines: Array<{ taxType: string; description?: string | null; base?: string | null; amount: string }>;
    total: string;
    /** ISO 4217 currency of customs values and duties. */
    currency: string;
  };
  /** The QR code: `${baseUrl}/verify?hash=<SHA-256 of this declaration version>`. */
  verify: VerificationTarget;
  /** Printed, and used as the PDF's dates so that rendering is reproducible. */
  generatedAt: Date;
  /** IANA zone for printed times (default UTC); the zone is always printed with them. */
  timeZone?: string;
  /** The language of the labels, dates and numbers (default English); Arabic mirrors the page. */
  locale?: Locale;
}

const QR_SIZE = 88;
const HEADER_WIDTH = CONTENT_WIDTH - QR_SIZE - 10;

const partyLines = (party: PdfParty | null | undefined, extra?: string | null): string[] =>
  party ? [party.name, party.eori ? `EORI ${party.eori}` : '', ...(extra ? [extra] : []), ...(party.address ?? [])].filter((line) => clean(line)) : [];

/** Render the declaration. Returns the bytes, their SHA-256 and the page count. */
export async function renderDeclarationPdf(data: DeclarationPdfData): Promise<RenderedPdf> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedPdfFonts(doc);
  const qr = await embedVerificationQr(doc, data.verify);
  const words = composePdfWords(data.locale);
  const { t } = words;
  const tz = data.timeZone ?? 'UTC';
  const reference = t('declaration.reference', { lrn: clean(data.lrn), mrn: clean(data.mrn) || t('declaration.notAssigned') });

  const flow = new PageFlow(
    doc,
    (page, pageNumber) => (pageNumber === 1 ? drawFirstPageHeader(page, fonts, words, data, qr.image, tz) : drawRunningHeader(page, fonts, words, reference)),
    words.direction,
  );

  drawPartiesAndTransport(flow, fonts, words, data);

  flow.y -= 10;
  flow.ensure(60);
  flow.y = drawSectionTitle(flow.page, fonts, t('declaration.goods', { count: data.items.length }), flow.y);
  const currency = clean(data.duties.currency);
  const columns: Array<Column<DeclarationPdfItem>> = [
    { header: t('column.item'), width: 24, align: 'right', value: (i) => String(i.itemNumber) },
    { header: t('column.commodityCode'), width: 54, mono: true, value: (i) => i.commodityCode },
    { header: t('column.description'), width: 0, wrap: true, value: (i) => i.description },
    { header: t('column.origin'), width: 28, align: 'center', value: (i) => i.originCountry },
    { header: t('column.packages'), width: 42, align: 'right', value: (i) => i.packages ?? '' },
    { header: t('column.netMass'), width: 48, align: 'right', value: (i) => words.decimal(i.netMassKg) },
    { header: t('column.grossMass'), width: 48, align: 'right', value: (i) => words.decimal(i.grossMassKg) },
    { header: t('column.customsValue', { currency }), width: 60, align: 'right', value: (i) => words.decimal(i.customsValue) },
    { header: t('column.dutiesAndTaxes', { currency }), width: 58, align: 'right', value: (i) => words.decimal(i.duties) },
  ];
  drawTable(flow, fonts, columns, data.items);

  drawDuties(flow, fonts, words, data);

  drawFooters(
    doc,
    fonts,
    t('declaration.footer', { reference, version: data.version, printed: words.dateTime(data.generatedAt, tz) }),
    t('verifyFooter', { url: qr.url }),
    words.pageOf,
  );
  return savePdf(doc, {
    title: t('declaration.documentTitle', { reference: clean(data.mrn) || clean(data.lrn) }),
    subject: t('declaration.subject', { reference, version: data.version }),
    keywords: ['customs declaration', clean(data.lrn), clean(data.mrn), `sha256:${data.verify.hash}`].filter(Boolean),
    generatedAt: data.generatedAt,
    language: words.locale,
  });
}

function drawFirstPageHeader(page: PDFPage, fonts: PdfFonts, words: PdfWords, data: DeclarationPdfData, qr: PDFImage, tz: string): number {
  const { t } = words;
  const top = A4.height - MARGIN.top;
  drawBox(page, { x: MARGIN.left, y: top - 44, width: HEADER_WIDTH, height: 44, color: ACCENT });
  drawLine(page, t('declaration.title'), { x: MARGIN.left + 10, y: top - 8, font: fonts.bold, size: 15, color: WHITE, width: HEADER_WIDTH - 20 });
  drawLine(page, t('declaration.subtitle'), { x: MARGIN.left + 10, y: top - 29, font: fonts.regular, size: 8, color: WHITE, width: HEADER_WIDTH - 20 });

  const qrX = A4.width - MARGIN.right - QR_SIZE;
  drawPicture(page, qr, { x: qrX, y: top - QR_SIZE, width: QR_SIZE, height: QR_SIZE });
  drawLine(page, t('declaration.scanToVerify'), { x: qrX - 6, y: top - QR_SIZE - 1, font: fonts.regular, size: 5.8, color: MUTED, width: QR_SIZE + 6, align: 'center' });
  drawLine(page, `sha256 ${data.verify.hash.slice(0, 8)}…${data.verify.hash.slice(-8)}`, {
    x: qrX - 6,
    y: top - QR_SIZE - 8.5,
    font: fonts.mono,
    size: 5.4,
    color: MUTED,
    width: QR_SIZE + 6,
    align: 'center',
  });

  let y = top - 50;
  y = drawFieldRow(page, fonts, MARGIN.left, y, HEADER_WIDTH, 34, [
    { label: t('declaration.type'), lines: [data.declarationType], weight: 1 },
    { label: t('declaration.lrn'), lines: [data.lrn], weight: 1.1 },
    { label: t('declaration.mrn'), lines: [clean(data.mrn) || t('declaration.notAssigned')], boldFirst: Boolean(clean(data.mrn)), weight: 1.25 },
    { label: t('declaration.status'), lines: [data.status], weight: 0.75 },
  ]);
  y = drawFieldRow(page, fonts, MARGIN.left, y, HEADER_WIDTH, 34, [
    { label: t('declaration.version'), lines: [String(data.version)], boldFirst: false, weight: 0.5 },
    { label: t('declaration.procedure'), lines: [clean(data.procedure) || '—'], boldFirst: false, weight: 1.45 },
    { label: t('declaration.deliveryTerms'), lines: [clean(data.deliveryTerms) || '—'], boldFirst: false, weight: 1 },
    { label: data.acceptedAt ? t('declaration.accepted') : t('declaration.submitted'), lines: [words.dateTime(data.acceptedAt ?? data.submittedAt, tz)], boldFirst: false, weight: 1.15 },
  ]);
  return y - 10;
}

function drawRunningHeader(page: PDFPage, fonts: PdfFonts, words: PdfWords, reference: string): number {
  const top = A4.height - MARGIN.top;
  drawLine(page, words.t('declaration.continued'), { x: MARGIN.left, y: top, font: fonts.bold, size: 9, color: ACCENT });
  drawLine(page, reference, { x: MARGIN.left, y: top, font: fonts.regular, size: 8, color: MUTED, width: CONTENT_WIDTH, align: 'right' });
  drawRule(page, { start: { x: MARGIN.left, y: top - 14 }, end: { x: A4.width - MARGIN.right, y: top - 14 }, thickness: 0.8, color: ACCENT });
  return top - 22;
}

function drawPartiesAndTransport(flow: PageFlow, fonts: PdfFonts, words: PdfWords, data: DeclarationPdfData): void {
  const { t } = words;
  const { page } = flow;
  const { parties, transport } = data;
  let y = drawSectionTitle(page, fonts, t('declaration.parties'), flow.y);
  const half = CONTENT_WIDTH / 2;
  // Name, EORI and three address lines.
  const partyHeight = 66;
  drawField(page, fonts, { x: MARGIN.left, y, width: half, height: partyHeight, label: t('declaration.exporter'), lines: partyLines(parties.exporter) });
  drawField(page, fonts, { x: MARGIN.left + half, y, width: half, height: partyHeight, label: t('declaration.importer'), lines: partyLines(parties.importer) });
  y -= partyHeight;
  drawField(page, fonts, { x: MARGIN.left, y, width: half, height: partyHeight, label: t('declaration.declarant'), lines: partyLines(parties.declarant) });
  const rep = parties.representative;
  drawField(page, fonts, {
    x: MARGIN.left + half,
    y,
    width: half,
    height: partyHeight,
    label: t('declaration.representative'),
    lines: rep ? partyLines(rep, rep.capacity ? t('declaration.representation', { capacity: rep.capacity }) : null) : [t('declaration.noRepresentative')],
    boldFirst: Boolean(rep),
  });
  y -= partyHeight + 8;

  y = drawSectionTitle(page, fonts, t('declaration.transport'), y);
  y = drawFieldRow(page, fonts, MARGIN.left, y, CONTENT_WIDTH, 26, [
    { label: t('declaration.transportMode'), lines: [clean(transport.mode) || '—'], boldFirst: false },
    { label: t('declaration.transportDocument'), lines: [clean(transport.document) || '—'], boldFirst: false },
    { label: t('declaration.meansOfTransport'), lines: [clean(transport.meansOfTransport) || '—'], boldFirst: false },
  ]);
  if (transport.offices.length) {
    y = drawFieldRow(
      page,
      fonts,
      MARGIN.left,
      y,
      CONTENT_WIDTH,
      34,
      transport.offices.slice(0, 4).map((office) => ({ label: office.role, lines: [office.code, clean(office.name)].filter(Boolean) })),
    );
  }
  const containerText = transport.containers.length
    ? transport.containers.map((c) => (c.seals.length ? t('declaration.containerSeals', { number: clean(c.number), seals: c.seals.map(clean).join(', ') }) : clean(c.number))).join(' · ')
    : t('declaration.noContainers');
  const containerLines = wrapText(containerText, fonts.regular, 8, CONTENT_WIDTH - 8, 5);
  const containerHeight = 13 + containerLines.length * 8 * 1.22 + 3;
  drawField(page, fonts, {
    x: MARGIN.left,
    y,
    width: CONTENT_WIDTH,
    height: containerHeight,
    label: t('declaration.containers', { count: transport.containers.length }),
    lines: containerLines,
    size: 8,
    boldFirst: false,
  });
  y -= containerHeight;

  if (data.valuation) {
    const v = data.valuation;
    const cur = clean(v.invoiceCurrency);
    y = drawFieldRow(page, fonts, MARGIN.left, y, CONTENT_WIDTH, 26, [
      { label: t('declaration.invoiceAmount'), lines: [words.money(v.invoiceAmount, cur)], boldFirst: false },
      { label: t('declaration.exchangeRate'), lines: [v.exchangeRate ? words.decimal(v.exchangeRate) : '—'], boldFirst: false },
      { label: t('declaration.freight'), lines: [v.freight ? words.money(v.freight, cur) : '—'], boldFirst: false },
      { label: t('declaration.insurance'), lines: [v.insurance ? words.money(v.insurance, cur) : '—'], boldFirst: false },
    ]);
  }
  flow.y = y;
}

function drawDuties(flow: PageFlow, fonts: PdfFonts, words: PdfWords, data: DeclarationPdfData): void {
  const { t } = words;
  const { duties } = data;
  const currency = clean(duties.currency);
  // Title, table and total stay together on one page.
  flow.y -= 12;
  flow.ensure(14 + 22 + duties.lines.length * 12 + 30);
  flow.y = drawSectionTitle(flow.page, fonts, t('declaration.duties'), flow.y);
  type Line = DeclarationPdfData['duties']['lines'][number];
  const columns: Array<Column<Line>> = [
    { header: t('column.taxType'), width: 70, value: (l) => l.taxType },
    { header: t('column.taxDescription'), width: 0, value: (l) => clean(l.description) },
    { header: t('column.taxBase', { currency }), width: 100, align: 'right', value: (l) => words.decimal(l.base) },
    { header: t('column.amount', { currency }), width: 100, align: 'right', value: (l) => words.decimal(l.amount) },
  ];
  drawTable(flow, fonts, columns, duties.lines, { size: 8, keepWithHeader: duties.lines.length });
  const { page } = flow;
  const y = flow.y - 6;
  drawBox(page, { x: MARGIN.left + CONTENT_WIDTH - 240, y: y - 20, width: 240, height: 20, borderColor: ACCENT, borderWidth: 1 });
  // The label takes what the amount leaves of the box (translations differ in length; an amount is never cut).
  const total = words.money(duties.total, currency);
  drawLine(page, t('declaration.total'), { x: MARGIN.left + CONTENT_WIDTH - 234, y: y - 5.5, font: fonts.bold, size: 9, width: 222 - measure(fonts.bold, total, 10) });
  drawLine(page, total, { x: MARGIN.left + CONTENT_WIDTH - 140, y: y - 5, font: fonts.bold, size: 10, width: 134, align: 'right' });
  flow.y = y - 24;
}
