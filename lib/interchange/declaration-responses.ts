// Every answer customs gives a filer about one declaration, as format-neutral facts: a pure function of
// the declaration and its status history (and its duties), so the same facts feed the WCO DM Response
// XML (build-wco-response.ts), CUSRES (build-cusres.ts), the pull route and — once the notifications work
// lands — the webhook payloads. Also the immediate answers to a message (received, refused).
import type { LocatedError } from './interchange-message';

/** WCO DM Response function codes (CDS notification codes) for each kind of answer. */
export const RESPONSE_CODES = {
  ACCEPTED: '01',
  RECEIVED: '02',
  REJECTED: '03',
  PHYSICAL_CHECK: '05',
  DOCUMENTS_REQUIRED: '06',
  RELEASED: '08',
  CANCELLED: '10',
  LANE: '11',
  DUTY_ASSESSED: '13',
  QUERY: '51',
} as const;
export type ResponseKind = keyof typeof RESPONSE_CODES;

export interface ResponseFacts {
  kind: ResponseKind;
  /** When customs answered (the status change's time). */
  at: Date;
  lrn: string;
  mrn: string | null;
  version: number | null;
  lane: string | null;
  /** The reason given (a query's question, a rejection's reason, the risk outcome). */
  reason: string | null;
  /** A refused message's problems, located in its source. */
  errors: LocatedError[];
  /** Duty assessment: total and lines per tax type (national currency). */
  duties: { total: string; currency: string; lines: { taxType: string; amount: string }[] } | null;
}

export interface DeclarationForResponses {
  lrn: string;
  mrn: string | null;
  lane: string | null;
  version: number;
  dutyTotal: string | null;
  currency: string;
  dutyLines: { taxType: string; amount: string }[];
  history: { fromStatus: string | null; toStatus: string; reason: string | null; at: Date }[];
}

const laneIn = (reason: string | null) => /Lane (GREEN|YELLOW|RED)/.exec(reason ?? '')?.[1] ?? null;

export function declarationResponses(d: DeclarationForResponses): ResponseFacts[] {
  const facts: ResponseFacts[] = [];
  let lane: string | null = null;
  const base = (kind: ResponseKind, at: Date, reason: string | null): ResponseFacts => ({ kind, at, lrn: d.lrn, mrn: d.mrn, version: d.version, lane, reason, errors: [], duties: null });
  for (const h of d.history) {
    switch (h.toStatus) {
      case 'DRAFT':
        if (h.fromStatus === null) facts.push({ ...base('RECEIVED', h.at, null), mrn: null });
        break;
      case 'ACCEPTED':
        facts.push(base('ACCEPTED', h.at, h.reason));
        break;
      case 'RISK_ASSESSED':
        lane = laneIn(h.reason) ?? d.lane;
        facts.push(base('LANE', h.at, h.reason));
        break;
      case 'UNDER_CONTROL':
        if (laneIn(h.reason)) lane = laneIn(h.reason);
        facts.push(base(lane === 'RED' ? 'PHYSICAL_CHECK' : 'DOCUMENTS_REQUIRED', h.at, h.reason));
        break;
      case 'DUTY_ASSESSED':
        facts.push({ ...base('DUTY_ASSESSED', h.at, h.reason), duties: { total: d.dutyTotal ?? '0.00', currency: d.currency, lines: d.dutyLines } });
        break;
      case 'QUERY':
        facts.push(base('QUERY', h.at, h.reason));
        break;
      case 'RELEASED':
        facts.push(base('RELEASED', h.at, h.reason));
        break;
      case 'REJECTED':
        facts.push(base('REJECTED', h.at, h.reason));
        break;
      case 'CANCELLED':
        facts.push(base('CANCELLED', h.at, h.reason));
        break;
      default:
        break;
    }
  }
  return facts;
}
