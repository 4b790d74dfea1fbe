// The compact form of entries in a full entry bundle (ledger_bundle), from which each entry's canonical
// text — the leaf data — comes back byte for byte:
//   items:   256 × the item's SHA-256 (32 bytes), in leaf order (fixed stride: the lookup index reads it);
//   entries: per entry, int64 big-endian `at` in ms since 1970 | kind byte | ref length byte | ref (ASCII).
//            The kind byte is an index into STORED_KINDS, or 0x80 + length followed by the kind itself.
// About 42 bytes + the ref per leaf, against ~130 + ref as JSON. Pure (no I/O).
import { ENTRY_REF, formatLedgerEntry, parseLedgerEntry, SHA256_HEX, type LedgerEntryFields } from './entry-format';

const KIND = /^[a-z][a-z0-9-]{0,39}$/;

/** Kind codes: a storage format, so only ever append to this list. */
const STORED_KINDS = ['document', 'pdf', 'declaration-version', 'decision'] as const;
const KIND_CODE = new Map<string, number>(STORED_KINDS.map((k, i) => [k, i]));

export const BUNDLE_SIZE = 256;

/** The fields of a canonical entry text, or null when the text is not one (a fast path for the integrator). */
export function parseEntryText(text: string): LedgerEntryFields | null {
  // {"at":"<24>","kind":"<kind>","ref":<JSON string>,"sha256":"<64>"}
  if (!text.startsWith('{"at":"') || text.length < 120) return parseLedgerEntry(text);
  const kindEnd = text.indexOf('"', 41);
  const tail = text.length - 77; // ,"sha256":"<64>"}
  if (text.slice(31, 41) !== '","kind":"' || kindEnd < 0 || text.slice(kindEnd, kindEnd + 8) !== '","ref":' || text.slice(tail, tail + 11) !== ',"sha256":"') {
    return parseLedgerEntry(text);
  }
  const refJson = text.slice(kindEnd + 8, tail);
  let ref: unknown = refJson.slice(1, -1);
  if (refJson.includes('\\')) {
    try {
      ref = JSON.parse(refJson);
    } catch {
      return null;
    }
  }
  const fields = { at: text.slice(7, 31), kind: text.slice(41, kindEnd), ref, sha256: text.slice(tail + 11, tail + 75) } as LedgerEntryFields;
  // Valid fields that give back exactly this text; the time is checked by the compact form (encodeEntryRecord).
  if (typeof ref !== 'string' || !KIND.test(fields.kind) || !ENTRY_REF.test(ref) || !SHA256_HEX.test(fields.sha256) || formatLedgerEntry(fields) !== text) return null;
  return fields;
}

/** Compact records of entries (without their item hashes), written one after the other into `out` from `at`; returns the end. */
export function encodeEntryRecord(fields: LedgerEntryFields, out: Buffer, at: number): number {
  const ms = Date.parse(fields.at);
  if (Number.isNaN(ms) || new Date(ms).toISOString() !== fields.at) throw new Error(`entry time ${fields.at} does not survive the compact form`);
  // int64 big-endian without a BigInt: high 32 bits (signed, floored) and low 32 bits.
  const high = Math.floor(ms / 2 ** 32);
  out.writeInt32BE(high, at);
  out.writeUInt32BE(ms - high * 2 ** 32, at + 4);
  const code = KIND_CODE.get(fields.kind);
  let p = at + 9;
  if (code === undefined) {
    out[at + 8] = 0x80 + fields.kind.length;
    p += out.write(fields.kind, p, 'latin1');
  } else {
    out[at + 8] = code;
  }
  out[p] = fields.ref.length;
  return p + 1 + out.write(fields.ref, p + 1, 'latin1');
}

/** The most bytes encodeEntryRecord writes for one entry. */
export const MAX_RECORD_BYTES = 10 + 40 + 200;

/** The canonical entry texts of a bundle (or of its first `count` entries). */
export function decodeEntryBundle(items: Uint8Array, entries: Uint8Array, count = items.length / 32): string[] {
  const texts: string[] = new Array(count);
  const view = Buffer.from(entries.buffer, entries.byteOffset, entries.length);
  const itemHex = Buffer.from(items.buffer, items.byteOffset, items.length).toString('hex');
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 10 > view.length) throw new Error(`entry bundle: record ${i} is cut short`);
    const ms = Number(view.readBigInt64BE(at));
    const code = view[at + 8]!;
    let kind: string;
    let p = at + 9;
    if (code < 0x80) {
      kind = STORED_KINDS[code] ?? '';
      if (!kind) throw new Error(`entry bundle: record ${i} has the unknown kind code ${code}`);
    } else {
      kind = view.toString('latin1', p, p + code - 0x80);
      p += code - 0x80;
    }
    const refLength = view[p]!;
    const ref = view.toString('latin1', p + 1, p + 1 + refLength);
    at = p + 1 + refLength;
    texts[i] = formatLedgerEntry({ at: new Date(ms).toISOString(), kind, ref, sha256: itemHex.slice(64 * i, 64 * i + 64) });
  }
  return texts;
}
