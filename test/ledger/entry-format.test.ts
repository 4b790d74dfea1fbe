import { describe, expect, it } from 'vitest';

import { formatLedgerEntry, parseLedgerEntry } from '../../lib/ledger/entry-format';

const fields = { at: '2026-11-26T12:00:00.000Z', kind: 'declaration-version', ref: 'NL26-"quoted"\\x', sha256: 'a'.repeat(64) };

describe('the ledger entry', () => {
  it('is ASCII JSON with its members in order and no whitespace', () => {
    const text = formatLedgerEntry(fields);
    expect(text).toBe(`{"at":"2026-11-26T12:00:00.000Z","kind":"declaration-version","ref":"NL26-\\"quoted\\"\\\\x","sha256":"${'a'.repeat(64)}"}`);
    expect(parseLedgerEntry(new TextEncoder().encode(text))).toEqual(fields);
  });

  it('parses only the canonical bytes', () => {
    const text = formatLedgerEntry(fields);
    for (const variant of [
      text.replace('{', '{ '),
      `{"kind":"declaration-version","at":"2026-11-26T12:00:00.000Z","ref":${JSON.stringify(fields.ref)},"sha256":"${'a'.repeat(64)}"}`,
      text.replace('a'.repeat(64), 'A'.repeat(64)),
      text.replace('.000Z', 'Z'),
      text.replace('}', ',"extra":1}'),
      text.replace('NL26', 'NL\\u0032\\u0036'),
      'null',
      '{',
    ]) {
      expect(parseLedgerEntry(variant), variant).toBeNull();
    }
    expect(parseLedgerEntry(Uint8Array.of(0xff, 0xfe))).toBeNull();
  });
});
