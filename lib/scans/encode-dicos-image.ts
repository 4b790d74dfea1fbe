// Writes a greyscale image as a DICOS file (NEMA IIC 1, DICOM Part 10 framing, explicit VR little
// endian): the 128-byte preamble, "DICM", the file meta group, then the attributes a DICOS DX image
// needs to be read back (rows, columns, bits, pixel data) and the station's metadata under the DICOM
// keywords that DICOS uses. For the synthetic scans; production stations bring their own files.
import type { GreyImage } from './encode-grey-image';

/** DICOS Digital X-Ray Image Storage – For Processing (NEMA IIC 1 v04-2023, Annex). */
export const DICOS_DX_SOP_CLASS = '1.2.840.10008.5.1.4.1.1.501.2.2';
const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

type Element = [group: number, element: number, vr: string, value: Buffer];

function text(value: string, vr: string): Buffer {
  // Even length: UIs pad with NUL, other strings with a space.
  const padded = value.length % 2 ? value + (vr === 'UI' ? '\0' : ' ') : value;
  return Buffer.from(padded, 'latin1');
}
const us = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n, 0);
  return b;
};

function encodeElements(elements: Element[]): Buffer {
  const parts: Buffer[] = [];
  for (const [group, element, vr, value] of elements) {
    const long = ['OB', 'OW', 'OF', 'SQ', 'UT', 'UN'].includes(vr);
    const head = Buffer.alloc(long ? 12 : 8);
    head.writeUInt16LE(group, 0);
    head.writeUInt16LE(element, 2);
    head.write(vr, 4, 'latin1');
    if (long) head.writeUInt32LE(value.length, 8);
    else head.writeUInt16LE(value.length, 6);
    parts.push(head, value);
  }
  return Buffer.concat(parts);
}

export interface DicosAttributes {
  stationName?: string;
  operatorsName?: string;
  manufacturer?: string;
  manufacturerModelName?: string;
  /** Peak kilovoltage (DICOM KVP, in kV). */
  kvp?: number;
  /** DICOM AcquisitionDateTime (YYYYMMDDHHMMSS). */
  acquisitionDateTime?: string;
}

export function encodeDicosImage(image: GreyImage, attributes: DicosAttributes = {}): Buffer {
  const sopInstance = `2.25.${BigInt('0x' + Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('hex')).toString()}`;
  const dataset: Element[] = [
    [0x0008, 0x0016, 'UI', text(DICOS_DX_SOP_CLASS, 'UI')],
    [0x0008, 0x0018, 'UI', text(sopInstance, 'UI')],
    ...(attributes.acquisitionDateTime ? [[0x0008, 0x002a, 'DT', text(attributes.acquisitionDateTime, 'DT')] as Element] : []),
    [0x0008, 0x0060, 'CS', text('DX', 'CS')],
    ...(attributes.manufacturer ? [[0x0008, 0x0070, 'LO', text(attributes.manufacturer, 'LO')] as Element] : []),
    ...(attributes.stationName ? [[0x0008, 0x1010, 'SH', text(attributes.stationName, 'SH')] as Element] : []),
    ...(attributes.operatorsName ? [[0x0008, 0x1070, 'PN', text(attributes.operatorsName, 'PN')] as Element] : []),
    ...(attributes.manufacturerModelName ? [[0x0008, 0x1090, 'LO', text(attributes.manufacturerModelName, 'LO')] as Element] : []),
    ...(attributes.kvp ? [[0x0018, 0x0060, 'DS', text(String(attributes.kvp), 'DS')] as Element] : []),
    [0x0028, 0x0002, 'US', us(1)],
    [0x0028, 0x0004, 'CS', text('MONOCHROME2', 'CS')],
    [0x0028, 0x0010, 'US', us(image.height)],
    [0x0028, 0x0011, 'US', us(image.width)],
    [0x0028, 0x0100, 'US', us(image.bits)],
    [0x0028, 0x0101, 'US', us(image.bits)],
    [0x0028, 0x0102, 'US', us(image.bits - 1)],
    [0x0028, 0x0103, 'US', us(0)],
    [0x7fe0, 0x0010, image.bits === 16 ? 'OW' : 'OB', pixelBytes(image)],
  ];
  const metaBody = encodeElements([
    [0x0002, 0x0001, 'OB', Buffer.from([0, 1])],
    [0x0002, 0x0002, 'UI', text(DICOS_DX_SOP_CLASS, 'UI')],
    [0x0002, 0x0003, 'UI', text(sopInstance, 'UI')],
    [0x0002, 0x0010, 'UI', text(EXPLICIT_VR_LITTLE_ENDIAN, 'UI')],
  ]);
  const groupLength = Buffer.alloc(4);
  groupLength.writeUInt32LE(metaBody.length, 0);
  return Buffer.concat([Buffer.alloc(128), Buffer.from('DICM', 'latin1'), encodeElements([[0x0002, 0x0000, 'UL', groupLength]]), metaBody, encodeElements(dataset)]);
}

function pixelBytes(image: GreyImage): Buffer {
  if (image.bits === 8) {
    const b = Buffer.from(image.pixels as Uint8Array);
    return b.length % 2 ? Buffer.concat([b, Buffer.alloc(1)]) : b;
  }
  const b = Buffer.alloc(image.pixels.length * 2);
  for (let i = 0; i < image.pixels.length; i++) b.writeUInt16LE(image.pixels[i]!, i * 2);
  return b;
}
