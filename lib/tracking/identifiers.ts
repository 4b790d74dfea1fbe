// The identifier forms Clearway reads in seal events (lib/tracking/README.md lists them with examples):
// containers (ISO 6346), mechanical seals (ISO 17712), electronic seals (ISO 18185) and places
// (UN/LOCODE). EPCIS requires URIs; GS1 defines one for containers (the BIC EPC scheme of the Tag Data
// Standard), the others follow the ISO URN namespace (RFC 5141) with the item appended, a Clearway
// convention that any gateway can produce.
import { containerNumberProblem, isCountryCode, UN_LOCODE } from '../declarations/codes';

export type ObjectIdentifier =
  | { kind: 'container'; containerNumber: string }
  | { kind: 'seal'; sealNumber: string }
  | { kind: 'eseal'; manufacturer: string; serial: string; id: string }
  | { kind: 'other' };

const CONTAINER = /^(?:urn:epc:id:bic:|urn:iso:std:iso:6346:)(.+)$/i;
const SEAL = /^urn:iso:std:iso:17712:(.+)$/i;
const ESEAL = /^urn:iso:std:iso:18185:([^:]+):(.+)$/i;
/** ISO 18185-style manufacturer code and tag serial: letters, digits and a few separators. */
const ESEAL_PART = /^[A-Za-z0-9._-]{1,40}$/;

function decode(part: string): string {
  try {
    return decodeURIComponent(part).trim();
  } catch {
    return part.trim();
  }
}

/** What an EPC (epcList entry or quantityList epcClass) identifies; `other` for goods and the rest. */
export function parseObjectIdentifier(uri: string): ObjectIdentifier {
  let m = CONTAINER.exec(uri);
  if (m) return { kind: 'container', containerNumber: decode(m[1]!).toUpperCase() };
  m = SEAL.exec(uri);
  if (m) return { kind: 'seal', sealNumber: normalizeSealNumber(decode(m[1]!)) };
  m = ESEAL.exec(uri);
  if (m && ESEAL_PART.test(m[1]!) && ESEAL_PART.test(m[2]!)) {
    const manufacturer = m[1]!.toUpperCase();
    const serial = m[2]!.toUpperCase();
    return { kind: 'eseal', manufacturer, serial, id: eSealId(manufacturer, serial) };
  }
  return { kind: 'other' };
}

/** The stored identity of an electronic seal. */
export function eSealId(manufacturer: string, serial: string): string {
  return `${manufacturer.toUpperCase()}:${serial.toUpperCase()}`;
}

/** Seal numbers are compared as printed on the seal, ignoring case and surrounding blanks. */
export function normalizeSealNumber(value: string): string {
  return value.trim().toUpperCase();
}

// Places (readPoint.id, bizLocation.id): a UN/LOCODE URN, an SGLN, or a GS1 Digital Link GLN; the
// SGLN's or Digital Link's extension may carry the UN/LOCODE (urn:epc:id:sgln:4012345.00001.NLRTM).
const LOCODE_URN = /^urn:unece:locode:(.*)$/i;
const SGLN = /^urn:epc:id:sgln:(\d*)\.(\d*)\.(.*)$/i;
const DIGITAL_LINK_GLN = /^https?:\/\/[^/?#]+\/414\/(\d*)(?:\/254\/([^/?#]*))?\/?$/i;
/** GS1 AI encodable characters as an EPC URI escapes them, 1 to 20 (TDS: the SGLN extension). */
const EXTENSION = /^(?:[A-Za-z0-9!'()*+,\-.:;=_]|%[0-9A-Fa-f]{2}){1,20}$/;
const LOCODE_SHAPED = /^[A-Za-z]{2}[A-Za-z2-9]{3}$/;
const PLACE_FORMS = 'urn:unece:locode:NLRTM, an SGLN (urn:epc:id:sgln:4012345.00001.NLRTM, the extension a UN/LOCODE or any other) or a GS1 Digital Link GLN (https://id.gs1.org/414/4012345000009)';

/** What a place URI says: its UN/LOCODE (null when it names none), or why Clearway cannot read it. */
export function parseLocation(uri: string): { locode: string | null; problem: string | null } {
  const plain = LOCODE_URN.exec(uri);
  if (plain) return locodeOf(decode(plain[1]!).toUpperCase(), uri);
  const sgln = SGLN.exec(uri);
  if (sgln) {
    const [, prefix, reference, extension] = sgln as unknown as [string, string, string, string];
    if (prefix.length < 6 || prefix.length > 12 || prefix.length + reference.length !== 12) {
      return { locode: null, problem: `${uri} is not an SGLN: its company prefix (6 to 12 digits) and location reference together have 12 digits.` };
    }
    return extensionOf(extension, uri);
  }
  const link = DIGITAL_LINK_GLN.exec(uri);
  if (link) {
    const gln = link[1]!;
    if (gln.length !== 13 || gs1CheckDigit(gln.slice(0, 12)) !== Number(gln[12])) {
      return { locode: null, problem: `${uri} does not name a valid GLN: 13 digits, the last the GS1 check digit${gln.length === 13 ? ` (${gs1CheckDigit(gln.slice(0, 12))})` : ''}.` };
    }
    return link[2] === undefined ? { locode: null, problem: null } : extensionOf(link[2], uri);
  }
  return { locode: null, problem: `${uri.slice(0, 100)} is not a place Clearway reads: use ${PLACE_FORMS}.` };
}

function extensionOf(extension: string, uri: string): { locode: string | null; problem: string | null } {
  if (!EXTENSION.test(extension)) return { locode: null, problem: `${uri.slice(0, 100)}: the extension is 1 to 20 GS1 characters (letters, digits, some punctuation, %-escapes).` };
  // A UN/LOCODE-shaped extension is read as one (and must then be one); other extensions name no place.
  return LOCODE_SHAPED.test(extension) ? locodeOf(extension.toUpperCase(), uri) : { locode: null, problem: null };
}

function locodeOf(code: string, uri: string): { locode: string | null; problem: string | null } {
  if (!UN_LOCODE.test(code)) return { locode: null, problem: `${uri.slice(0, 100)}: ${code.slice(0, 20)} is not a UN/LOCODE (a country code and three letters or digits 2 to 9, e.g. NLRTM).` };
  if (!isCountryCode(code.slice(0, 2))) return { locode: null, problem: `${uri.slice(0, 100)}: ${code} is not a UN/LOCODE: ${code.slice(0, 2)} is not an ISO 3166-1 country code.` };
  return { locode: code, problem: null };
}

/** GS1 mod-10 check digit of the digits before it (GLN, GTIN). */
function gs1CheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

/** Why a container number is not a valid ISO 6346 number (naming the expected check digit), or null. */
export function containerProblem(containerNumber: string): string | null {
  const problem = containerNumberProblem(containerNumber);
  return problem && `Container ${containerNumber}: ${problem[0]!.toLowerCase()}${problem.slice(1)}`;
}
