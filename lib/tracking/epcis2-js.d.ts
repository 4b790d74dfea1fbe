// Types for the part of epcis2.js (EVRYTHNG's EPCIS 2.0 SDK) Clearway uses. The package ships its
// declarations under @types/ inside itself without a "types" entry, so TypeScript cannot find them.
declare module 'epcis2.js' {
  export interface ValidatorResult {
    success: boolean;
    /** One message per failure, e.g. 'EPCISDocument/epcisBody/eventList/1/eventTime should match format "date-time"'. */
    errors: string[];
  }
  /** Synchronous JSON-schema validation (ajv, schemas bundled): no network. */
  export function validateEpcisDocument(document: object, throwError?: boolean): ValidatorResult;
  export function validateAgainstSchema(data: object, schemaName: string): ValidatorResult;
  /** The EPCIS 2.0 / CBV 2.0 event hash, "ni:///sha-256;<hex>?ver=CBV2.0". */
  export function eventToHashedId(event: object, context: Record<string, string>, throwError?: boolean): string;
}
