// The declaration as a PDF (SAD-like), for whoever may see the declaration: rendered from its current
// rows, with a QR code to /verify?hash=<latest version's SHA-256>, and the file's own SHA-256 anchored
// in the ledger (kind "pdf") the first time these exact bytes are produced.
import type { Actor } from '../auth/actor';
import { getEnv } from '../env';
import type { Locale } from '../i18n/locales';
import { anchorGeneratedPdf, type AnchoredPdf } from './anchor-generated-pdf';
import { buildDeclarationPdfInput } from './build-declaration-pdf-input';
import { loadDeclarationForPdf } from './load-declaration-for-pdf';
import { renderDeclarationPdf } from './render-declaration-pdf';

export interface GeneratedPdf extends AnchoredPdf {
  /** A file name for downloads, e.g. `declaration-26NL…-v2.pdf`. */
  fileName: string;
}

/**
 * NOT_FOUND when the actor cannot see the declaration; CONFLICT for a draft (no frozen version yet).
 * `locale` (default English): the language of its labels, dates and numbers (pick-pdf-locale.ts).
 */
export async function generateDeclarationPdf(options: { actor: Actor; declarationId: string; locale?: Locale }): Promise<GeneratedPdf> {
  const source = await loadDeclarationForPdf(options);
  const input = buildDeclarationPdfInput(source, { baseUrl: getEnv().PUBLIC_URL, locale: options.locale });
  const pdf = await renderDeclarationPdf(input);
  const anchored = await anchorGeneratedPdf({ actor: options.actor, declarationId: source.declaration.id, kind: 'declaration', pdf, locale: input.locale });
  const name = source.declaration.mrn ?? source.declaration.lrn;
  return { ...anchored, fileName: `declaration-${name}-v${input.version}.pdf` };
}
