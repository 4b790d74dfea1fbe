// Drawing helpers shared by the generated documents: A4 geometry, text fitting, labelled boxes, a flow
// that opens pages as content runs down, and a table that repeats its header on every page.
// pdf-lib measures from the bottom-left corner; every `y` here is the *top* of what is drawn.
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';

import type { PdfFonts } from './embed-pdf-fonts';
import { visualRuns } from './visual-runs';

export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { left: 36, right: 36, top: 36, bottom: 52 } as const;
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

export const INK = rgb(0.1, 0.11, 0.13);
export const MUTED = rgb(0.38, 0.41, 0.46);
export const RULE = rgb(0.6, 0.63, 0.67);
export const SHADE = rgb(0.93, 0.94, 0.96);
export const ACCENT = rgb(0.08, 0.22, 0.4);
export const WHITE = rgb(1, 1, 1);

// Pages laid out right to left (Arabic): everything is placed as on a left-to-right page and mirrored
// here, at the last step, so a renderer writes its layout once. Text is mirrored as a whole line (its
// runs still go left to right inside it), never glyph by glyph.
const RTL_PAGES = new WeakSet<PDFPage>();

/** The x where something `width` wide goes on `page`, given its x on a left-to-right page. */
function placeX(page: PDFPage, x: number, width: number): number {
  return RTL_PAGES.has(page) ? A4.width - x - width : x;
}

/** page.drawRectangle, mirrored on a right-to-left page. */
export function drawBox(page: PDFPage, options: NonNullable<Parameters<PDFPage['drawRectangle']>[0]> & { x: number; width: number }): void {
  page.drawRectangle({ ...options, x: placeX(page, options.x, options.width) });
}

/** page.drawLine, mirrored on a right-to-left page. */
export function drawRule(page: PDFPage, options: Parameters<PDFPage['drawLine']>[0]): void {
  const { start, end } = options;
  page.drawLine({ ...options, start: { x: placeX(page, start.x, 0), y: start.y }, end: { x: placeX(page, end.x, 0), y: end.y } });
}

/** page.drawImage, mirrored on a right-to-left page (the image itself is not flipped). */
export function drawPicture(page: PDFPage, image: PDFImage, options: { x: number; y: number; width: number; height: number }): void {
  page.drawImage(image, { ...options, x: placeX(page, options.x, options.width) });
}

/** One line of printable text: control characters and runs of white space become one space. */
export function clean(text: string | number | null | undefined): string {
  return String(text ?? '')
    .replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ')
    .trim();
}

// Measuring runs fontkit's full OpenType layout; goods tables measure the same strings over and over.
const widths = new WeakMap<PDFFont, Map<string, number>>();

/** Width of `text` in points, memoised per font. */
export function measure(font: PDFFont, text: string, size: number): number {
  let cache = widths.get(font);
  if (!cache) widths.set(font, (cache = new Map()));
  let unit = cache.get(text);
  if (unit === undefined) {
    unit = font.widthOfTextAtSize(text, 1);
    if (cache.size < 50_000) cache.set(text, unit);
  }
  return unit * size;
}

/** `text`, cut with an ellipsis if it is wider than `maxWidth`. */
export function fitText(text: string, font: PDFFont, size: number, maxWidth: number): string {
  const value = clean(text);
  if (measure(font, value, size) <= maxWidth) return value;
  let low = 0;
  let high = value.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(font, `${value.slice(0, mid)}…`, size) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return `${value.slice(0, low).trimEnd()}…`;
}

/** Lines of at most `maxWidth`, broken at spaces (inside words only when a word alone is too wide). */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number, maxLines = Infinity): string[] {
  const words = clean(text).split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  const width = (s: string) => measure(font, s, size);
  for (let word of words) {
    // One line past the limit is enough to know the text must end with an ellipsis.
    if (lines.length > maxLines) break;
    const candidate = line ? `${line} ${word}` : word;
    if (width(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    while (width(word) > maxWidth && lines.length <= maxLines) {
      // Longest prefix that fits, by bisection: measuring is a full OpenType layout.
      let low = 1;
      let high = word.length - 1;
      while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (width(word.slice(0, mid)) <= maxWidth) low = mid;
        else high = mid - 1;
      }
      lines.push(word.slice(0, low));
      word = word.slice(low);
    }
    line = word;
  }
  if (line && lines.length <= maxLines) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    const last = kept[maxLines - 1]!;
    kept[maxLines - 1] = width(`${last}…`) <= maxWidth ? `${last}…` : fitText(`${last}……`, font, size, maxWidth);
    return kept;
  }
  return lines.length ? lines : [''];
}

export interface TextOptions {
  x: number;
  /** Top of the line box. */
  y: number;
  font: PDFFont;
  size: number;
  color?: ReturnType<typeof rgb>;
  /** Cut with an ellipsis beyond this width; with `align`, the box the text is aligned in. */
  width?: number;
  align?: 'left' | 'right' | 'center';
}

/** One line of text; its baseline sits at 80 % of the font size below `y`. */
export function drawLine(page: PDFPage, text: string, { x, y, font, size, color = INK, width, align = 'left' }: TextOptions): void {
  const value = width === undefined ? clean(text) : fitText(text, font, size, width);
  const textWidth = measure(font, value, size);
  const left = placeX(page, align === 'left' || width === undefined ? x : align === 'right' ? x + width - textWidth : x + (width - textWidth) / 2, textWidth);
  const runs = visualRuns(value, RTL_PAGES.has(page) ? 'rtl' : undefined);
  if (runs.length === 1) {
    page.drawText(value, { x: left, y: y - size * 0.8, font, size, color });
    return;
  }
  // Right-to-left text mixed with numbers or Latin: each directional run drawn in visual order (visual-runs.ts).
  let cursor = left;
  for (const run of runs) {
    page.drawText(run, { x: cursor, y: y - size * 0.8, font, size, color });
    cursor += font.widthOfTextAtSize(run, size);
  }
}

export interface FieldBox {
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
  /** First line in bold, the rest regular: a name, then its identifiers and address. */
  lines: string[];
  size?: number;
  boldFirst?: boolean;
}

/** A SAD-style box: a small label in the corner, the value underneath, cut to fit the box. */
export function drawField(page: PDFPage, fonts: PdfFonts, { x, y, width, height, label, lines, size = 8.5, boldFirst = true }: FieldBox): void {
  drawBox(page, { x, y: y - height, width, height, borderColor: RULE, borderWidth: 0.6 });
  drawLine(page, label, { x: x + 4, y: y - 3, font: fonts.regular, size: 6.2, color: MUTED, width: width - 8 });
  const lineHeight = size * 1.22;
  const room = Math.max(1, Math.floor((height - 13) / lineHeight));
  // Long values wrap inside the box; what still does not fit ends in an ellipsis, never overflows.
  const shown = (lines.length ? lines : ['—']).flatMap((line, i) =>
    wrapText(line || '—', i === 0 && boldFirst ? fonts.bold : fonts.regular, size, width - 8).map((text) => ({ text, bold: i === 0 && boldFirst })),
  );
  if (shown.length > room) {
    const last = shown[room - 1]!;
    last.text = fitText(`${last.text}……`, last.bold ? fonts.bold : fonts.regular, size, width - 8);
  }
  shown.slice(0, room).forEach(({ text, bold }, i) => {
    drawLine(page, text, { x: x + 4, y: y - 11 - i * lineHeight, font: bold ? fonts.bold : fonts.regular, size, width: width - 8 });
  });
}

/** A row of equal-width boxes. Returns the y below it. */
export function drawFieldRow(
  page: PDFPage,
  fonts: PdfFonts,
  x: number,
  y: number,
  width: number,
  height: number,
  fields: Array<Omit<FieldBox, 'x' | 'y' | 'width' | 'height'> & { weight?: number }>,
): number {
  // Widths in proportion to `weight` (default 1), so long values (an MRN) get the room they need.
  const total = fields.reduce((sum, f) => sum + (f.weight ?? 1), 0);
  let left = x;
  for (const field of fields) {
    const each = (width * (field.weight ?? 1)) / total;
    drawField(page, fonts, { ...field, x: left, y, width: each, height });
    left += each;
  }
  return y - height;
}

/** A section title with a rule under it. Returns the y below it. */
export function drawSectionTitle(page: PDFPage, fonts: PdfFonts, title: string, y: number): number {
  drawLine(page, title.toUpperCase(), { x: MARGIN.left, y, font: fonts.bold, size: 8, color: ACCENT });
  drawRule(page, { start: { x: MARGIN.left, y: y - 10 }, end: { x: A4.width - MARGIN.right, y: y - 10 }, thickness: 0.8, color: ACCENT });
  return y - 14;
}

/** Tracks the current page and position; opens a new page (with its running header) when content runs out of room. */
export class PageFlow {
  page!: PDFPage;
  y = 0;

  constructor(
    readonly doc: PDFDocument,
    /** Draws what heads a page (full header on the first, a running one after) and returns the y below it. */
    private readonly startPage: (page: PDFPage, pageNumber: number) => number,
    /** 'rtl' mirrors every page of the flow (see drawBox, drawLine). */
    readonly direction: 'ltr' | 'rtl' = 'ltr',
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    if (this.direction === 'rtl') RTL_PAGES.add(this.page);
    this.y = this.startPage(this.page, this.doc.getPageCount());
  }

  /** Room left above the footer. */
  get room(): number {
    return this.y - MARGIN.bottom;
  }

  /** Make sure `height` fits on the current page, else continue on a new one. */
  ensure(height: number): void {
    if (this.room < height) this.newPage();
  }
}

export interface Column<Row> {
  header: string;
  /** Points; 0 = take what the fixed columns leave (one column should). */
  width: number;
  align?: 'left' | 'right' | 'center';
  /** Wrap onto several lines instead of cutting with an ellipsis. */
  wrap?: boolean;
  mono?: boolean;
  value: (row: Row) => string;
}

export interface TableOptions {
  size?: number;
  /** Most lines a wrapped cell may take (the last one ends with an ellipsis). */
  maxLines?: number;
  /** Rows that must stay on the page of the header's first appearance (avoids a lone header at a page foot). */
  keepWithHeader?: number;
}

/** A table from flow.y down, over as many pages as needed, its header repeated at the top of each. */
export function drawTable<Row>(flow: PageFlow, fonts: PdfFonts, columns: Array<Column<Row>>, rows: Row[], options: TableOptions = {}): void {
  const { size = 7.4, maxLines = 4, keepWithHeader = 2 } = options;
  const pad = 2.6;
  const lineHeight = size * 1.2;
  const fixed = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => c.width || Math.max(40, CONTENT_WIDTH - fixed));
  const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((a, b) => a + b, 0));

  const headerLines = columns.map((c, i) => wrapText(c.header, fonts.bold, size - 0.6, widths[i]! - 2 * pad, 2));
  const headerHeight = Math.max(...headerLines.map((l) => l.length)) * lineHeight + 2 * pad;

  const cellLines = (row: Row) =>
    columns.map((c, i) => {
      const font = c.mono ? fonts.mono : fonts.regular;
      const inner = widths[i]! - 2 * pad;
      return c.wrap ? wrapText(c.value(row), font, size, inner, maxLines) : [fitText(c.value(row), font, size, inner)];
    });

  const drawRowFrame = (y: number, height: number, fill?: ReturnType<typeof rgb>) => {
    const { page } = flow;
    if (fill) drawBox(page, { x: MARGIN.left, y: y - height, width: CONTENT_WIDTH, height, color: fill });
    drawRule(page, { start: { x: MARGIN.left, y: y - height }, end: { x: MARGIN.left + CONTENT_WIDTH, y: y - height }, thickness: 0.4, color: RULE });
    for (const x of [...xs, MARGIN.left + CONTENT_WIDTH]) {
      drawRule(page, { start: { x, y }, end: { x, y: y - height }, thickness: 0.4, color: RULE });
    }
  };

  const drawHeader = () => {
    const { page, y } = flow;
    drawRowFrame(y, headerHeight, SHADE);
    drawRule(page, { start: { x: MARGIN.left, y }, end: { x: MARGIN.left + CONTENT_WIDTH, y }, thickness: 0.4, color: RULE });
    headerLines.forEach((lines, i) =>
      lines.forEach((line, j) =>
        drawLine(page, line, { x: xs[i]! + pad, y: y - pad - j * lineHeight, font: fonts.bold, size: size - 0.6, width: widths[i]! - 2 * pad, align: columns[i]!.align }),
      ),
    );
    flow.y -= headerHeight;
  };

  const prepared = rows.map((row) => {
    const lines = cellLines(row);
    return { lines, height: Math.max(...lines.map((l) => l.length)) * lineHeight + 2 * pad };
  });
  const firstRows = prepared.slice(0, keepWithHeader).reduce((sum, r) => sum + r.height, 0);
  flow.ensure(headerHeight + firstRows);
  drawHeader();

  prepared.forEach(({ lines, height }) => {
    if (flow.room < height) {
      flow.newPage();
      drawHeader();
    }
    const { page, y } = flow;
    drawRowFrame(y, height);
    lines.forEach((cell, i) =>
      cell.forEach((line, j) =>
        drawLine(page, line, {
          x: xs[i]! + pad,
          y: y - pad - j * lineHeight,
          font: columns[i]!.mono ? fonts.mono : fonts.regular,
          size,
          width: widths[i]! - 2 * pad,
          align: columns[i]!.align,
        }),
      ),
    );
    flow.y -= height;
  });
}

/** Footer on every page, drawn once all pages exist so that "Page n of m" knows m. */
export function drawFooters(
  doc: PDFDocument,
  fonts: PdfFonts,
  left: string,
  right?: string,
  pageOf: (page: number, pages: number) => string = (page, pages) => `Page ${page} of ${pages}`,
): void {
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const y = MARGIN.bottom - 18;
    drawRule(page, { start: { x: MARGIN.left, y: y + 4 }, end: { x: A4.width - MARGIN.right, y: y + 4 }, thickness: 0.5, color: RULE });
    drawLine(page, left, { x: MARGIN.left, y, font: fonts.regular, size: 7, color: MUTED, width: CONTENT_WIDTH - 64 });
    if (right) drawLine(page, right, { x: MARGIN.left, y: y - 9, font: fonts.mono, size: 6, color: MUTED, width: CONTENT_WIDTH - 64 });
    drawLine(page, pageOf(i + 1, pages.length), { x: MARGIN.left, y, font: fonts.bold, size: 7.5, color: INK, width: CONTENT_WIDTH, align: 'right' });
  });
}

/** Decimal strings with thousands separators, digits untouched: amounts are never turned into floats. */
export function groupDigits(value: string | null | undefined): string {
  const text = clean(value);
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!match) return text;
  return `${match[1]}${match[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${match[3] ?? ''}`;
}

/** `2026-11-26 15:05 CET`: unambiguous in every locale, with the zone named. */
export function formatDateTime(date: Date | null | undefined, timeZone = 'UTC'): string {
  if (!date) return '—';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${parts.timeZoneName}`;
}
