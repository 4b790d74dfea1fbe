import { createHash } from 'node:crypto';

import type { PDFDocument } from 'pdf-lib';

export interface RenderedPdf {
  bytes: Uint8Array;
  /** SHA-256 hex of `bytes`: what the caller records and anchors for this exact file. */
  sha256: string;
  pageCount: number;
}

export interface PdfMetadata {
  title: string;
  subject: string;
  keywords: string[];
  /** Also the creation and modification dates, so the same input renders the same bytes (and hash). */
  generatedAt: Date;
  /** BCP 47 language of the text (the catalogue's `/Lang`, read by screen readers); default English. */
  language?: string;
}

/** Set the document information and serialise. pdf-lib's own "now" dates and producer are replaced. */
export async function savePdf(doc: PDFDocument, meta: PdfMetadata): Promise<RenderedPdf> {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setAuthor('Clearway');
  doc.setCreator('Clearway');
  doc.setProducer('Clearway (pdf-lib)');
  doc.setLanguage(meta.language ?? 'en');
  doc.setCreationDate(meta.generatedAt);
  doc.setModificationDate(meta.generatedAt);
  const bytes = await doc.save({ updateFieldAppearances: false });
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), pageCount: doc.getPageCount() };
}
