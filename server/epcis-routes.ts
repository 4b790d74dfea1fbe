// The EPCIS 2.0 capture interface (GS1 REST binding, JSON-LD), for e-seal gateways:
//   POST    /api/epcis/capture        an EPCISDocument → 202 + Location of the capture job (all or nothing)
//   GET     /api/epcis/capture/{id}   the capture job's outcome, for its sender's company (and customs)
//   OPTIONS /api/epcis/capture        the limits (GS1-EPCIS-Capture-Limit, GS1-EPCIS-Capture-File-Size-Limit)
//   POST    /api/epcis/events         one EPCIS event, bare as in the GS1 binding → 201 stored, 200 duplicate,
//                                     409 its id already used by the same reporter for other content
// Credentials: an API token with events:write or a signed-in officer (admitRequest, as /api/graphql), or a
// signed e-seal gateway (x-clearway-device, x-clearway-timestamp, x-clearway-signature = HMAC-SHA256 of
// timestamp + "." + raw body; lib/tracking/verify-device-signature.ts). The work is lib/tracking's.
import type { IncomingMessage, ServerResponse } from 'node:http';

import { admitRequest, clientIp, sendJson } from '../graphql/http-handler';
import type { Actor } from '../lib/auth/actor';
import { getRateLimiter } from '../lib/auth/rate-limiter';
import { getEnv } from '../lib/env';
import { AppError, isAppError, type FieldError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { assertSealEventWriter } from '../lib/auth/policy';
import { captureEpcisDocument } from '../lib/tracking/capture-epcis-document';
import type { CaptureView } from '../lib/tracking/capture-view';
import { getCapture } from '../lib/tracking/get-capture';
import { startCapture } from '../lib/tracking/start-capture';
import { verifyDeviceSignature } from '../lib/tracking/verify-device-signature';
import { sendAppError } from './send-app-error';

export const EPCIS_PATH = '/api/epcis';
/** A single event is small; its body limit is this, or EPCIS_BODY_LIMIT_BYTES if lower. */
const EVENT_BODY_LIMIT_BYTES = 1024 * 1024;
const JSON_TYPES = /^application\/(ld\+)?json\s*(;|$)/i;
const DEFAULT_CONTEXT = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { cw: 'https://clearway.example/ns/epcis/' }];
const EVENT_TYPES = new Set(['ObjectEvent', 'AggregationEvent', 'TransformationEvent', 'TransactionEvent', 'AssociationEvent']);

type Caller = { actor: Actor; deviceId: string | null; body: Buffer | null };

export function createEpcisRoutes({ logger }: { logger: Logger }) {
  return async function handleEpcis(req: IncomingMessage, res: ServerResponse, requestId: string, pathname: string): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    res.setHeader('GS1-EPCIS-Version', '2.0.0');
    res.setHeader('GS1-CBV-Version', '2.0.0');
    const captureId = /^\/api\/epcis\/capture\/([^/]+)$/.exec(pathname)?.[1];
    const route = pathname === `${EPCIS_PATH}/capture` ? 'capture' : pathname === `${EPCIS_PATH}/events` ? 'events' : captureId ? 'job' : null;
    if (!route) return sendAppError(res, requestId, new AppError('NOT_FOUND', 'No such endpoint: POST /api/epcis/capture, GET /api/epcis/capture/{id}, POST /api/epcis/events.'));
    const allowed = route === 'job' ? ['GET'] : route === 'capture' ? ['POST', 'OPTIONS'] : ['POST'];
    if (!allowed.includes(method)) {
      res.setHeader('allow', allowed.join(', '));
      return sendAppError(res, requestId, new AppError('METHOD_NOT_ALLOWED', `Use ${allowed.join(' or ')}.`));
    }
    if (method === 'OPTIONS') return advertiseLimits(res);
    try {
      const limit = route === 'events' ? Math.min(EVENT_BODY_LIMIT_BYTES, getEnv().EPCIS_BODY_LIMIT_BYTES) : getEnv().EPCIS_BODY_LIMIT_BYTES;
      const caller = await identify(req, res, requestId, limit);
      if (!caller) return;
      if (route === 'job') return sendJson(res, 200, requestId, captureBody(await getCapture({ actor: caller.actor, id: decodeURIComponent(captureId!) })));
      const body = caller.body ?? (await readBody(req, res, limit));
      if (route === 'capture') return await capture(res, requestId, caller, body, logger);
      return await captureEvent(res, requestId, caller, body);
    } catch (error) {
      if (!isAppError(error)) throw error;
      return sendAppError(res, requestId, error);
    }
  };
}

/** The caller, or null when an answer was already sent (401, 429 from admitRequest). */
async function identify(req: IncomingMessage, res: ServerResponse, requestId: string, limit: number): Promise<Caller | null> {
  const deviceId = header(req, 'x-clearway-device');
  const writes = req.method?.toUpperCase() === 'POST';
  if (deviceId === undefined) {
    const admitted = await admitRequest(req, res, requestId);
    if (!admitted) return null;
    if (!admitted.actor) throw new AppError('UNAUTHENTICATED', 'Send an API token with the scope "events:write" as "Authorization: Bearer cw_live_…", or sign the request as a registered e-seal gateway (x-clearway-device, x-clearway-timestamp, x-clearway-signature).');
    const { actor } = admitted;
    // Refused before reading a byte of a body that may be 50 MB.
    if (writes) {
      assertSealEventWriter(actor);
      if (!actor.token && req.headers['sec-fetch-site'] === 'cross-site') throw new AppError('FORBIDDEN', 'Captures from another site are refused.');
      assertJson(req);
    }
    return { actor, deviceId: null, body: null };
  }
  // A signature covers the exact bytes, so the body is read before anything is known of the sender.
  const timestamp = header(req, 'x-clearway-timestamp');
  const signature = header(req, 'x-clearway-signature');
  if (!timestamp || !signature) throw new AppError('UNAUTHENTICATED', 'A signed request carries x-clearway-device, x-clearway-timestamp (Unix seconds) and x-clearway-signature (hex HMAC-SHA256 of timestamp + "." + body).');
  if (writes) assertJson(req);
  const body = await readBody(req, res, limit);
  const { actor, device } = await verifyDeviceSignature({ deviceId, timestamp, signature, body, request: { id: requestId, ip: clientIp(req) } });
  const env = getEnv();
  const decision = await getRateLimiter().hit(`device:${device.id}`, env.API_RATE_LIMIT_PER_MINUTE, 60_000);
  if (!decision.allowed) {
    throw new AppError('RATE_LIMITED', `Too many requests: the limit is ${env.API_RATE_LIMIT_PER_MINUTE} per minute. Retry after ${decision.retryAfterSeconds} s.`, { retryAfterSeconds: decision.retryAfterSeconds });
  }
  return { actor, deviceId: device.id, body };
}

/** POST /capture: the document is processed now (synchronously), so the answer knows its outcome. */
async function capture(res: ServerResponse, requestId: string, caller: Caller, body: Buffer, logger: Logger): Promise<void> {
  const job = await startCapture({ actor: caller.actor, document: body.toString('utf8'), requestId, deviceId: caller.deviceId });
  const location = `${EPCIS_PATH}/capture/${job.id}`;
  res.setHeader('location', location);
  if (job.status === 'SUCCEEDED') return sendJson(res, 202, requestId, captureBody(job));
  if (!job.errors.length) {
    // Not the document's fault: startCapture logged the cause under this request id.
    logger.error({ requestId, captureId: job.id }, 'EPCIS capture failed unexpectedly');
    return sendAppError(res, requestId, new AppError('INTERNAL_SERVER_ERROR', job.message ?? 'Unexpected error.', { captureId: job.id }));
  }
  sendAppError(res, requestId, new AppError('BAD_USER_INPUT', job.message ?? 'The document was refused.', { fieldErrors: job.errors, errorCount: job.errorCount, captureId: job.id }));
}

/**
 * POST /events: one event, as the GS1 binding's POST /events takes it (its own @context optional). It is
 * captured as a one-event document whose eventList holds the exact bytes received (the evidence).
 */
async function captureEvent(res: ServerResponse, requestId: string, caller: Caller, body: Buffer): Promise<void> {
  const text = body.toString('utf8');
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch (error) {
    throw new AppError('BAD_USER_INPUT', `The event is not JSON: ${(error as Error).message}. Nothing was stored.`, {
      fieldErrors: [{ path: [], code: 'INVALID', message: `Not JSON: ${(error as Error).message}` }],
    });
  }
  const type = isObject(event) ? event.type : undefined;
  if (type === 'EPCISDocument' || type === 'EPCISQueryDocument') {
    throw new AppError('BAD_USER_INPUT', 'POST /api/epcis/events takes one EPCIS event; send documents to POST /api/epcis/capture.', {
      fieldErrors: [{ path: ['type'], code: 'INVALID', message: 'Send one event (e.g. "type": "ObjectEvent"), not a document.' }],
    });
  }
  if (!isObject(event) || typeof type !== 'string' || !EVENT_TYPES.has(type)) {
    throw new AppError('BAD_USER_INPUT', 'Send one EPCIS event: a JSON object whose type is ObjectEvent (other event types are refused).', {
      fieldErrors: [{ path: ['type'], code: 'INVALID', message: `type is one of ${[...EVENT_TYPES].join(', ')}.` }],
    });
  }
  const context = JSON.stringify(event['@context'] ?? DEFAULT_CONTEXT);
  const document = `{"@context":${context},"type":"EPCISDocument","schemaVersion":"2.0","creationDate":"${new Date().toISOString()}","epcisBody":{"eventList":[${text}]}}`;
  let outcome;
  try {
    outcome = await captureEpcisDocument({ actor: caller.actor, document, requestId, deviceId: caller.deviceId });
  } catch (error) {
    // Paths inside the event, not inside the document made around it.
    if (isAppError(error) && error.details.fieldErrors) throw new AppError(error.code, error.message.replace('The document was refused', 'The event was refused'), { ...error.details, fieldErrors: error.details.fieldErrors.map(inEvent) });
    throw error;
  }
  const stored = outcome.storedCount === 1;
  res.setHeader('location', `${EPCIS_PATH}/capture/${outcome.captureId}`);
  sendJson(res, stored ? 201 : 200, requestId, {
    captureId: outcome.captureId,
    eventID: typeof event.eventID === 'string' ? event.eventID : null,
    stored,
    duplicate: !stored,
    alertCount: outcome.alertCount,
    // Id and status only for callers who may read the shipment: a gateway reports, it does not read.
    shipment: outcome.shipments[0] ? { id: outcome.shipments[0].shipmentId, containerNumber: outcome.shipments[0].containerNumber, status: outcome.shipments[0].status } : null,
  });
}

function inEvent(error: FieldError): FieldError {
  const [a, b, c, ...rest] = error.path;
  return a === 'epcisBody' && b === 'eventList' && c === '0' ? { ...error, path: rest } : error;
}

/** The capture job as its sender reads it: Clearway's counts, plus the GS1 capture-job fields. */
function captureBody(job: CaptureView) {
  return {
    captureId: job.id,
    status: job.status,
    running: job.status === 'PROCESSING',
    success: job.status === 'SUCCEEDED',
    captureErrorBehaviour: 'rollback',
    eventCount: job.eventCount,
    storedCount: job.storedCount,
    duplicateCount: job.duplicateCount,
    alertCount: job.alertCount,
    errors: job.errors,
    errorCount: job.errorCount,
    message: job.message,
    receivedAt: job.receivedAt,
    finishedAt: job.finishedAt,
    href: `${EPCIS_PATH}/capture/${job.id}`,
  };
}

function advertiseLimits(res: ServerResponse): void {
  const env = getEnv();
  res.statusCode = 204;
  res.setHeader('allow', 'POST, OPTIONS');
  res.setHeader('GS1-EPCIS-Capture-Limit', String(env.EPCIS_MAX_EVENTS));
  res.setHeader('GS1-EPCIS-Capture-File-Size-Limit', String(env.EPCIS_BODY_LIMIT_BYTES));
  res.setHeader('GS1-EPCIS-Capture-Error-Behaviour', 'rollback');
  res.end();
}

function assertJson(req: IncomingMessage): void {
  if (!JSON_TYPES.test(req.headers['content-type'] ?? '')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send JSON-LD: content-type application/ld+json or application/json (the EPCIS 2.0 JSON binding).');
  }
}

async function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Buffer> {
  const tooLarge = () => {
    // Do not read the rest of an oversized body on this connection.
    res.setHeader('connection', 'close');
    return new AppError('PAYLOAD_TOO_LARGE', `The request body exceeds ${limit.toLocaleString('en')} bytes (EPCIS_BODY_LIMIT_BYTES). Nothing was stored: split the document into smaller ones.`, {
      limitBytes: limit,
    });
  };
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
