// Structured JSON logs (pino). Each request gets a child logger carrying its request id.
import { randomUUID } from 'node:crypto';
import pino, { type Logger } from 'pino';

import { getEnv } from './env';

export type { Logger };

const KEY = Symbol.for('clearway.logger');
type Holder = { [KEY]?: Logger };

/** The process-wide logger (shared by the custom server and the Next.js bundle through globalThis). */
export function getLogger(): Logger {
  const holder = globalThis as Holder;
  holder[KEY] ??= pino({
    level: getEnv().LOG_LEVEL,
    base: { service: 'clearway' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
  return holder[KEY];
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Keep a caller's request id when it is well formed (to correlate across services), else make one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}
