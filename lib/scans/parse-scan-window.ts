// A free window as typed (query parameters wc, ww: the viewer's form and the tile route), checked against
// the image's depth: the centre a sample value 0…max, the width 1…2·(max + 1), max = 2^bits − 1.
import { AppError } from '../errors';
import { sampleMax, type ScanWindow } from './apply-scan-window';

export function parseScanWindow(centre: string | null | undefined, width: string | null | undefined, bits: 8 | 16): ScanWindow {
  const max = sampleMax(bits);
  const whole = (field: 'wc' | 'ww', value: string | null | undefined, low: number, high: number) => {
    if (!value || !/^\d{1,6}$/.test(value) || Number(value) < low || Number(value) > high) {
      const message = `The window ${field === 'wc' ? 'centre' : 'width'} (${field}) is a whole number from ${low} to ${high} for this ${bits}-bit image.`;
      throw new AppError('BAD_USER_INPUT', message, { field, fieldErrors: [{ path: [field], code: 'INVALID', message }] });
    }
    return Number(value);
  };
  return { centre: whole('wc', centre, 0, max), width: whole('ww', width, 1, 2 * (max + 1)) };
}
