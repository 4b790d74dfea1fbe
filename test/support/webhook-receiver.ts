// A real local HTTP receiver for webhook tests: records every request and answers with what the test
// scripts (status, headers, a delay, or holding the request open).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { Webhook } from 'standardwebhooks';

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The JSON body; empty for XML and EDIFACT payloads. */
  json: { type: string; timestamp: string; data: Record<string, any> };
  at: number;
}

export type Answer = { status: number; headers?: Record<string, string>; delayMs?: number; body?: string } | 'hang';

export interface Receiver {
  url: string;
  received: Received[];
  /** Answers for the next requests, in order; then `fallback`. */
  script: Answer[];
  /** An answer chosen by the request itself (before the script), when it returns one. */
  answer?: (request: Received) => Answer | undefined;
  fallback: Answer;
  /** TCP connections the receiver accepted (kept-alive connections are reused). */
  connections: number;
  close(): Promise<void>;
  /** The payloads that verify with this secret (standardwebhooks' own verification). */
  verified(secret: string): Received[];
}

export async function startReceiver(fallback: Answer = { status: 200 }): Promise<Receiver> {
  const received: Received[] = [];
  const hanging: http.ServerResponse[] = [];
  const receiver: Receiver = {
    url: '',
    received,
    script: [],
    fallback,
    connections: 0,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    verified(secret) {
      const wh = new Webhook(secret);
      return received.filter((r) => {
        try {
          if (r.headers['content-type']?.includes('json')) {
            wh.verify(r.body, r.headers as Record<string, string>);
            return true;
          }
          // standardwebhooks' verify parses the payload as JSON; an XML or EDIFACT body is checked by signing it again.
          const expected = wh.sign(String(r.headers['webhook-id']), new Date(Number(r.headers['webhook-timestamp']) * 1000), r.body);
          return String(r.headers['webhook-signature']).split(' ').includes(expected);
        } catch {
          return false;
        }
      });
    },
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const request: Received = { headers: req.headers, body, json: /json/.test(req.headers['content-type'] ?? '') ? JSON.parse(body || '{}') : {}, at: Date.now() };
      received.push(request);
      const answer = receiver.answer?.(request) ?? receiver.script.shift() ?? receiver.fallback;
      if (answer === 'hang') {
        hanging.push(res);
        return;
      }
      setTimeout(() => {
        res.writeHead(answer.status, answer.headers ?? {});
        res.end(answer.body ?? 'ok');
      }, answer.delayMs ?? 0);
    });
  });
  server.on('connection', () => (receiver.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return receiver;
}
