// What every interchange reader (WCO DM XML, UN/EDIFACT CUSDEC, spreadsheets) makes of one message: the
// declaration in Clearway's input shape, whether the sender asked for submission, its reference, and how
// to point at a field in the source. The filing (file-interchange-message.ts) knows no source format.
import type { FieldErrorCode } from '../errors';
import type { DeclarationInput } from '../declarations/declaration-input';

export type InterchangeFormat = 'WCO_XML' | 'CUSDEC' | 'SPREADSHEET';

/** A problem located in the source: an XML path, an EDIFACT position, a spreadsheet cell. */
export interface LocatedError {
  /** Where in the source, e.g. `/Declaration/GoodsShipment/GovernmentAgencyGoodsItem[2]/Commodity/Description` or `segment 14 (MEA), element 3, component 2`. */
  location: string;
  /** The Clearway field it maps to, e.g. `items.1.netMass`; null for problems of the message itself. */
  field: string | null;
  code: FieldErrorCode;
  message: string;
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
  locate(path: readonly string[]): string;
}
