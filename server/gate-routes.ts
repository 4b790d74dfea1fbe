// Gate decisions for simple readers (RFID/OCR at a terminal gate) that do not speak GraphQL:
//   POST /api/gate/decision   {"containerNumber": "CSQU3054383", "gate": "NLRTM-MV1-IN", "requestId"?: "...", "sealNumbers"?: ["..."]}
//     → 200 the decision (OPEN or HOLD with reasons; a retry with the same requestId or Idempotency-Key
//       header answers the same decision, "replayed": true), 400 bad input, 401, 403 (token without
//       gate:decide), 404 unknown container or gate, 409 a request id reused for another container.
// Credentials: an API token of the gate's operator company with the scope gate:decide ("Authorization:
// Bearer cw_live_…", rate-limited like every API call), or a signed-in terminal operator or officer.
// The work is lib/gates/decide-gate.ts, as for Query.gateDecision.
import type { IncomingMessage, ServerResponse } from 'node:http';

import { admitRequest, sendJson } from '../graphql/http-handler';
import { AppError, isAppError } from '../lib/errors';
import { decideGate } from '../lib/gates/decide-gate';
import type { GateEventView } from '../lib/gates/gate-event-view';
import type { Locale } from '../lib/i18n/locales';
import { pickLocale } from '../lib/i18n/pick-locale';
import { translateError } from '../lib/i18n/translate-error';
import { sendAppError } from './send-app-error';

export const GATE_DECISION_PATH = '/api/gate/decision';
/** A decision request is a few hundred bytes. */
const BODY_LIMIT_BYTES = 16 * 1024;

export async function handleGateDecision(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return sendAppError(res, requestId, new AppError('METHOD_NOT_ALLOWED', 'Use POST with a JSON body {"containerNumber", "gate"}.'));
  }
  const admitted = await admitRequest(req, res, requestId);
  if (!admitted) return;
  try {
    if (!admitted.actor) throw new AppError('UNAUTHENTICATED', 'Send an API token with the scope "gate:decide" as "Authorization: Bearer cw_live_…".');
    if (!admitted.actor.token && req.headers['sec-fetch-site'] === 'cross-site') throw new AppError('FORBIDDEN', 'Gate requests from another site are refused.');
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send JSON: content-type application/json.');
    const body = await readJson(req, res);
    const key = req.headers['idempotency-key'];
    // zod checks the fields' types; the body's requestId wins over the header.
    const input = { ...body, requestId: body.requestId ?? (Array.isArray(key) ? key[0] : key) } as Parameters<typeof decideGate>[0]['input'];
    const decision = await decideGate({ actor: admitted.actor, input, requestId });
    sendJson(res, 200, requestId, answer(decision, pickLocale({ acceptLanguage: req.headers['accept-language'] })));
  } catch (error) {
    if (!isAppError(error)) throw error;
    sendAppError(res, requestId, error);
  }
}

/** The reasons' sentences in the reader's Accept-Language (English without one); codes, keys and params as stored. */
function answer(d: GateEventView, locale: Locale) {
  return {
    id: d.id,
    gate: d.gate.code,
    containerNumber: d.containerNumber,
    decision: d.decision,
    open: d.decision === 'OPEN',
    reasons: d.reasons.map((r) => ({ ...r, message: translateError(locale, r) })),
    requestId: d.requestId,
    epcisEventId: d.epcisEventId,
    arrivedAt: d.arrivedAt,
    decidedAt: d.decidedAt,
    waitSeconds: d.waitSeconds,
    replayed: d.replayed,
  };
}

async function readJson(req: IncomingMessage, res: ServerResponse): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT_BYTES) {
      res.setHeader('connection', 'close');
      throw new AppError('PAYLOAD_TOO_LARGE', `The request body exceeds ${BODY_LIMIT_BYTES.toLocaleString('en')} bytes.`, { limitBytes: BODY_LIMIT_BYTES });
    }
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new AppError('BAD_USER_INPUT', `The body is not JSON: ${(error as Error).message}.`, { fieldErrors: [{ path: [], code: 'INVALID', message: 'Send a JSON object.' }] });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AppError('BAD_USER_INPUT', 'Send a JSON object {"containerNumber", "gate"}.', { fieldErrors: [{ path: [], code: 'INVALID', message: 'Send a JSON object.' }] });
  }
  return body as Record<string, unknown>;
}
