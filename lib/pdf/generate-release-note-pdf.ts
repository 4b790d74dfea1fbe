// The release note of a released declaration as a PDF, for whoever may see the declaration: a QR code to
// /verify?hash=<release decision's SHA-256>, and the file's own SHA-256 anchored in the ledger (kind
// "pdf") the first time these exact bytes are produced (they do not change once released). Each language
// is its own deterministic file: the French note is anchored on its first download in French, and the same
// declaration in French renders those bytes again, so every language's note verifies at /verify.
import type { Actor } from '../auth/actor';
import { getEnv } from '../env';
import type { Locale } from '../i18n/locales';
import { anchorGeneratedPdf } from './anchor-generated-pdf';
import { buildReleaseNotePdfInput } from './build-release-note-pdf-input';
import type { GeneratedPdf } from './generate-declaration-pdf';
import { loadDeclarationForPdf } from './load-declaration-for-pdf';
import { renderReleaseNotePdf } from './render-release-note-pdf';

/** NOT_FOUND when the actor cannot see the declaration; CONFLICT unless it is RELEASED. `locale`: default English. */
export async function generateReleaseNotePdf(options: { actor: Actor; declarationId: string; locale?: Locale }): Promise<GeneratedPdf> {
  const source = await loadDeclarationForPdf(options);
  const input = buildReleaseNotePdfInput(source, { baseUrl: getEnv().PUBLIC_URL, locale: options.locale });
  const pdf = await renderReleaseNotePdf(input);
  const anchored = await anchorGeneratedPdf({ actor: options.actor, declarationId: source.declaration.id, kind: 'release-note', pdf, locale: input.locale });
  return { ...anchored, fileName: `release-note-${input.mrn}.pdf` };
}
