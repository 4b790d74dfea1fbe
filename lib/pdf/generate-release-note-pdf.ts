// The release note of a released declaration as a PDF, for whoever may see the declaration: a QR code to
// /verify?hash=<release decision's SHA-256>, and the file's own SHA-256 anchored in the ledger (kind
// "pdf") the first time these exact bytes are produced (they do not change once released).
import type { Actor } from '../auth/actor';
import { getEnv } from '../env';
import { anchorGeneratedPdf } from './anchor-generated-pdf';
import { buildReleaseNotePdfInput } from './build-release-note-pdf-input';
import type { GeneratedPdf } from './generate-declaration-pdf';
import { loadDeclarationForPdf } from './load-declaration-for-pdf';
import { renderReleaseNotePdf } from './render-release-note-pdf';

/** NOT_FOUND when the actor cannot see the declaration; CONFLICT unless it is RELEASED. */
export async function generateReleaseNotePdf(options: { actor: Actor; declarationId: string }): Promise<GeneratedPdf> {
  const source = await loadDeclarationForPdf(options);
  const input = buildReleaseNotePdfInput(source, { baseUrl: getEnv().PUBLIC_URL });
  const pdf = await renderReleaseNotePdf(input);
  const anchored = await anchorGeneratedPdf({ actor: options.actor, declarationId: source.declaration.id, kind: 'release-note', pdf });
  return { ...anchored, fileName: `release-note-${input.mrn}.pdf` };
}
