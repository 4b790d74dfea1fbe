// The ledger's background job calls this; filing never waits on it. Every failure ends as a returned
// outcome, never a rejection, so a job loop cannot die of an unhandled one and can store the reason.
import { AppError, isAppError } from '../../errors';
import { getLogger, type Logger } from '../../logger';
import type { AnchorReceipt, LedgerAnchor } from './ledger-anchor';
import { isTransientError } from './to-anchor-error';

export interface PublishRetryOptions {
  /** Tries in total (1 = no retry). */
  attempts: number;
  /** Wait before the second try; doubled before each next one (exponential back-off). */
  baseDelayMs: number;
  /** Cap on one wait. */
  maxDelayMs?: number;
  logger?: Logger;
  /** Replaceable in tests. */
  sleep?: (ms: number) => Promise<void>;
}

export type PublishOutcome =
  | { ok: true; receipt: AnchorReceipt; attempts: number }
  | { ok: false; error: AppError; attempts: number; retryable: boolean };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Publish a root, retrying transient failures (node down, timeout, nonce race) with exponential back-off. */
export async function publishWithRetry(anchor: LedgerAnchor, rootHex: string, options: PublishRetryOptions): Promise<PublishOutcome> {
  const { attempts, baseDelayMs, maxDelayMs = 60_000, sleep = wait } = options;
  if (!Number.isInteger(attempts) || attempts < 1 || !(baseDelayMs >= 0)) {
    throw new AppError('BAD_USER_INPUT', 'publishWithRetry needs attempts ≥ 1 and baseDelayMs ≥ 0.');
  }
  const logger = options.logger ?? getLogger();
  let last: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return { ok: true, receipt: await anchor.publish(rootHex), attempts: attempt };
    } catch (error) {
      last = error;
      const retryable = isTransientError(error);
      if (!retryable || attempt === attempts) {
        return { ok: false, error: failure(anchor, rootHex, attempt, error), attempts: attempt, retryable };
      }
      const delayMs = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      logger.warn({ anchor: anchor.name, root: rootHex, attempt, delayMs, err: messageOf(error) }, 'ledger anchor publish failed, retrying');
      await sleep(delayMs);
    }
  }
  // Unreachable (the loop returns on its last attempt); kept for the type checker.
  return { ok: false, error: failure(anchor, rootHex, attempts, last), attempts, retryable: true };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function failure(anchor: LedgerAnchor, rootHex: string, attempts: number, error: unknown): AppError {
  const code = isAppError(error) && error.code === 'BAD_USER_INPUT' ? 'BAD_USER_INPUT' : 'SERVICE_UNAVAILABLE';
  return new AppError(code, `Publishing root ${rootHex} on ${anchor.name} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${messageOf(error)}`, {
    anchor: anchor.name,
    root: rootHex,
    attempts,
  }, { cause: error });
}
