// Reads one image of a scan into greyscale samples: PNG or TIFF (8 or 16 bits, one channel, decoded by
// sharp/libvips) or DICOS (NEMA IIC 1, parsed with dicom-parser; uncompressed pixel data). The whole
// image is decoded, so a truncated or corrupt file is refused here, at ingest, naming the part, and not
// later by the tiling job. Anything else — colour, 1/32-bit or float samples, compressed DICOS — is
// refused with what was found.
import dicomParser from 'dicom-parser';
import sharp, { type Metadata } from 'sharp';

import { AppError } from '../errors';
import type { DicosAttributes } from './encode-dicos-image';

export type ScanImageFormat = 'PNG' | 'TIFF' | 'DICOS';

export interface DecodedScanImage {
  format: ScanImageFormat;
  width: number;
  height: number;
  bits: 8 | 16;
  pixels: Uint8Array | Uint16Array;
  /** Read from a DICOS file's own attributes. */
  dicos?: DicosAttributes & { sopClassUid: string | null };
}

/** Uncompressed transfer syntaxes: implicit and explicit VR little endian. */
const UNCOMPRESSED = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1']);
/** Beyond this the decode alone would take minutes; no scanner image is that large. */
const MAX_PIXELS = 200_000_000;

const unsupported = (part: string, why: string) => new AppError('UNSUPPORTED_MEDIA_TYPE', `Image part "${part}": ${why}`, { field: part });
const corrupt = (part: string, why: string) => new AppError('BAD_USER_INPUT', `Image part "${part}" cannot be read: ${why}`, { field: part });

export function sniffScanImageFormat(head: Uint8Array): ScanImageFormat | null {
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'PNG';
  if (b.length >= 4 && (b.subarray(0, 4).equals(Buffer.from('II*\0', 'latin1')) || b.subarray(0, 4).equals(Buffer.from('MM\0*', 'latin1')))) return 'TIFF';
  if (b.length >= 132 && b.subarray(128, 132).toString('latin1') === 'DICM') return 'DICOS';
  return null;
}

export async function decodeScanImage(bytes: Buffer, part: string): Promise<DecodedScanImage> {
  const format = sniffScanImageFormat(bytes.subarray(0, 132));
  if (!format) throw unsupported(part, 'not PNG, TIFF or DICOS (recognised from the bytes: PNG signature, TIFF "II*"/"MM*" header, or DICOM Part 10 "DICM" at byte 128).');
  return format === 'DICOS' ? decodeDicos(bytes, part) : decodeRaster(bytes, format, part);
}

async function decodeRaster(bytes: Buffer, format: 'PNG' | 'TIFF', part: string): Promise<DecodedScanImage> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch (error) {
    throw corrupt(part, `not a valid ${format} (${(error as Error).message}).`);
  }
  const { width, height, depth, channels } = meta;
  if (!width || !height) throw corrupt(part, 'no image dimensions.');
  if (channels !== 1) throw unsupported(part, `${channels} channels; a scan image is greyscale (one channel).`);
  const bits = depth === 'uchar' ? 8 : depth === 'ushort' ? 16 : null;
  if (!bits) throw unsupported(part, `wrong pixel depth (${depth ?? 'unknown'}); accepted are 8- and 16-bit greyscale samples.`);
  try {
    // failOn 'truncated' and 'error' as the default 'warning' does: a short file is an error, not a grey band.
    const pipeline = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'warning' });
    const data = bits === 16 ? await pipeline.toColourspace('grey16').raw({ depth: 'ushort' }).toBuffer() : await pipeline.toColourspace('b-w').raw().toBuffer();
    const pixels = bits === 16 ? new Uint16Array(data.buffer, data.byteOffset, data.byteLength / 2) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (pixels.length !== width * height) throw new Error(`decoded ${pixels.length} samples for ${width} × ${height}`);
    return { format, width, height, bits, pixels };
  } catch (error) {
    throw corrupt(part, `the ${format} data is truncated or corrupt (${(error as Error).message}).`);
  }
}

function decodeDicos(bytes: Buffer, part: string): DecodedScanImage {
  let data: dicomParser.DataSet;
  try {
    data = dicomParser.parseDicom(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    const message = typeof error === 'string' ? error : error instanceof Error ? error.message : String((error as { exception?: string }).exception ?? error);
    throw corrupt(part, `not a valid DICOS file (${message}).`);
  }
  const syntax = data.string('x00020010')?.trim() ?? '';
  if (!UNCOMPRESSED.has(syntax)) throw unsupported(part, `DICOS transfer syntax ${syntax || '(none)'} is compressed or unknown; send uncompressed pixel data (1.2.840.10008.1.2 or 1.2.840.10008.1.2.1).`);
  const samples = data.uint16('x00280002') ?? 1;
  const height = data.uint16('x00280010') ?? 0;
  const width = data.uint16('x00280011') ?? 0;
  const allocated = data.uint16('x00280100') ?? 0;
  const signed = data.uint16('x00280103') ?? 0;
  if (!width || !height) throw corrupt(part, 'the DICOS file names no Rows (0028,0010) or Columns (0028,0011).');
  if (samples !== 1) throw unsupported(part, `${samples} samples per pixel; a scan image is greyscale.`);
  if (allocated !== 8 && allocated !== 16) throw unsupported(part, `wrong pixel depth (BitsAllocated ${allocated}); accepted are 8 and 16.`);
  if (signed) throw unsupported(part, 'signed pixel data (PixelRepresentation 1); send unsigned samples.');
  const pixel = data.elements.x7fe00010;
  const needed = width * height * (allocated / 8);
  if (!pixel) throw corrupt(part, 'the DICOS file has no Pixel Data (7FE0,0010).');
  if (pixel.dataOffset + needed > bytes.length || pixel.length < needed) {
    throw corrupt(part, `the pixel data is truncated: ${Math.min(pixel.length, bytes.length - pixel.dataOffset)} bytes for ${width} × ${height} × ${allocated / 8}.`);
  }
  const raw = Buffer.from(bytes.subarray(pixel.dataOffset, pixel.dataOffset + needed));
  const pixels = allocated === 16 ? new Uint16Array(raw.buffer, raw.byteOffset, width * height) : new Uint8Array(raw.buffer, raw.byteOffset, width * height);
  const kvp = Number(data.string('x00180060'));
  return {
    format: 'DICOS',
    width,
    height,
    bits: allocated,
    pixels,
    dicos: {
      sopClassUid: data.string('x00080016')?.replace(/\0/g, '').trim() || null,
      stationName: data.string('x00081010')?.trim() || undefined,
      operatorsName: data.string('x00081070')?.trim() || undefined,
      manufacturer: data.string('x00080070')?.trim() || undefined,
      manufacturerModelName: data.string('x00081090')?.trim() || undefined,
      kvp: Number.isFinite(kvp) && kvp > 0 ? kvp : undefined,
      acquisitionDateTime: data.string('x0008002a')?.trim() || undefined,
    },
  };
}
