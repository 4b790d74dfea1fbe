// The generated PDFs in the reader's language (lib/pdf/compose-pdf-words.ts): labels from the catalogue,
// dates and amounts the language's way, Arabic pages mirrored (labels and values at the right of their
// boxes, table columns right to left), and English byte for byte what it was before translation, so a
// PDF anchored in English before still matches its ledger entry when downloaded again.
import { describe, expect, it } from 'vitest';

import { composePdfWords } from '../../lib/pdf/compose-pdf-words';
import { A4 } from '../../lib/pdf/pdf-layout';
import { renderDeclarationPdf } from '../../lib/pdf/render-declaration-pdf';
import { renderPermitCertificatePdf } from '../../lib/pdf/render-permit-certificate-pdf';
import { renderReleaseNotePdf } from '../../lib/pdf/render-release-note-pdf';
import { declaration, releaseNote } from './fixtures';
import { hasPdftotext, pdfPages, pdfWords, type PdfWord } from './pdf-text';

const word = (words: PdfWord[], text: string) => {
  const found = words.find((w) => w.text === text);
  expect(found, `"${text}" on the page`).toBeDefined();
  return found!;
};

describe('composePdfWords', () => {
  it('formats dates, decimals and money per language, digits exact, English as before', () => {
    const at = new Date('2026-11-26T14:05:00Z');
    expect(composePdfWords('en').dateTime(at, 'Europe/Amsterdam')).toBe('2026-11-26 15:05 CET');
    expect(composePdfWords('fr').dateTime(at, 'Europe/Amsterdam')).toBe('26 nov. 2026, 15:05 UTC+1');
    expect(composePdfWords('en').money('320979.97', 'EUR')).toBe('320,979.97 EUR');
    expect(composePdfWords('fr').money('320979.97', 'EUR').replace(/\s/g, ' ')).toBe('320 979,97 €');
    expect(composePdfWords('es').decimal('1250000.50')).toBe('1.250.000,50');
    // More digits than a double holds: formatted from the string, not a float.
    expect(composePdfWords('fr').decimal('12345678901234567.15').replace(/\s/g, ' ')).toBe('12 345 678 901 234 567,15');
    expect(composePdfWords('ar').money('10.00', 'EUR')).not.toMatch(/[\u200e\u200f\u061c]/);
    expect(composePdfWords('ar').direction).toBe('rtl');
  });
});

describe('PDFs in the reader’s language', () => {
  it('English renders the same bytes as before the labels were translated', async () => {
    // Fixed when translation came in (with pdf-lib 1.17 and DejaVu 2.37): a change here means an English PDF
    // anchored earlier no longer matches its ledger entry when downloaded again. Change it only knowingly.
    expect((await renderDeclarationPdf(declaration(3))).sha256).toBe('c209c51900f845625432638f185fe13529c8f4f688052b86d569d697748785de');
    expect((await renderReleaseNotePdf(releaseNote(3))).sha256).toBe('d229edba485af1989877dcb5d75c753784413106dcc3b4ebe5aa6c42f8f67f68');
  });

  it('a French declaration and release note have French labels, dates and amounts', async () => {
    const pdf = await renderDeclarationPdf({ ...declaration(3), locale: 'fr' });
    const note = await renderReleaseNotePdf({ ...releaseNote(3), locale: 'fr' });
    if (!hasPdftotext) return;
    const text = pdfPages(pdf.bytes, 1)[0]!.replace(/\u202f|\u00a0/g, ' ');
    for (const expected of ['DÉCLARATION EN DOUANE', 'Désignation des marchandises', 'Colis', '25 nov. 2026, 10:12 UTC+1', '320 979,97 €', 'Page 1 sur 1', 'CALCUL DES DROITS ET TAXES']) {
      expect(text).toContain(expected);
    }
    for (const english of ['CUSTOMS DECLARATION', 'Description of goods', 'Page 1 of 1']) expect(text).not.toContain(english);
    const noteText = pdfPages(note.bytes, 1)[0]!;
    expect(noteText).toContain('BON DE MAINLEVÉE');
    expect(noteText).toContain('MARCHANDISES EN MAINLEVÉE (3 ARTICLES)');
    expect(noteText).toContain('Payé le 26 nov. 2026, 14:40 UTC+1, référence BANK-2026-11-26-0042');
  });

  it('an Arabic declaration has Arabic labels on a mirrored page: labels and values at the right of their boxes, columns right to left', async () => {
    const [english, arabic] = await Promise.all([renderDeclarationPdf(declaration(3)), renderDeclarationPdf({ ...declaration(3), locale: 'ar' })]);
    if (!hasPdftotext) return;
    const text = pdfPages(arabic.bytes, 1)[0]!;
    for (const expected of ['بيان جمركي', 'وصف البضائع', 'مستند النقل', 'الصفحة']) expect(text).toContain(expected);
    expect(text).not.toContain('CUSTOMS DECLARATION');

    const en = pdfWords(english.bytes);
    const ar = pdfWords(arabic.bytes);
    // Box 7 (LRN): in English its number label and value start together at the box's left edge;
    // in Arabic they end together at its right edge, the box mirrored across the page.
    const [enLabel, enValue] = [en.find((w) => w.text === '7')!, word(en, 'RTM-2026-0042')];
    const arLabel = ar.find((w) => w.text === '7' && w.yMin < 120)!;
    const arValue = ar.filter((w) => w.text === 'RTM-2026-0042').sort((a, b) => a.yMin - b.yMin)[0]!;
    expect(Math.abs(enLabel.xMin - enValue.xMin)).toBeLessThan(1);
    expect(Math.abs(arLabel.xMax - arValue.xMax)).toBeLessThan(1);
    expect(arValue.xMax).toBeCloseTo(A4.width - enValue.xMin, 0);
    // The goods table: the commodity code column left of the description in English, right of it in Arabic.
    expect(word(en, '09012100').xMin).toBeLessThan(word(en, 'Roasted').xMin);
    expect(word(ar, '09012100').xMin).toBeGreaterThan(word(ar, 'Roasted').xMin);
    // The total box: right in English, left in Arabic.
    expect(word(en, '320,979.97').xMin).toBeGreaterThan(A4.width / 2);
    expect(word(ar, '320,979.97').xMax).toBeLessThan(A4.width / 2);
  });

  it('a permit certificate prints its document name and status in the language', async () => {
    const pdf = await renderPermitCertificatePdf({
      number: 'PHY-2026-000042',
      documentCode: '851',
      documentName: 'Phytosanitary certificate',
      status: 'ACTIVE',
      agency: { code: 'NPPO', name: 'Plant Protection Service', contactEmail: 'permits@nppo.example' },
      holder: { name: 'Rotterdam Importers B.V.', eori: 'NL123456789', address: ['Waalhaven Zuidzijde 19', '3089 JH Rotterdam', 'NL'] },
      applicationNumber: 'APP-2026-000042',
      validFrom: new Date('2026-11-01T00:00:00Z'),
      validUntil: new Date('2027-11-01T00:00:00Z'),
      quantity: { total: '12500.5', unit: 'KGM' },
      legalBasis: null,
      goods: [{ commodityCode: '06021090', description: 'Unrooted cuttings', originCountry: 'KE' }],
      issuedAt: new Date('2026-11-01T00:00:00Z'),
      verify: { baseUrl: 'https://clearway.example', hash: 'ab'.repeat(32) },
      locale: 'es',
    });
    if (!hasPdftotext) return;
    const text = pdfPages(pdf.bytes, 1)[0]!;
    for (const expected of ['CERTIFICADO FITOSANITARIO', 'Vigente', 'Válido hasta', '12.500,5 KGM', 'Mercancías amparadas'.toUpperCase()]) expect(text).toContain(expected);
    expect(text).not.toContain('Phytosanitary');
  });
});
