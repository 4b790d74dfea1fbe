import { createHash } from 'node:crypto';

import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';

import { renderDeclarationPdf } from '../../lib/pdf/render-declaration-pdf';
import { VERSION_HASH, declaration } from './fixtures';
import { hasPdftotext, pdfPages } from './pdf-text';

const verifyUrl = `https://clearway.example/verify?hash=${VERSION_HASH}`;

/** Font descriptors that carry a TrueType font program (FontFile2) inside the file. */
function embeddedFontNames(doc: PDFDocument): string[] {
  return doc.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object): object is PDFDict => object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'))
    .filter((descriptor) => descriptor.has(PDFName.of('FontFile2')))
    .map((descriptor) => descriptor.get(PDFName.of('FontName'))!.toString());
}

describe('renderDeclarationPdf', () => {
  it('renders a one-item declaration on one page, with its fonts embedded and its hash', async () => {
    const pdf = await renderDeclarationPdf(declaration(1));
    expect(pdf.sha256).toBe(createHash('sha256').update(pdf.bytes).digest('hex'));
    expect(pdf.pageCount).toBe(1);
    const doc = await PDFDocument.load(pdf.bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(embeddedFontNames(doc).sort()).toEqual(['/CWAYBD+DejaVuSansCondensed-Bold', '/CWAYMO+DejaVuSansMono', '/CWAYRG+DejaVuSansCondensed']);
    expect(doc.getTitle()).toBe('Customs declaration 26NL000000000012A3');
    expect(doc.getKeywords()).toContain(`sha256:${VERSION_HASH}`);
  });

  it.skipIf(!hasPdftotext)('prints header, parties, transport, goods and duties as text (pdftotext)', async () => {
    const pdf = await renderDeclarationPdf(declaration(1));
    const [text] = pdfPages(pdf.bytes, 1);
    for (const expected of [
      'CUSTOMS DECLARATION',
      'RTM-2026-0042',
      '26NL000000000012A3',
      'RELEASED',
      '4000: release for free circulation',
      'Shenzhen Bright Electronics Co., Ltd.',
      'EORI NL123456789',
      'Delta Customs Brokers B.V.',
      'Representation: direct (2)',
      'B/L MAEU123456789',
      'MSKU1234565 (seals SL-00981, SL-00982)',
      'NL000396',
      '09012100',
      'Roasted coffee',
      '12,601.10',
      '272,649.42',
      '320,979.97 EUR',
      '2026-11-25 10:12 CET',
      'Page 1 of 1',
      verifyUrl,
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('paginates 250 items, every page numbered "Page n of m"', async () => {
    const data = declaration(250);
    const pdf = await renderDeclarationPdf(data);
    expect(pdf.pageCount).toBeGreaterThan(1);
    expect((await PDFDocument.load(pdf.bytes)).getPageCount()).toBe(pdf.pageCount);
    if (!hasPdftotext) return;
    const pages = pdfPages(pdf.bytes, pdf.pageCount);
    pages.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      if (i > 0) expect(text).toContain('Customs declaration (continued)');
    });
    // The table header is repeated on every page that carries goods rows…
    const rowsOn = pages.map((text) => [...text.matchAll(/^\s*(\d{1,3}) (\d{8}) /gm)].map((m) => Number(m[1])));
    rowsOn.forEach((rows, i) => {
      if (rows.length) expect(pages[i]).toContain('Description of goods');
    });
    // …and every item appears exactly once, in order.
    expect(rowsOn.flat()).toEqual(data.items.map((item) => item.itemNumber));
    expect(pages.at(-1)).toContain('320,979.97 EUR');
  });

  it('renders the same input to the same bytes, so the file hash can be recomputed', async () => {
    const a = await renderDeclarationPdf(declaration(3));
    const b = await renderDeclarationPdf(declaration(3));
    expect(b.sha256).toBe(a.sha256);
    const later = await renderDeclarationPdf({ ...declaration(3), generatedAt: new Date('2026-11-27T00:00:00Z') });
    expect(later.sha256).not.toBe(a.sha256);
  });

  it('handles absent optional parts and hostile text without overflowing', async () => {
    const data = declaration(2);
    const pdf = await renderDeclarationPdf({
      ...data,
      mrn: null,
      status: 'DRAFT',
      parties: { declarant: { name: `${'Very long company name '.repeat(8)}\nwith a newline\tand a tab` }, importer: null, exporter: null, representative: null },
      transport: { containers: Array.from({ length: 40 }, (_, i) => ({ number: `MSKU${String(i).padStart(7, '0')}`, seals: [`S${i}`] })), offices: [] },
      valuation: null,
      items: [{ ...data.items[0]!, description: 'x'.repeat(2000) }],
    });
    expect(pdf.pageCount).toBe(1);
    if (!hasPdftotext) return;
    const [text] = pdfPages(pdf.bytes, 1);
    expect(text).toContain('not yet assigned');
    expect(text).toContain('None: the declarant acts in its own name');
    expect(text).toContain('Containers and seals (40)');
    expect(text).toContain('…');
  });

  it('refuses a verification hash that is not a SHA-256 hex digest', async () => {
    await expect(renderDeclarationPdf({ ...declaration(1), verify: { baseUrl: 'https://clearway.example', hash: 'ABC' } })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fieldErrors: [{ path: ['verify', 'hash'] }] },
    });
  });
});
