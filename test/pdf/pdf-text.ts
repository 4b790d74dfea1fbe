// Text of a PDF through poppler's pdftotext (Debian: poppler-utils), which reads the fonts' ToUnicode
// maps the way a screen reader or a search would. Tests that need it are skipped where it is missing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

/** Text of each page, in reading order with the layout kept. */
export function pdfPages(bytes: Uint8Array, pageCount: number): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clearway-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    return Array.from({ length: pageCount }, (_, i) => {
      const run = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
      return run.stdout;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PdfWord {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

/** The words of one page with their boxes (pdftotext -bbox), in points from the top-left corner. */
export function pdfWords(bytes: Uint8Array, page = 1): PdfWord[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clearway-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    const run = spawnSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
    return [...run.stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      text: m[4]!.replace(/&amp;/g, '&'),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
