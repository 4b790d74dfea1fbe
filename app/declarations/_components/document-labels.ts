// Words for documents on the declaration pages; browser-safe (the upload form uses them too). The kinds'
// names are in the catalogue (declarationPage.documents.type.*).
import type { ErrorParams } from '../../../lib/errors';

/** 48213 → "47.1 KB"; binary units, as the upload limit is stated. `say` is `declarationPage.documents`. */
export function formatBytes(size: number, say: (key: string, values?: ErrorParams) => string): string {
  if (size < 1024) return say('bytes', { size });
  if (size < 1024 * 1024) return say('kilobytes', { size: Math.round((size / 1024) * 10) / 10 });
  return say('megabytes', { size: Math.round((size / 1024 / 1024) * 10) / 10 });
}
