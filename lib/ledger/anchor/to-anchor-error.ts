// ethers v5 reports failures as nested errors (`error.error`, `error.cause`), and wraps *every* failed
// gas estimate as UNPREDICTABLE_GAS_LIMIT, whether the node was unreachable or the contract reverted.
// What matters to a caller is only: try again later, or not (a revert, a missing role, no funds, no
// contract at the address will not heal by waiting).
import { AppError, isAppError } from '../../errors';

const TRANSIENT = new Set(['NETWORK_ERROR', 'SERVER_ERROR', 'TIMEOUT', 'NONCE_EXPIRED', 'REPLACEMENT_UNDERPRICED', 'TRANSACTION_REPLACED']);
const PERMANENT = new Set([
  'CALL_EXCEPTION',
  'INSUFFICIENT_FUNDS',
  'INVALID_ARGUMENT',
  'MISSING_ARGUMENT',
  'UNEXPECTED_ARGUMENT',
  'NUMERIC_FAULT',
  'UNSUPPORTED_OPERATION',
  'NOT_IMPLEMENTED',
  'ACTION_REJECTED',
]);
const REVERT = /revert|always failing transaction|invalid opcode/i;

interface Nested {
  code?: unknown;
  reason?: unknown;
  message?: unknown;
  error?: unknown;
  cause?: unknown;
}

function chainOf(error: unknown): Nested[] {
  const chain: Nested[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && chain.length < 8 && !chain.includes(current as Nested)) {
    chain.push(current as Nested);
    const next = current as Nested;
    current = next.error ?? next.cause;
  }
  return chain;
}

/** True when the contract refused the call (e.g. the root is already issued, or the signer lacks the issuer role). */
export function isRevertError(error: unknown): boolean {
  return chainOf(error).some((e) => REVERT.test(String(e.reason ?? '')) || REVERT.test(String(e.message ?? '')));
}

/** Whether the same call may succeed later. Unknown errors count as transient: retrying them is harmless. */
export function isTransientError(error: unknown): boolean {
  if (isAppError(error)) return error.details.retryable === true;
  if (isRevertError(error)) return false;
  // The outermost code ethers understood decides (it reads the node's answer, e.g. INSUFFICIENT_FUNDS
  // around a SERVER_ERROR); UNPREDICTABLE_GAS_LIMIT says nothing by itself, so look inside it.
  for (const e of chainOf(error)) {
    const code = String(e.code ?? '');
    if (TRANSIENT.has(code)) return true;
    if (PERMANENT.has(code)) return false;
  }
  return true;
}

/** An AppError saying what failed and whether to retry, the original error kept as cause (never re-thrown raw). */
export function toAnchorError(error: unknown, action: string): AppError {
  if (isAppError(error)) return error;
  const chain = chainOf(error);
  const top = chain[0];
  // The node's revert message ("… revert AccessControl: account … is missing role …") says more than
  // ethers' wrapper ("cannot estimate gas"), whose own message embeds whole JSON-RPC bodies.
  const revert = [...chain].reverse().find((e) => REVERT.test(String(e.message ?? '')));
  const reason = String(revert?.message ?? top?.reason ?? top?.message ?? error);
  const retryable = isTransientError(error);
  return new AppError('SERVICE_UNAVAILABLE', `Could not ${action}: ${reason}`, { retryable, ethersCode: top?.code ?? null }, { cause: error });
}
