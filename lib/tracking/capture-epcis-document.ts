// EPCIS 2.0 capture (JSON-LD binding): one document, all or nothing. The document is validated with
// epcis2.js (the GS1 JSON schema, offline and synchronous), each ObjectEvent mapped to a seal event
// (lib/tracking/README.md), and everything is stored in one transaction; a document with any problem
// is refused whole, with the path of every problem, and leaves nothing behind.
import { randomUUID } from 'node:crypto';

import type { Actor } from '../auth/actor';
import { sqlTransaction } from '../database/sql';
import { getEnv } from '../env';
import { AppError, type FieldError } from '../errors';
import { assertSealEventWriter } from '../auth/policy';
import { epcis } from './epcis-sdk';
import { mapEpcisEvent } from './map-epcis-event';
import type { SealEventRecord } from './seal-event-record';
import { storeSealEvents, type CaptureOutcome } from './store-seal-events';
import { throwEventErrors } from './throw-event-errors';

const EVENT_SCHEMAS = new Set(['ObjectEvent', 'AggregationEvent', 'TransformationEvent', 'TransactionEvent', 'AssociationEvent']);
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function captureEpcisDocument(options: {
  actor: Actor;
  /** The parsed JSON-LD, or the request body as text. */
  document: unknown;
  requestId?: string;
  /** The capture job's id (startCapture); a new one otherwise. */
  captureId?: string;
  /** The signed e-seal gateway that sent it, if any. */
  deviceId?: string | null;
}): Promise<CaptureOutcome> {
  const { actor } = options;
  assertSealEventWriter(actor);
  const document = parseDocument(options.document);
  const env = getEnv();
  const events = isObject(document) && isObject(document.epcisBody) && Array.isArray(document.epcisBody.eventList) ? (document.epcisBody.eventList as unknown[]) : null;
  if (events && events.length > env.EPCIS_MAX_EVENTS) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The document holds ${events.length.toLocaleString('en')} events; Clearway accepts at most ${env.EPCIS_MAX_EVENTS.toLocaleString('en')} per document (EPCIS_MAX_EVENTS). Nothing was stored: split it into smaller documents.`,
      { eventCount: events.length, maxEvents: env.EPCIS_MAX_EVENTS },
    );
  }

  const schema = epcis.validateEpcisDocument(document as object, false);
  if (!schema.success) throwEventErrors(schemaErrors(document as Json, schema.errors));

  if (!events) {
    throw new AppError('BAD_USER_INPUT', 'Clearway captures EPCISDocuments: the events go in epcisBody.eventList.', {
      fieldErrors: [{ path: ['type'], code: 'INVALID', message: 'Send an EPCISDocument with epcisBody.eventList.' }],
      errorCount: 1,
    });
  }
  if (!events.length) {
    throw new AppError('BAD_USER_INPUT', 'The document holds no events: nothing to capture. Send at least one event in epcisBody.eventList.', {
      fieldErrors: [{ path: ['epcisBody', 'eventList'], code: 'REQUIRED', message: 'epcisBody.eventList is empty: send at least one event.' }],
      errorCount: 1,
    });
  }
  const now = new Date();
  const context = contextPrefixes((document as Json)['@context']);
  const records: SealEventRecord[] = [];
  const errors: FieldError[] = [];
  events.forEach((event, i) => {
    const mapped = mapEpcisEvent(event as Json, i, { now, skewSeconds: env.TRACKING_CLOCK_SKEW_SECONDS, maxAgeDays: env.TRACKING_MAX_EVENT_AGE_DAYS, context });
    if (mapped.record) records.push(mapped.record);
    errors.push(...mapped.errors);
  });
  throwEventErrors(errors);

  const captureId = options.captureId ?? randomUUID();
  // Kept as received: the very text when the transport passes it, else the parsed document.
  const text = typeof options.document === 'string' || Buffer.isBuffer(options.document) ? options.document.toString() : JSON.stringify(document);
  return sqlTransaction((sql) =>
    storeSealEvents(sql, { actor, records, document: text, eventCount: events.length, captureId, requestId: options.requestId ?? null, deviceId: options.deviceId ?? null }),
  );
}

function parseDocument(document: unknown): unknown {
  if (typeof document !== 'string' && !Buffer.isBuffer(document)) return document;
  try {
    return JSON.parse(document.toString());
  } catch (error) {
    throw new AppError('BAD_USER_INPUT', `The document is not JSON: ${(error as Error).message}. Nothing was stored.`, {
      fieldErrors: [{ path: [], code: 'INVALID', message: `Not JSON: ${(error as Error).message}` }],
      errorCount: 1,
    });
  }
}

/**
 * epcis2.js reports the first schema problem of a document only; each event is validated again on its
 * own so that every bad event is named (its first problem), with the path inside the document.
 */
function schemaErrors(document: Json, messages: string[]): FieldError[] {
  const errors: FieldError[] = [];
  const events = isObject(document) && isObject(document.epcisBody) && Array.isArray(document.epcisBody.eventList) ? document.epcisBody.eventList : [];
  events.forEach((event, i) => {
    const at = ['epcisBody', 'eventList', String(i)];
    const type = isObject(event) ? event.type : undefined;
    if (typeof type !== 'string' || !EVENT_SCHEMAS.has(type)) {
      errors.push({ path: [...at, 'type'], code: 'INVALID', message: `type is one of ${[...EVENT_SCHEMAS].join(', ')}.` });
      return;
    }
    const result = epcis.validateAgainstSchema(event as object, type);
    for (const message of result.errors) errors.push(schemaError(message, at));
  });
  // A problem outside the events (header, body), or one only the whole-document check sees.
  for (const message of messages) {
    const error = schemaError(message, []);
    if (!errors.some((e) => e.path.join('/') === error.path.join('/') || (error.path.length >= 3 && e.path.slice(0, 3).join('/') === error.path.slice(0, 3).join('/')))) errors.unshift(error);
  }
  return errors;
}

/** 'EPCISDocument/epcisBody/eventList/1/eventTime should match format "date-time"' → path and message. */
function schemaError(message: string, prefix: string[]): FieldError {
  const m = /^(EPCISDocument|ObjectEvent|AggregationEvent|TransformationEvent|TransactionEvent|AssociationEvent|ExtendedEvent)(\/\S*)? (.*)$/s.exec(message);
  if (!m) return { path: prefix, code: 'INVALID', message };
  const path = [...prefix, ...(m[2] ?? '').split('/').filter(Boolean)];
  const subject = path.at(-1) ?? (prefix.length ? 'The event' : 'The document');
  return { path, code: 'INVALID', message: `${subject} ${m[3]}` };
}

/** Prefix → namespace of the document's @context (the event hash expands extension names with it). */
function contextPrefixes(context: unknown): Record<string, string> {
  const entries = Array.isArray(context) ? context : [context];
  const prefixes: Record<string, string> = {};
  for (const entry of entries) {
    if (!isObject(entry)) continue;
    for (const [k, v] of Object.entries(entry)) if (typeof v === 'string') prefixes[k] = v;
  }
  return prefixes;
}
