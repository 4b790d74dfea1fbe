// What every interchange reader (WCO DM XML, UN/EDIFACT CUSDEC, spreadsheets) makes of one message: the
// declaration in Clearway's input shape, whether the sender asked for submission, its reference, and how
// to point at a field in the source. The filing (file-interchange-message.ts) knows no source format.
import type { DeclarationInput } from '../declarations/declaration-input';
import type { ErrorParams, FieldError, FieldErrorCode } from '../errors';
import { cataloguedMessage } from '../i18n/catalogued-message';

export type InterchangeFormat = 'WCO_XML' | 'CUSDEC' | 'SPREADSHEET';

/** A problem located in the source: an XML path, an EDIFACT position, a spreadsheet cell. */
export interface LocatedError {
  /** Where in the source, e.g. `/Declaration/GoodsShipment/GovernmentAgencyGoodsItem[2]/Commodity/Description` or `segment 14 (MEA), element 3, component 2`. */
  location: string;
  /** The Clearway field it maps to, e.g. `items.1.netMass`; null for problems of the message itself. */
  field: string | null;
  code: FieldErrorCode;
  message: string;
  /** The catalogued sentence `message` is (`errors.<messageKey>`, docs/languages.md), with its arguments. */
  messageKey?: string;
  params?: ErrorParams;
  /** The catalogued words `location` is (`errors.interchange.at.*`: a spreadsheet's row and cell); none for XML paths and EDIFACT positions, which are identifiers. */
  locationKey?: string;
  locationParams?: ErrorParams;
}

/** Where a problem is, as `LocatedError` carries it: the English words and, when catalogued, their key. */
export type Location = Pick<LocatedError, 'location' | 'locationKey' | 'locationParams'>;

/** A catalogued location (`errors.interchange.at.<key>`: `row`, `cell`, …) with its English words. */
export function locatedAt(key: string, params: ErrorParams = {}): Location {
  const { message, messageKey, params: locationParams } = cataloguedMessage(`interchange.at.${key}`, params);
  return { location: message, locationKey: messageKey, locationParams };
}

/** A catalogued problem's sentence (`errors.interchange.<key>`) as a LocatedError carries it. */
export function problemOf(key: string, params: ErrorParams = {}): Pick<LocatedError, 'message' | 'messageKey' | 'params'> {
  return cataloguedMessage(`interchange.${key}`, params);
}

export interface InterchangeMessage {
  format: InterchangeFormat;
  /** The sender's reference of the message, unique per filer and format (the idempotency key). */
  reference: string;
  /** Submit after saving (WCO FunctionCode 9, EDIFACT BGM 1225 = 9), or keep a draft. */
  submit: boolean;
  /** Null when the message could not be read (its errors say why). */
  input: DeclarationInput | null;
  /** Problems found while reading: a message with any is refused without touching the database. */
  errors: LocatedError[];
  /** The source position of a Clearway field path (as zod and the lifecycle report them). */
  locate(path: readonly string[]): Location;
}

/** A field error (zod's or the lifecycle's) at its source position, with its own catalogue key and params. */
export function locatedFieldError(f: FieldError, message: Pick<InterchangeMessage, 'locate'>): LocatedError {
  return { ...message.locate(f.path), field: f.path.join('.') || null, code: f.code, message: f.message, ...(f.messageKey ? { messageKey: f.messageKey, params: f.params ?? {} } : {}) };
}
