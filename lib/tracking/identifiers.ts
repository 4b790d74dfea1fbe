// The identifier forms Clearway reads in seal events (lib/tracking/README.md lists them with examples):
// containers (ISO 6346), mechanical seals (ISO 17712), electronic seals (ISO 18185) and places
// (UN/LOCODE). EPCIS requires URIs; GS1 defines one for containers (the BIC EPC scheme of the Tag Data
// Standard), the others follow the ISO URN namespace (RFC 5141) with the item appended, a Clearway
// convention that any gateway can produce.
import { containerNumberProblem, UN_LOCODE } from '../declarations/codes';

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

// An SGLN whose extension is a UN/LOCODE (urn:epc:id:sgln:4012345.00001.NLRTM), or the plain form.
const SGLN = /^urn:epc:id:sgln:[0-9]+\.[0-9]*\.([A-Za-z0-9]{5})$/i;
const PLAIN_LOCODE = /^urn:unece:locode:([A-Za-z0-9]{5})$/i;

/** The UN/LOCODE a readPoint or bizLocation names, or null when it names none. */
export function locodeOfLocation(uri: string): string | null {
  const m = SGLN.exec(uri) ?? PLAIN_LOCODE.exec(uri);
  const code = m?.[1]?.toUpperCase();
  return code && UN_LOCODE.test(code) ? code : null;
}

/** Why a container number is not a valid ISO 6346 number (naming the expected check digit), or null. */
export function containerProblem(containerNumber: string): string | null {
  const problem = containerNumberProblem(containerNumber);
  return problem && `Container ${containerNumber}: ${problem[0]!.toLowerCase()}${problem.slice(1)}`;
}
