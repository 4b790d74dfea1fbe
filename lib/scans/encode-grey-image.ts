// Encodes a greyscale image of 8 or 16 bits per pixel as PNG or as baseline TIFF (uncompressed, one
// strip): what a scanner's export looks like, for the synthetic scans of tests, the demo and the bench.
// Written here rather than through sharp because sharp's raw input is 8-bit per channel, and the point of
// these files is the 16-bit depth.
import { deflateSync } from 'node:zlib';

export interface GreyImage {
  width: number;
  height: number;
  bits: 8 | 16;
  /** Row-major samples, width × height. */
  pixels: Uint8Array | Uint16Array;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32(bytes: Buffer): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function encodeGreyImage(image: GreyImage, format: 'png' | 'tiff'): Buffer {
  const { width, height, bits, pixels } = image;
  if (pixels.length !== width * height) throw new Error('pixels must hold width × height samples');
  const bytesPerSample = bits / 8;
  if (format === 'png') {
    // Filter type 0 on every row; 16-bit samples big-endian (PNG).
    const stride = width * bytesPerSample + 1;
    const raw = Buffer.alloc(stride * height);
    for (let y = 0; y < height; y++) {
      const row = y * stride;
      for (let x = 0; x < width; x++) {
        const v = pixels[y * width + x]!;
        if (bits === 16) raw.writeUInt16BE(v, row + 1 + x * 2);
        else raw[row + 1 + x] = v;
      }
    }
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(height, 4);
    ihdr[8] = bits;
    ihdr[9] = 0; // greyscale
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 1 })), chunk('IEND', Buffer.alloc(0))]);
  }
  // TIFF, little-endian: header, pixel data, then the IFD.
  const dataBytes = width * height * bytesPerSample;
  const data = Buffer.alloc(dataBytes);
  if (bits === 16) for (let i = 0; i < pixels.length; i++) data.writeUInt16LE(pixels[i]!, i * 2);
  else data.set(pixels as Uint8Array);
  const entries: [tag: number, type: number, value: number][] = [
    [256, 4, width], // ImageWidth
    [257, 4, height], // ImageLength
    [258, 3, bits], // BitsPerSample
    [259, 3, 1], // Compression: none
    [262, 3, 1], // PhotometricInterpretation: BlackIsZero
    [273, 4, 8], // StripOffsets
    [277, 3, 1], // SamplesPerPixel
    [278, 4, height], // RowsPerStrip
    [279, 4, dataBytes], // StripByteCounts
  ];
  const ifdOffset = 8 + dataBytes + (dataBytes % 2);
  const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
  ifd.writeUInt16LE(entries.length, 0);
  entries.forEach(([tag, type, value], i) => {
    const at = 2 + i * 12;
    ifd.writeUInt16LE(tag, at);
    ifd.writeUInt16LE(type, at + 2);
    ifd.writeUInt32LE(1, at + 4);
    if (type === 3) ifd.writeUInt16LE(value, at + 8);
    else ifd.writeUInt32LE(value, at + 8);
  });
  const header = Buffer.alloc(8);
  header.write('II', 0, 'latin1');
  header.writeUInt16LE(42, 2);
  header.writeUInt32LE(ifdOffset, 4);
  return Buffer.concat([header, data, Buffer.alloc(dataBytes % 2), ifd]);
}
