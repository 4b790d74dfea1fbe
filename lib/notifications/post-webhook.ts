// One webhook HTTP request, to the address resolveWebhookAddress checked (a new connection is pinned to
// it and checked again as it connects; TLS still verifies the URL's host name), over the origin's
// keep-alive connections (webhook-agent.ts). A redirect is a failure and is never followed; the request
// fails after the timeout; only the first kilobyte of the answer is read, for the delivery log.
//
// A kept-alive connection the receiver closed just as it was reused fails before any answer
// (ECONNRESET, EPIPE): the request is sent once more on a fresh connection, with the same headers —
// the same webhook-id and signature — within the same timeout. Receivers deduplicate on webhook-id.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

import type { WebhookAddress } from './resolve-webhook-address';
import { getWebhookAgent } from './webhook-agent';

export interface WebhookResponse {
  status: number | null;
  latencyMs: number;
  excerpt: string | null;
  /** Seconds from a Retry-After header (429, 503). */
  retryAfterSeconds: number | null;
  error: string | null;
}

const EXCERPT_BYTES = 1000;
/** Failures of a reused connection that mean the receiver had closed it, not that it refused the request. */
const STALE_CONNECTION = new Set(['ECONNRESET', 'EPIPE']);

export function postWebhook(target: WebhookAddress, args: { headers: Record<string, string>; body: string; timeoutMs: number }): Promise<WebhookResponse> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === 'https:' ? https : http;
  const agent = getWebhookAgent(target.url);
  const headers = { 'content-type': 'application/json', 'user-agent': 'Clearway-Webhooks/1', 'content-length': String(Buffer.byteLength(args.body)), ...args.headers };
  return new Promise((resolve) => {
    let settled = false;
    let current: http.ClientRequest;
    const done = (r: Omit<WebhookResponse, 'latencyMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, latencyMs: elapsed() });
    };
    const send = (retry: boolean) => {
      let answered = false;
      const req = client.request(target.url, { method: 'POST', lookup: pinned, agent, headers }, (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        let size = 0;
        const status = res.statusCode ?? 0;
        const finish = (complete: boolean) => {
          const excerpt = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8');
          const retryAfter = retryAfterSeconds(res.headers['retry-after']);
          const error = status >= 300 && status < 400 ? `Redirect to ${String(res.headers.location ?? '(no location)').slice(0, 200)} not followed: answer the webhook URL itself with a 2xx.` : null;
          done({ status, excerpt: excerpt || null, retryAfterSeconds: retryAfter, error });
          // A long answer is not read to its end: its connection is dropped instead of kept.
          if (!complete) res.destroy();
        };
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= EXCERPT_BYTES) finish(false);
        });
        res.on('end', () => finish(true));
        res.on('error', (err) => done({ status, excerpt: null, retryAfterSeconds: null, error: err.message }));
      });
      current = req;
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (settled) return;
        if (!retry && !answered && req.reusedSocket && err.code && STALE_CONNECTION.has(err.code)) return send(true);
        done({ status: null, excerpt: null, retryAfterSeconds: null, error: err.code ? `${err.code}: ${err.message}` : err.message });
      });
      req.end(args.body);
    };
    const timer = setTimeout(() => {
      done({ status: null, excerpt: null, retryAfterSeconds: null, error: `No answer within ${args.timeoutMs} ms.` });
      current.destroy();
    }, args.timeoutMs);
    send(false);
  });
}

function retryAfterSeconds(header: string | undefined): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - Date.now()) / 1000));
}
