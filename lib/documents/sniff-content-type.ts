// What an uploaded file is, decided from its first bytes only. The content type and the file name a
// client declares are claims: a renamed executable must not pass as a PDF. Pure (no I/O).

export const DOCUMENT_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'application/xml', 'application/json'] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

/** For messages: what may be uploaded. */
export const ALLOWED_DOCUMENT_FORMATS = 'PDF, PNG, JPEG, XML or JSON';

/** The most bytes the decision needs: signatures are short, but text may start with whitespace. */
export const SNIFF_BYTES = 1024;

const PDF = Buffer.from('%PDF-', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * The type of a file that starts with `head`: a content type, null when it is none of the allowed ones,
 * or undefined when more bytes are needed (only while `complete` is false, i.e. more may follow).
 * JSON is only a candidate here: the caller parses the whole file (valid JSON cannot be told from its start).
 */
export function sniffContentType(head: Uint8Array, complete: boolean): DocumentContentType | null | undefined {
  const bytes = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, SNIFF_BYTES));
  const enough = complete || head.length >= SNIFF_BYTES;
  for (const [signature, type] of [[PDF, 'application/pdf'], [PNG, 'image/png'], [JPEG, 'image/jpeg']] as const) {
    if (startsWith(bytes, signature)) return type;
    if (!enough && bytes.length < signature.length && startsWith(signature, bytes)) return undefined;
  }
  // Text formats: an optional UTF-8 byte order mark, whitespace, then the first character decides.
  let at = 0;
  if (startsWith(bytes, UTF8_BOM)) at = UTF8_BOM.length;
  else if (!enough && bytes.length < UTF8_BOM.length && startsWith(UTF8_BOM, bytes)) return undefined;
  while (at < bytes.length && WHITESPACE.has(bytes[at]!)) at++;
  if (at === bytes.length) return enough ? null : undefined;
  // Text has no NUL bytes: a binary file that happens to start with "<" or "{" is not XML or JSON.
  if (bytes.includes(0x00)) return null;
  const first = bytes[at];
  if (first === 0x3c /* < */) return 'application/xml';
  if (first === 0x7b /* { */ || first === 0x5b /* [ */) return 'application/json';
  return null;
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}
