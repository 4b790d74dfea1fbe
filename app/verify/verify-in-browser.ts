// What the /verify page does in the browser: hash a file with WebCrypto (the file never leaves the
// device), fetch the log's published key and the item's proof bundle, and check the bundle with the
// same pure verifier the server-side tools use (lib/ledger/verify-proof.ts).
import { bytesToHex, base64ToBytes } from '../../lib/ledger/encoding';
import type { LedgerEntryFields } from '../../lib/ledger/entry-format';
import { verifyProofBundle, type ProofBundle } from '../../lib/ledger/verify-proof';

const PROOF_FORMAT = 'clearway-ledger-proof/1';
const SHA256_HEX = /^[0-9a-f]{64}$/;
// A proof bundle is a few kilobytes (the audit path grows with log2 of the tree size).
const MAX_BUNDLE_BYTES = 1024 * 1024;

export type Outcome =
  | {
      kind: 'verified';
      bundle: ProofBundle;
      entry: LedgerEntryFields;
      /** The signature was checked with the key published at /.well-known/clearway-ledger.json. */
      keyTrusted: boolean;
      /** 'server': the proof was fetched for a file or hash; 'bundle': a downloaded bundle, checked offline. */
      source: 'server' | 'bundle';
      /** The file whose fingerprint was matched, when there was one. */
      fileName?: string;
    }
  | { kind: 'not-found'; sha256: string; fileName?: string }
  | { kind: 'pending'; sha256: string; retryAfterSeconds: number; fileName?: string }
  | { kind: 'invalid'; problems: string[]; source: 'server' | 'bundle'; sha256: string; fileName?: string }
  | { kind: 'error'; title: string; message: string };

export interface PublishedKey {
  origin: string;
  /** Raw Ed25519 public key, base64. */
  publicKey: string;
  keyId: string;
}

/** Which problem, worded by the page in the reader's language: `verify.errorTitle.<reason>` and `verify.errorMessage.<reason>`. */
export type VerifyErrorReason = 'noCrypto' | 'unreadable' | 'offline' | 'noKey' | 'noEd25519' | 'proofFailed';

/** Something the page tells the person instead of a result (no network, no WebCrypto…). */
export class VerifyError extends Error {
  constructor(
    readonly reason: VerifyErrorReason,
    readonly values: Record<string, string | number> = {},
  ) {
    super(reason);
  }
}

/** "ab CD…" pasted from a PDF or an e-mail → lowercase hex, or null when it is not a SHA-256. */
export function normaliseHash(input: string): string | null {
  const hex = input.replace(/\s+/g, '').replace(/^sha-?256[:=]/i, '').toLowerCase();
  return SHA256_HEX.test(hex) ? hex : null;
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) {
    throw new VerifyError('noCrypto');
  }
  return s;
}

/** SHA-256 of the file's bytes, lowercase hex, computed on this device. */
export async function hashFile(file: File): Promise<string> {
  const crypto = subtle();
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    throw new VerifyError('unreadable', { name: file.name });
  }
  return bytesToHex(new Uint8Array(await crypto.digest('SHA-256', bytes)));
}

/** The file's proof bundle when it is one (JSON with format clearway-ledger-proof/1), else null. */
export async function readProofBundle(file: File): Promise<ProofBundle | null> {
  if (file.size > MAX_BUNDLE_BYTES || file.size < 2) return null;
  let text: string;
  try {
    text = await file.text();
  } catch {
    return null;
  }
  if (!text.trimStart().startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && (value as { format?: unknown }).format === PROOF_FORMAT ? (value as ProofBundle) : null;
  } catch {
    return null;
  }
}

async function getJson(url: string, signal: AbortSignal): Promise<{ status: number; headers: Headers; body: unknown }> {
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { accept: 'application/json' }, cache: 'no-store' });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new VerifyError('offline');
  }
  const body: unknown = await res.json().catch(() => null);
  return { status: res.status, headers: res.headers, body };
}

function serverMessage(body: unknown): string {
  const error = (body as { error?: { message?: unknown; requestId?: unknown } } | null)?.error;
  const id = typeof error?.requestId === 'string' ? ` (request ${error.requestId})` : '';
  return `${typeof error?.message === 'string' ? error.message : 'The server answered with an error.'}${id}`;
}

/** The log's identity and key as published at /.well-known/clearway-ledger.json. */
async function fetchPublishedKey(signal: AbortSignal): Promise<PublishedKey> {
  const { status, body } = await getJson('/.well-known/clearway-ledger.json', signal);
  const info = body as Partial<PublishedKey> | null;
  if (status !== 200 || typeof info?.publicKey !== 'string' || typeof info.origin !== 'string') {
    throw new VerifyError('noKey', { status });
  }
  return { origin: info.origin, publicKey: info.publicKey, keyId: String(info.keyId ?? '') };
}

/**
 * Fails early, with a message that says so, when the browser lacks Ed25519 in WebCrypto (Chrome before
 * 137, Firefox before 129, Safari before 17): the verifier would otherwise report a bad signature.
 */
async function assertEd25519(publicKey: string): Promise<void> {
  try {
    await subtle().importKey('raw', base64ToBytes(publicKey), { name: 'Ed25519' }, false, ['verify']);
  } catch (error) {
    if (error instanceof VerifyError) throw error;
    throw new VerifyError('noEd25519');
  }
}

type ProofAnswer = { status: 'ok'; bundle: ProofBundle } | { status: 'not-found' } | { status: 'pending'; retryAfterSeconds: number };

async function fetchProof(sha256: string, signal: AbortSignal): Promise<ProofAnswer> {
  const { status, headers, body } = await getJson(`/api/ledger/proof?hash=${sha256}`, signal);
  if (status === 200 && (body as { format?: unknown } | null)?.format === PROOF_FORMAT) return { status: 'ok', bundle: body as ProofBundle };
  if (status === 404) return { status: 'not-found' };
  if (status === 409) {
    const seconds = Number(headers.get('retry-after'));
    return { status: 'pending', retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 10 };
  }
  // The server's own sentence (and request id), as it wrote it.
  throw new VerifyError('proofFailed', { message: serverMessage(body) });
}

/** The item's proof from the server, checked here against the published key. */
export async function verifyHashOnline(sha256: string, fileName: string | undefined, signal: AbortSignal): Promise<Outcome> {
  const [key, answer] = await Promise.all([fetchPublishedKey(signal), fetchProof(sha256, signal)]);
  if (answer.status === 'not-found') return { kind: 'not-found', sha256, fileName };
  if (answer.status === 'pending') return { kind: 'pending', sha256, retryAfterSeconds: answer.retryAfterSeconds, fileName };
  await assertEd25519(key.publicKey);
  const result = await verifyProofBundle(answer.bundle, { publicKey: key.publicKey, itemSha256: sha256, origin: key.origin });
  if (!result.ok || !result.entry) return { kind: 'invalid', problems: result.problems, source: 'server', sha256, fileName };
  return { kind: 'verified', bundle: answer.bundle, entry: result.entry, keyTrusted: true, source: 'server', fileName };
}

/**
 * A downloaded bundle, checked offline: against the published key when it can be fetched (else only
 * against the bundle's own key, which proves consistency but not origin), and against the file's
 * fingerprint when the file is given too.
 */
export async function verifyBundleOffline(bundle: ProofBundle, file: { sha256: string; name: string } | undefined, signal: AbortSignal): Promise<Outcome> {
  let key: PublishedKey | undefined;
  try {
    key = await fetchPublishedKey(signal);
  } catch (error) {
    if (signal.aborted) throw error;
  }
  const ownKey = typeof bundle.publicKey?.base64 === 'string' ? bundle.publicKey.base64 : '';
  await assertEd25519(key?.publicKey ?? ownKey);
  const result = await verifyProofBundle(bundle, { publicKey: key?.publicKey, itemSha256: file?.sha256, origin: key?.origin });
  const sha256 = typeof bundle.itemSha256 === 'string' ? bundle.itemSha256 : '';
  if (!result.ok || !result.entry) return { kind: 'invalid', problems: result.problems, source: 'bundle', sha256, fileName: file?.name };
  return { kind: 'verified', bundle, entry: result.entry, keyTrusted: result.keyTrusted, source: 'bundle', fileName: file?.name };
}

/** A receipt of the checkpoint root on a chain, when the bundle carries one (not signed by the log). */
export function chainAnchorOf(bundle: ProofBundle): { txHash: string; chainId?: string; blockNumber?: string } | null {
  for (const holder of [bundle, bundle.checkpoint] as unknown[]) {
    const anchor = holder && typeof holder === 'object' ? (holder as { anchor?: unknown }).anchor : undefined;
    if (anchor && typeof anchor === 'object' && typeof (anchor as { txHash?: unknown }).txHash === 'string') {
      const a = anchor as { txHash: string; chainId?: unknown; blockNumber?: unknown };
      return {
        txHash: a.txHash,
        chainId: a.chainId === undefined ? undefined : String(a.chainId),
        blockNumber: a.blockNumber === undefined ? undefined : String(a.blockNumber),
      };
    }
  }
  return null;
}
