// One webhook HTTP request, to the address resolveWebhookAddress checked (the connection is pinned to it;
// TLS still verifies the URL's host name). A redirect is a failure and is never followed; the request
// fails after the timeout; only the first kilobyte of the answer is read, for the delivery log.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

import type { WebhookAddress } from './resolve-webhook-address';

export interface WebhookResponse {
  status: number | null;
  latencyMs: number;
  excerpt: string | null;
  /** Seconds from a Retry-After header (429, 503). */
  retryAfterSeconds: number | null;
  error: string | null;
}

const EXCERPT_BYTES = 1000;

export function postWebhook(target: WebhookAddress, args: { headers: Record<string, string>; body: string; timeoutMs: number }): Promise<WebhookResponse> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: Omit<WebhookResponse, 'latencyMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, latencyMs: elapsed() });
    };
    const req = client.request(
      target.url,
      {
        method: 'POST',
        lookup: pinned,
        agent: false,
        headers: { 'content-type': 'application/json', 'user-agent': 'Clearway-Webhooks/1', 'content-length': String(Buffer.byteLength(args.body)), ...args.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const status = res.statusCode ?? 0;
        const finish = () => {
          const excerpt = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8');
          const retryAfter = retryAfterSeconds(res.headers['retry-after']);
          const error = status >= 300 && status < 400 ? `Redirect to ${String(res.headers.location ?? '(no location)').slice(0, 200)} not followed: answer the webhook URL itself with a 2xx.` : null;
          done({ status, excerpt: excerpt || null, retryAfterSeconds: retryAfter, error });
          res.destroy();
        };
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= EXCERPT_BYTES) finish();
        });
        res.on('end', finish);
        res.on('error', (err) => done({ status, excerpt: null, retryAfterSeconds: null, error: err.message }));
      },
    );
    const timer = setTimeout(() => {
      done({ status: null, excerpt: null, retryAfterSeconds: null, error: `No answer within ${args.timeoutMs} ms.` });
      req.destroy();
    }, args.timeoutMs);
    req.on('error', (err) => done({ status: null, excerpt: null, retryAfterSeconds: null, error: (err as NodeJS.ErrnoException).code ? `${(err as NodeJS.ErrnoException).code}: ${err.message}` : err.message }));
    req.end(args.body);
  });
}

function retryAfterSeconds(header: string | undefined): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - Date.now()) / 1000));
}
