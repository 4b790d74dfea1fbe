import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';

import { embedPdfFonts } from '../../lib/pdf/embed-pdf-fonts';
import { verificationUrl } from '../../lib/pdf/embed-verification-qr';
import { clean, fitText, formatDateTime, groupDigits, measure, wrapText } from '../../lib/pdf/pdf-layout';

describe('layout helpers', () => {
  it('groups digits without going through floating point', () => {
    expect(groupDigits('1234567.891')).toBe('1,234,567.891');
    expect(groupDigits('-1000')).toBe('-1,000');
    expect(groupDigits('12345678901234567890.01')).toBe('12,345,678,901,234,567,890.01');
    expect(groupDigits('n/a')).toBe('n/a');
    expect(groupDigits(null)).toBe('');
  });

  it('prints times with their zone', () => {
    const at = new Date('2026-07-01T10:00:00Z');
    expect(formatDateTime(at)).toBe('2026-07-01 10:00 UTC');
    expect(formatDateTime(at, 'Europe/Amsterdam')).toBe('2026-07-01 12:00 CEST');
    expect(formatDateTime(null)).toBe('—');
  });

  it('wraps and cuts text to a width', async () => {
    const fonts = await embedPdfFonts(await PDFDocument.create());
    const lines = wrapText('Portable automatic data-processing machines, weighing not more than 10 kg', fonts.regular, 8, 100);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(measure(fonts.regular, line, 8)).toBeLessThanOrEqual(100);
    expect(lines.join(' ')).toBe('Portable automatic data-processing machines, weighing not more than 10 kg');
    const capped = wrapText('word '.repeat(100), fonts.regular, 8, 60, 2);
    expect(capped).toHaveLength(2);
    expect(capped[1]!.endsWith('…')).toBe(true);
    expect(wrapText('x'.repeat(80), fonts.regular, 8, 50).every((l) => measure(fonts.regular, l, 8) <= 50)).toBe(true);
    expect(fitText('A fairly long party name', fonts.bold, 9, 60)).toMatch(/…$/);
    expect(clean(' a\n\tb\u0007 c ')).toBe('a b c');
  });

  it('builds the verification link from the base URL and the hash', () => {
    const hash = 'ab'.repeat(32);
    expect(verificationUrl({ baseUrl: 'http://localhost:3000', hash })).toBe(`http://localhost:3000/verify?hash=${hash}`);
    expect(() => verificationUrl({ baseUrl: 'not a url', hash })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
