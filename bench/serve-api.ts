// A Clearway API process for benchmarks: the product's HTTP server (createAppServer) on
// 127.0.0.1:<port> with its background jobs (ledger integrator, checkpointer leader, job-queue worker),
// as `npm start` runs them, and a 404 fallback in place of Next.js, so that no `next build` is needed.
// /api/graphql is served by the very handler `npm start` uses (same Apollo server, limits, request ids,
// request logging); only the portal's pages are missing. Reads DATABASE_URL (and LOG_LEVEL etc.) from
// the environment; several of these on one database are several Clearway processes.
//
//   node node_modules/tsx/dist/cli.mjs bench/serve-api.ts <port>
import { getLogger } from '../lib/logger';
import { startBackgroundJobs } from '../server/background-jobs';
import { createAppServer } from '../server/create-app-server';

const port = Number(process.argv[2] ?? 0);
const logger = getLogger();
const app = await createAppServer({
  logger,
  fallback: (_req, res) => {
    res.statusCode = 404;
    res.end('not found');
  },
});
await new Promise<void>((resolve, reject) => {
  app.server.once('error', reject);
  app.server.listen(port, '127.0.0.1', () => resolve());
});
const jobs = startBackgroundJobs(logger);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void jobs
      .stop()
      .then(() => app.close(2_000))
      .finally(() => process.exit(0));
  });
}
console.log(`serve-api ready at http://127.0.0.1:${port}/api/graphql`);
