// The partner ledger's public key, from its /.well-known/clearway-ledger.json (lib/ledger/
// get-ledger-public-info.ts publishes it) at the origin of its GraphQL URL. Read once, when a link is
// registered (trust on first use) or re-pinned on purpose — never during a pull, so a partner server that
// changes its key cannot make us accept proofs signed by the new one without an administrator's say.
import { AppError } from '../errors';

export interface PartnerLedgerKey {
  /** Raw 32-byte Ed25519 key, base64. */
  publicKey: string;
  /** The log's origin (the checkpoints' first line). */
  origin: string;
}

function keyProblem(message: string): AppError {
  return new AppError('BAD_USER_INPUT', message, { fieldErrors: [{ path: ['graphqlUrl'], code: 'INVALID', message }] });
}

export async function fetchPartnerLedgerKey(graphqlUrl: string): Promise<PartnerLedgerKey> {
  const url = new URL('/.well-known/clearway-ledger.json', graphqlUrl).toString();
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    throw keyProblem(`The partner's ledger key could not be read from ${url}: ${error instanceof Error ? error.message : String(error)}.`);
  }
  if (!response.ok) throw keyProblem(`The partner's ledger key could not be read: ${url} answered ${response.status}.`);
  let body: unknown;
  try {
    body = JSON.parse((await response.text()).slice(0, 100_000));
  } catch {
    throw keyProblem(`${url} did not answer JSON: is this a Clearway?`);
  }
  const { publicKey, origin } = (body ?? {}) as { publicKey?: unknown; origin?: unknown };
  if (typeof publicKey !== 'string' || !/^[A-Za-z0-9+/]{43}=$/.test(publicKey) || Buffer.from(publicKey, 'base64').length !== 32) {
    throw keyProblem(`${url} has no Ed25519 ledger key (publicKey, 32 bytes in base64).`);
  }
  if (typeof origin !== 'string' || !origin.trim() || origin.length > 200) throw keyProblem(`${url} names no ledger origin.`);
  return { publicKey, origin };
}
