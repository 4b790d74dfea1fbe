// Verification of ledger proofs with WebCrypto only (SHA-256 digest, Ed25519 verify), so that the same
// code runs in Node.js 20 and in the browser (the public /verify page). No node: imports here.
// Algorithms: RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency); formats: entry-format.ts,
// checkpoint-format.ts.
import { formatCheckpointBody, formatSignedNote, keyIdPreimage, type SignedCheckpoint } from './checkpoint-format';
import { base64ToBytes, bytesToHex, hexToBytes } from './encoding';
import { parseLedgerEntry, type LedgerEntryFields } from './entry-format';

export interface InclusionProofInput {
  /** SHA-256(0x00 || entry), hex. */
  leafHash: string;
  leafIndex: number;
  treeSize: number;
  /** Hex hashes, from the leaf's sibling up (RFC 9162 inclusion_path). */
  auditPath: string[];
  /** MTH of the first treeSize leaves, hex. */
  rootHash: string;
}

export interface ConsistencyProofInput {
  firstSize: number;
  secondSize: number;
  firstRootHash: string;
  secondRootHash: string;
  /** Hex hashes (RFC 9162 consistency_path). */
  proof: string[];
}

/** Everything needed to check, offline, that an item was in the ledger at a signed tree size. */
export interface ProofBundle {
  format: 'clearway-ledger-proof/1';
  /** SHA-256 of the anchored item, hex. */
  itemSha256: string;
  /** The leaf's bytes (base64) and what they say. */
  entry: { base64: string; fields: LedgerEntryFields };
  leafIndex: number;
  leafHash: string;
  treeSize: number;
  rootHash: string;
  auditPath: string[];
  checkpoint: SignedCheckpoint;
  /** The log's key as the server published it; trust comes from comparing it with /.well-known/clearway-ledger.json. */
  publicKey: { base64: string; keyId: string; verifierKey: string };
  /**
   * Where the checkpoint's root was published on an EVM chain (DocumentStore `issue(root)`), when it was:
   * anyone can call `isIssued(0x<rootHash>)` on that contract to confirm. Null when not (yet) published.
   */
  anchor?: { chainId: number; contractAddress: string; txHash: string; blockNumber: number; publishedAt: string } | null;
}

export interface BundleVerification {
  ok: boolean;
  /** Sentences naming each failed check (empty when ok). */
  problems: string[];
  /** The entry's fields when its bytes are a valid entry. */
  entry: LedgerEntryFields | null;
  /** True when the signature was checked against a key the caller supplied, not only the bundle's own. */
  keyTrusted: boolean;
}

const subtle = () => globalThis.crypto.subtle;

async function sha256(parts: Uint8Array[]): Promise<Uint8Array> {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const data = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    data.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await subtle().digest('SHA-256', data));
}

/** SHA-256(0x00 || entry). */
export async function hashLeafBytes(entry: Uint8Array): Promise<Uint8Array> {
  return sha256([Uint8Array.of(0x00), entry]);
}

/** SHA-256(0x01 || left || right). */
export async function hashNodeBytes(left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  return sha256([Uint8Array.of(0x01), left, right]);
}

const isSize = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
const odd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);
const isPowerOfTwo = (n: number) => {
  while (n > 1 && n % 2 === 0) n /= 2;
  return n === 1;
};

/** RFC 9162 §2.1.3.2. False (never throws) for any malformed input. Accepts a ProofBundle (checks its path only). */
export async function verifyInclusion(proof: InclusionProofInput): Promise<boolean> {
  try {
    const { leafIndex, treeSize } = proof;
    if (!isSize(leafIndex) || !isSize(treeSize) || leafIndex >= treeSize || !Array.isArray(proof.auditPath)) return false;
    let fn = leafIndex;
    let sn = treeSize - 1;
    let r: Uint8Array = hexToBytes(proof.leafHash);
    if (r.length !== 32) return false;
    for (const hex of proof.auditPath) {
      const p = hexToBytes(hex);
      if (p.length !== 32 || sn === 0) return false;
      if (odd(fn) || fn === sn) {
        r = await hashNodeBytes(p, r);
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      } else {
        r = await hashNodeBytes(r, p);
      }
      fn = half(fn);
      sn = half(sn);
    }
    return sn === 0 && equal(r, hexToBytes(proof.rootHash));
  } catch {
    return false;
  }
}

/** RFC 9162 §2.1.4.2 (and equal sizes: an empty proof between equal roots). False for any malformed input. */
export async function verifyConsistency(input: ConsistencyProofInput): Promise<boolean> {
  try {
    const { firstSize, secondSize } = input;
    if (!isSize(firstSize) || !isSize(secondSize) || firstSize < 1 || firstSize > secondSize || !Array.isArray(input.proof)) return false;
    const firstHash = hexToBytes(input.firstRootHash);
    const secondHash = hexToBytes(input.secondRootHash);
    const path = input.proof.map(hexToBytes);
    if (firstHash.length !== 32 || secondHash.length !== 32 || path.some((p) => p.length !== 32)) return false;
    if (firstSize === secondSize) return path.length === 0 && equal(firstHash, secondHash);
    if (path.length === 0) return false;
    // An exact power of two: the first tree is itself a node of the second, and the proof omits it.
    if (isPowerOfTwo(firstSize)) path.unshift(firstHash);
    let fn = firstSize - 1;
    let sn = secondSize - 1;
    while (odd(fn)) {
      fn = half(fn);
      sn = half(sn);
    }
    let fr: Uint8Array = path[0]!;
    let sr: Uint8Array = path[0]!;
    for (const c of path.slice(1)) {
      if (sn === 0) return false;
      if (odd(fn) || fn === sn) {
        fr = await hashNodeBytes(c, fr);
        sr = await hashNodeBytes(c, sr);
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      } else {
        sr = await hashNodeBytes(sr, c);
      }
      fn = half(fn);
      sn = half(sn);
    }
    return sn === 0 && equal(fr, firstHash) && equal(sr, secondHash);
  } catch {
    return false;
  }
}

/**
 * The checkpoint's Ed25519 signature over its body (checkpoint-format.ts), with `publicKey` (raw 32
 * bytes, or their base64); also that the key id and the note agree with the fields. False, never throws.
 */
export async function verifyCheckpointSignature(checkpoint: SignedCheckpoint, publicKey: string | Uint8Array): Promise<boolean> {
  try {
    const raw = typeof publicKey === 'string' ? base64ToBytes(publicKey) : new Uint8Array(publicKey);
    if (raw.length !== 32 || !isSize(checkpoint.treeSize)) return false;
    const keyId = bytesToHex((await sha256([keyIdPreimage(checkpoint.origin, raw)])).subarray(0, 4));
    if (keyId !== checkpoint.keyId) return false;
    const body = formatCheckpointBody(checkpoint);
    if (checkpoint.note !== undefined && checkpoint.note !== formatSignedNote(body, checkpoint.origin, checkpoint.keyId, checkpoint.signature)) return false;
    const signature = base64ToBytes(checkpoint.signature);
    if (signature.length !== 64) return false;
    const key = await subtle().importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
    return await subtle().verify({ name: 'Ed25519' }, key, signature, new TextEncoder().encode(body));
  } catch {
    return false;
  }
}

/**
 * Every check of a proof bundle: the entry is canonical and names the item, its leaf hash, the audit
 * path up to the checkpoint's root, and the checkpoint's signature — with `options.publicKey` (base64,
 * from /.well-known/clearway-ledger.json) when given, else with the bundle's own key (keyTrusted false).
 */
export async function verifyProofBundle(bundle: ProofBundle, options: { publicKey?: string; itemSha256?: string; origin?: string } = {}): Promise<BundleVerification> {
  const problems: string[] = [];
  let entry: LedgerEntryFields | null = null;
  try {
    const bytes = base64ToBytes(bundle.entry.base64);
    entry = parseLedgerEntry(bytes);
    if (!entry) problems.push('The entry is not a canonical ledger entry.');
    else {
      if (entry.sha256 !== bundle.itemSha256) problems.push(`The entry anchors ${entry.sha256}, not ${bundle.itemSha256}.`);
      if (JSON.stringify(entry) !== JSON.stringify(sortedFields(bundle.entry.fields))) problems.push('The entry fields shown differ from the entry bytes.');
    }
    if (options.itemSha256 !== undefined && options.itemSha256.toLowerCase() !== bundle.itemSha256) problems.push(`The bundle is for item ${bundle.itemSha256}, not ${options.itemSha256.toLowerCase()}.`);
    if (bytesToHex(await hashLeafBytes(bytes)) !== bundle.leafHash) problems.push('The leaf hash is not SHA-256(0x00 || entry).');
    const cp = bundle.checkpoint;
    if (cp.treeSize !== bundle.treeSize || cp.rootHash !== bundle.rootHash) problems.push('The proof is for another tree than the checkpoint.');
    if (!(await verifyInclusion({ ...bundle, rootHash: cp.rootHash, treeSize: cp.treeSize }))) problems.push(`The audit path does not lead from leaf ${bundle.leafIndex} to the checkpoint's root.`);
    if (options.origin !== undefined && cp.origin !== options.origin) problems.push(`The checkpoint is from log "${cp.origin}", not "${options.origin}".`);
    if (options.publicKey !== undefined && options.publicKey !== bundle.publicKey.base64) problems.push("The bundle's public key is not the log's published key.");
    if (!(await verifyCheckpointSignature(cp, options.publicKey ?? bundle.publicKey.base64))) problems.push("The checkpoint's signature does not verify with the log's key.");
  } catch (error) {
    problems.push(`The bundle is malformed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { ok: problems.length === 0, problems, entry, keyTrusted: options.publicKey !== undefined };
}

function sortedFields(f: LedgerEntryFields): LedgerEntryFields {
  return { at: f.at, kind: f.kind, ref: f.ref, sha256: f.sha256 };
}
