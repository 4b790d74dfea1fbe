// graphile-worker logs through its own small logger interface; this routes it into the process's pino
// logger. Its `info` lines ("worker connected", "job completed") are routine, so they go to debug.
import { Logger as GraphileLogger } from 'graphile-worker';

import type { Logger } from '../logger';

export function graphileLogger(logger: Logger): GraphileLogger {
  return new GraphileLogger((scope) => (level, message, meta) => {
    const fields = { ...scope, ...meta };
    if (level === 'error') logger.error(fields, message);
    else if (level === 'warning') logger.warn(fields, message);
    else logger.debug(fields, message);
  });
}
