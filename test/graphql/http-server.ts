// Starts the product's HTTP server (Apollo on plain Node, health) without Next.js, on a free port.
import type { AddressInfo } from 'node:net';

import { getLogger, type Logger } from '../../lib/logger';
import { createAppServer, type AppServer } from '../../server/create-app-server';

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
