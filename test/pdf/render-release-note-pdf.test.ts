import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';

import { renderReleaseNotePdf } from '../../lib/pdf/render-release-note-pdf';
import { DECISION_HASH, releaseNote } from './fixtures';
import { hasPdftotext, pdfPages } from './pdf-text';

describe('renderReleaseNotePdf', () => {
  it('renders MRN, release time, parties, goods, duties paid, officer and the verification link', async () => {
    const pdf = await renderReleaseNotePdf(releaseNote(3));
    expect(pdf.pageCount).toBe(1);
    expect(pdf.sha256).toMatch(/^[0-9a-f]{64}$/);
    const doc = await PDFDocument.load(pdf.bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getCreationDate()).toEqual(new Date('2026-11-26T14:05:00Z'));
    if (!hasPdftotext) return;
    const [text] = pdfPages(pdf.bytes, 1);
    for (const expected of [
      'RELEASE NOTE',
      '26NL000000000012A3',
      '2026-11-26 15:05 CET',
      'RTM-2026-0042',
      'NL000396 · Rotterdam Maasvlakte',
      'Delta Customs Brokers B.V.',
      'Rotterdam Importers B.V.',
      'GOODS RELEASED (3 ITEMS)',
      'Zürich Łódź',
      '320,979.97 EUR',
      'Paid 2026-11-26 14:40 CET, reference BANK-2026-11-26-0042',
      'Johanna de Vries',
      'REL-26NL000000000012A3',
      `https://clearway.example/verify?hash=${DECISION_HASH}`,
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('continues a long goods list on further pages with the header repeated', async () => {
    const pdf = await renderReleaseNotePdf(releaseNote(120));
    expect(pdf.pageCount).toBeGreaterThan(1);
    expect((await PDFDocument.load(pdf.bytes)).getPageCount()).toBe(pdf.pageCount);
    if (!hasPdftotext) return;
    const pages = pdfPages(pdf.bytes, pdf.pageCount);
    expect(pages[1]).toContain('Release note (continued)');
    expect(pages[1]).toContain('Description of goods');
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(pages.at(-1)).toContain('Johanna de Vries');
  });

  it('strips a trailing slash from the base URL of the link', async () => {
    const pdf = await renderReleaseNotePdf({ ...releaseNote(1), verify: { baseUrl: 'https://clearway.example/portal/', hash: DECISION_HASH } });
    if (!hasPdftotext) return;
    expect(pdfPages(pdf.bytes, 1)[0]).toContain(`https://clearway.example/portal/verify?hash=${DECISION_HASH}`);
  });
});
