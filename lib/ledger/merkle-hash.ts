// RFC 9162 §2.1.1 hashing on the server (node:crypto, synchronous): the browser verifier has its own
// WebCrypto version in verify-proof.ts, and the tests hold the two to the same answers. crypto.hash
// (one-shot) costs about half of createHash().update().digest() for inputs this small.
import { hash } from 'node:crypto';

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_TREE_HASH: Buffer = hash('sha256', '', 'buffer');

/** SHA-256(0x00 || entry); a string entry counts as its UTF-8 bytes. */
export function hashLeaf(entry: Uint8Array | string): Buffer {
  if (typeof entry === 'string') return hash('sha256', `\u0000${entry}`, 'buffer');
  const data = Buffer.allocUnsafe(entry.length + 1);
  data[0] = 0x00;
  data.set(entry, 1);
  return hash('sha256', data, 'buffer');
}

/** SHA-256 of bytes that already start with the 0x00 leaf prefix (appends hash slices of one buffer). */
export function hashLeafInput(prefixedEntry: Uint8Array): Buffer {
  if (prefixedEntry[0] !== 0x00) throw new Error('a leaf input starts with 0x00');
  return hash('sha256', prefixedEntry, 'buffer');
}

const pair = Buffer.alloc(65, 0x01);

/** SHA-256(0x01 || left || right). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length !== 32 || right.length !== 32) throw new Error('hashChildren takes two 32-byte hashes');
  pair.set(left, 1);
  pair.set(right, 33);
  return hash('sha256', pair, 'buffer');
}

/** MTH of consecutive complete subtrees (as subtreesOfRange lists them): folded from the right. */
export function foldSubtrees(hashes: readonly Uint8Array[]): Buffer {
  if (!hashes.length) return EMPTY_TREE_HASH;
  let acc: Buffer = Buffer.from(hashes[hashes.length - 1]!);
  for (let i = hashes.length - 2; i >= 0; i--) acc = hashChildren(hashes[i]!, acc);
  return acc;
}
