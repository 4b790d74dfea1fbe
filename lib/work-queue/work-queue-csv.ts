// The work queue as CSV (RFC 4180; a leading ' keeps spreadsheet programs from running a cell as a formula).
import type { Actor } from '../auth/actor';
import { listWorkQueue } from './list-work-queue';

const HEADER = ['Action', 'Client', 'LRN', 'MRN', 'Status', 'Lane', 'Duty total', 'Last change', 'Age (hours)', 'Declaration id'];

function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every matching row (up to 10,000), in queue order. */
export async function workQueueCsv(options: { actor: Actor; filters?: unknown }): Promise<string> {
  const lines = [HEADER.map(cell).join(',')];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const result: Awaited<ReturnType<typeof listWorkQueue>> = await listWorkQueue({ actor: options.actor, filters: options.filters, first: 500, after });
    for (const r of result.nodes) {
      lines.push([r.action, r.clientName, r.lrn, r.mrn, r.status, r.lane, r.dutyTotal, r.changedAt.toISOString(), Math.floor(r.ageSeconds / 3600), r.declarationId].map(cell).join(','));
    }
    if (!result.hasNextPage) break;
    after = result.endCursor;
  }
  return `${lines.join('\r\n')}\r\n`;
}
