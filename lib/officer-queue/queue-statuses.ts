// The statuses of work waiting for customs: everything submitted and not yet decided.
export const QUEUE_STATUSES = ['SUBMITTED', 'ACCEPTED', 'RISK_ASSESSED', 'UNDER_CONTROL', 'QUERY', 'DUTY_ASSESSED', 'PAID', 'CANCEL_REQUESTED'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export function isQueueStatus(s: string): s is QueueStatus {
  return (QUEUE_STATUSES as readonly string[]).includes(s);
}
