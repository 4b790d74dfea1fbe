// The QR code links to the public verification page with the SHA-256 of what the PDF *represents*
// (the frozen declaration version, or the release decision), not of the PDF file: a file cannot contain
// its own hash. The PDF's own SHA-256 (returned by the renderers) is recorded and anchored by the
// caller, so both "is this decision authentic?" and "is this exact file the one issued?" can be checked.
import type { PDFDocument, PDFImage } from 'pdf-lib';
import QRCode from 'qrcode';

import { AppError } from '../errors';

export interface VerificationTarget {
  /** The portal's public address, e.g. https://clearway.example (PUBLIC_URL). */
  baseUrl: string;
  /** Lowercase SHA-256 hex of the declaration version or release decision. */
  hash: string;
}

export function verificationUrl({ baseUrl, hash }: VerificationTarget): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) {
    throw new AppError('BAD_USER_INPUT', 'The verification hash must be a lowercase SHA-256 hex digest.', {
      fieldErrors: [{ path: ['verify', 'hash'], code: 'INVALID', message: 'Expected 64 lowercase hex digits.' }],
    });
  }
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new AppError('BAD_USER_INPUT', 'The verification base URL is not a URL.', {
      fieldErrors: [{ path: ['verify', 'baseUrl'], code: 'INVALID', message: 'Expected an absolute http(s) URL.' }],
    });
  }
  return `${base.origin}${base.pathname.replace(/\/+$/, '')}/verify?hash=${hash}`;
}

/** A QR code image of the verification URL, embedded in `doc` (draw it with page.drawImage). */
export async function embedVerificationQr(doc: PDFDocument, target: VerificationTarget): Promise<{ image: PDFImage; url: string }> {
  const url = verificationUrl(target);
  // Level M survives a scuffed printout; 8 px per module keeps the code sharp at print size, since
  // viewers smooth up-scaled images; the 4-module quiet zone is part of the image.
  const png = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 8 });
  return { image: await doc.embedPng(png), url };
}
