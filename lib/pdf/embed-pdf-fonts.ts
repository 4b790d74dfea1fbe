// Fonts are embedded (subset) TrueType files, not PDF's 14 standard fonts: those are not in the file,
// render differently per viewer, and only cover WinAnsi (no "ł", "ő", "Ş"… in trader names).
// DejaVu comes from the `dejavu-fonts-ttf` npm package so a fresh `npm install` has it, with no system
// font required. Condensed faces fit SAD-like boxes and the goods table.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
  /** For hashes and codes, whose characters must line up and never be confused. */
  mono: PDFFont;
}

const FILES = { regular: 'DejaVuSansCondensed.ttf', bold: 'DejaVuSansCondensed-Bold.ttf', mono: 'DejaVuSansMono.ttf' } as const;

let fontBytes: Promise<Record<keyof PdfFonts, Uint8Array>> | undefined;

function fontDirectory(): string {
  // Resolved from the project root rather than this file, which may sit inside a bundle (Next.js).
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  return path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

async function loadFontBytes(): Promise<Record<keyof PdfFonts, Uint8Array>> {
  const dir = fontDirectory();
  const [regular, bold, mono] = await Promise.all(Object.values(FILES).map((file) => readFile(path.join(dir, file))));
  return { regular: regular!, bold: bold!, mono: mono! };
}

/** Embed the three faces into `doc` (subset: only the glyphs used end up in the file). */
export async function embedPdfFonts(doc: PDFDocument): Promise<PdfFonts> {
  fontBytes ??= loadFontBytes().catch((error: unknown) => {
    fontBytes = undefined;
    throw error;
  });
  const bytes = await fontBytes;
  doc.registerFontkit(fontkit);
  const [regular, bold, mono] = await Promise.all([
    doc.embedFont(bytes.regular, { subset: true, customName: 'CWAYRG+DejaVuSansCondensed' }),
    doc.embedFont(bytes.bold, { subset: true, customName: 'CWAYBD+DejaVuSansCondensed-Bold' }),
    doc.embedFont(bytes.mono, { subset: true, customName: 'CWAYMO+DejaVuSansMono' }),
  ]);
  return { regular, bold, mono };
}
