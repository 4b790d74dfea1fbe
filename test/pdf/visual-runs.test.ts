// Arabic in generated PDFs: drawn through pdf-lib + fontkit with the embedded DejaVu, a mixed Arabic line
// comes out shaped (joining forms, not the isolated letters) and in right-to-left visual order, with its
// numbers and Latin codes still left to right. Checked on the glyph ids in the page's content stream.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';

import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';

import { drawLine } from '../../lib/pdf/pdf-layout';
import { visualRuns } from '../../lib/pdf/visual-runs';

const fontFile = path.join(path.dirname(createRequire(path.join(process.cwd(), 'package.json')).resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSansCondensed.ttf');
const font = fontkit.create(readFileSync(fontFile));

/** The glyph ids pdf-lib wrote for the page's text (hex strings in TJ/Tj operators), in drawing order. */
async function drawnGlyphIds(text: string): Promise<number[]> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // The face embedPdfFonts uses, not subset here so that the glyph ids are the font's own.
  const regular = await doc.embedFont(readFileSync(fontFile), { subset: false });
  const page = doc.addPage([400, 100]);
  drawLine(page, text, { x: 10, y: 80, font: regular, size: 10 });
  const saved = await PDFDocument.load(await doc.save());
  const contents = saved.getPages()[0]!.node.Contents();
  const streams = contents && 'asArray' in contents ? contents.asArray() : [contents];
  let ops = '';
  for (const ref of streams) {
    const stream = saved.context.lookup(ref as never);
    if (stream instanceof PDFRawStream) ops += inflateSync(Buffer.from(stream.contents)).toString('latin1');
  }
  const hex = [...ops.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)].map((m) => m[1]!).join('');
  return hex.match(/.{4}/g)!.map((h) => parseInt(h, 16));
}

/** The font's glyph ids for text laid out by fontkit as it would be in isolation, for comparison. */
const isolated = (text: string) => [...text].map((c) => font.glyphForCodePoint(c.codePointAt(0)!).id);

describe('visualRuns', () => {
  it('keeps a line without right-to-left letters as one run', () => {
    expect(visualRuns('Net mass 1,250.500 kg')).toEqual(['Net mass 1,250.500 kg']);
  });

  it('puts the runs of a mixed Arabic line in visual order, numbers and Latin left to right', () => {
    // The spaces between Arabic words belong to the right-to-left run (fontkit reverses it with them).
    expect(visualRuns('بيان 123')).toEqual(['123', 'بيان ']);
    expect(visualRuns('رقم LRN-42 بيان')).toEqual([' بيان', 'LRN-42', 'رقم ']);
    expect(visualRuns('LRN بيان')).toEqual(['LRN ', 'بيان']);
  });
});

describe('Arabic in a PDF', () => {
  it('is drawn shaped, right to left, with its number left to right', async () => {
    const glyphs = await drawnGlyphIds('بيان 123');
    // "123" first (leftmost) and in its own order, then the word, last letter first.
    const digits = isolated('123');
    expect(glyphs.slice(0, 3)).toEqual(digits);
    const word = glyphs.slice(4);
    expect(word).toHaveLength(4);
    // Logical order unshaped would be the isolated letters left to right; shaped RTL is neither that nor its mere reverse.
    expect(word).not.toEqual(isolated('بيان'));
    expect(word).not.toEqual(isolated('بيان').reverse());
    // The same glyphs fontkit's own shaping gives for the word alone (it lays an Arabic run out right to left).
    expect(word).toEqual(font.layout('بيان').glyphs.map((g) => g.id));
    // Beh at the start of a word takes its initial form (U+FE91), the rightmost glyph.
    expect(word[3]).toBe(font.glyphForCodePoint(0xfe91).id);
  });
});
