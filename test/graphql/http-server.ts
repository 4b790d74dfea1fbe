// Starts the product's HTTP server (Apollo on plain Node, health) without Next.js, on a free port; and,
// for a test file, with its users signed in.
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll } from 'vitest';

import { getLogger, type Logger } from '../../lib/logger';
import { createAppServer, type AppServer } from '../../server/create-app-server';
import { asUser } from '../support/auth';

export interface TestServer {
  url: string;
  app: AppServer;
  graphql(body: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; json: any }>;
}

/** `logger`: where the server logs (default: the process logger), e.g. to assert what it logged. */
export async function startTestServer(options: { logger?: Logger } = {}): Promise<TestServer> {
  const app = await createAppServer({
    logger: options.logger ?? getLogger(),
    fallback: (_req, res) => {
      res.statusCode = 404;
      res.end('not found');
    },
  });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    url,
    app,
    async graphql(body, headers = {}) {
      const res = await fetch(`${url}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, headers: res.headers, json: await res.json() };
    },
  };
}

/**
 * For a test file: the product's server, started before its tests and closed after them, and these
 * (seeded) users signed in — `H[key]` are the request headers of `emails[key]`.
 */
export function serveSignedIn<K extends string>(emails: Record<K, string>): { server: TestServer; H: Record<K, Record<string, string>> } {
  let started: TestServer | undefined;
  const running = () => {
    if (!started) throw new Error('the test server starts in beforeAll');
    return started;
  };
  const server: TestServer = {
    get url() {
      return running().url;
    },
    get app() {
      return running().app;
    },
    graphql: (body, headers) => running().graphql(body, headers),
  };
  const H = {} as Record<K, Record<string, string>>;
  beforeAll(async () => {
    started = await startTestServer();
    for (const key of Object.keys(emails) as K[]) H[key] = await asUser(emails[key]);
  });
  afterAll(async () => {
    await started?.app.close();
  });
  return { server, H };
}
