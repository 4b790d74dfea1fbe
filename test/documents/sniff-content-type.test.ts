import { describe, expect, it } from 'vitest';

import { sniffContentType } from '../../lib/documents/sniff-content-type';
import { EXE, JPEG, PNG, pdf } from './helpers';

describe('sniffContentType', () => {
  it('recognises PDF, PNG, JPEG, XML and JSON from their first bytes', () => {
    expect(sniffContentType(pdf(), true)).toBe('application/pdf');
    expect(sniffContentType(PNG, true)).toBe('image/png');
    expect(sniffContentType(JPEG, true)).toBe('image/jpeg');
    expect(sniffContentType(Buffer.from('<?xml version="1.0"?><Invoice/>'), true)).toBe('application/xml');
    expect(sniffContentType(Buffer.from('\ufeff\n  <Invoice/>'), true)).toBe('application/xml');
    expect(sniffContentType(Buffer.from(' {"a":1}'), true)).toBe('application/json');
    expect(sniffContentType(Buffer.from('[1,2]'), true)).toBe('application/json');
  });

  it('refuses everything else, whatever the file claims to be', () => {
    expect(sniffContentType(EXE, true)).toBeNull();
    expect(sniffContentType(Buffer.from('PK\x03\x04 zip archive'), true)).toBeNull();
    expect(sniffContentType(Buffer.from('hello world'), true)).toBeNull();
    expect(sniffContentType(Buffer.from('   \n\t'), true)).toBeNull();
    expect(sniffContentType(Buffer.from([0x3c, 0x00, 0x3f, 0x00]), true)).toBeNull(); // "<" then binary
  });

  it('asks for more bytes only while the start is still ambiguous', () => {
    expect(sniffContentType(Buffer.from('%P'), false)).toBeUndefined();
    expect(sniffContentType(Buffer.from([0xff]), false)).toBeUndefined();
    expect(sniffContentType(Buffer.from('\ufeff   '), false)).toBeUndefined();
    expect(sniffContentType(Buffer.from('%P'), true)).toBeNull();
    expect(sniffContentType(Buffer.from('MZ'), false)).toBeNull();
  });
});
