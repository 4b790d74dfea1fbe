// GET /api/work-queue.csv?clientId=&status=QUERY&status=…&lane=&from=&to= — the filer's work queue as CSV
// (sessions; API tokens with declarations:read), the same filters as Query.workQueue.
import type { IncomingMessage, ServerResponse } from 'node:http';

import { admitRequest } from '../graphql/http-handler';
import { AppError, isAppError } from '../lib/errors';
import { workQueueCsv } from '../lib/work-queue/work-queue-csv';
import { sendAppError } from './send-app-error';

export const WORK_QUEUE_CSV_PATH = '/api/work-queue.csv';

export async function handleWorkQueueCsv(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
  if (req.method !== 'GET') {
    res.setHeader('allow', 'GET');
    return sendAppError(res, requestId, new AppError('METHOD_NOT_ALLOWED', 'Use GET.'));
  }
  const admitted = await admitRequest(req, res, requestId);
  if (!admitted) return;
  try {
    if (!admitted.actor) throw new AppError('UNAUTHENTICATED', 'Sign in, or send an API token.');
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    const text = (name: string) => query.get(name) || undefined;
    const filters = { clientId: text('clientId'), status: query.getAll('status').filter(Boolean).length ? query.getAll('status').filter(Boolean) : undefined, lane: text('lane'), from: text('from'), to: text('to') };
    const csv = await workQueueCsv({ actor: admitted.actor, filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) });
    res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="work-queue.csv"', 'cache-control': 'private, no-store', 'x-request-id': requestId });
    res.end(csv);
  } catch (error) {
    if (!isAppError(error)) throw error;
    sendAppError(res, requestId, error);
  }
}
