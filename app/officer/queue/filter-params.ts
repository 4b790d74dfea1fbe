// The queue's filter in the page's address (?office=NL000396,BE101000&lane=RED&…), and back.
import type { OfficerQueueFilter } from '../../../lib/officer-queue/list-officer-queue';

const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);
const num = (v: string | undefined) => (v && v.trim() !== '' ? Number(v) : undefined);

export function filterOfParams(p: Record<string, string | undefined>): { filter: OfficerQueueFilter; orderBy?: string } {
  const filter: OfficerQueueFilter = {
    office: list(p.office),
    lane: list(p.lane) as OfficerQueueFilter['lane'],
    status: list(p.status),
    hsChapter: list(p.hsChapter),
    importerEori: list(p.importerEori),
    minAgeHours: num(p.minAgeHours),
    claim: (p.claim || undefined) as OfficerQueueFilter['claim'],
    late: p.late === 'true' ? true : undefined,
  };
  return { filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as OfficerQueueFilter, orderBy: p.orderBy || undefined };
}

export function paramsOfFilter(filter: Record<string, unknown>, orderBy: string): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== null) q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  q.set('orderBy', orderBy);
  return q.toString();
}
