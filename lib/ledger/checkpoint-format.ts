// The signed message of a checkpoint (signed tree head), in the C2SP formats tlog-checkpoint and
// signed-note (https://c2sp.org/tlog-checkpoint, https://c2sp.org/signed-note):
//
//   body      = "<origin>\n<tree size, decimal>\n<root hash, base64>\n<issued at, ISO 8601 UTC ms>\n"
//   signature = Ed25519 over the UTF-8 bytes of `body`
//   note      = body + "\n" + "— <origin> " + base64(key id (4 bytes) || signature (64 bytes)) + "\n"
//   key id    = first 4 bytes of SHA-256(<origin> + "\n" + 0x01 + <raw 32-byte public key>)
//
// The fourth body line is a checkpoint extension line: C2SP readers that do not know it ignore it.
// Pure: runs in the browser too.
import { base64ToBytes, bytesToBase64, hexToBytes } from './encoding';

export interface SignedCheckpoint {
  origin: string;
  treeSize: number;
  /** Root hash of the first treeSize leaves, lowercase hex. */
  rootHash: string;
  /** ISO 8601 UTC with milliseconds. */
  timestamp: string;
  /** Signed-note key id, 8 lowercase hex digits. */
  keyId: string;
  /** Ed25519 signature of `formatCheckpointBody(...)`, base64 (64 bytes). */
  signature: string;
  /** The whole signed note (body, blank line, signature line), as a C2SP client reads it. */
  note: string;
}

const ED25519_ALGORITHM = 0x01;

export function formatCheckpointBody(c: { origin: string; treeSize: number; rootHash: string; timestamp: string }): string {
  return `${c.origin}\n${c.treeSize}\n${bytesToBase64(hexToBytes(c.rootHash))}\n${c.timestamp}\n`;
}

export function formatSignedNote(body: string, origin: string, keyId: string, signature: string): string {
  const keyIdBytes = hexToBytes(keyId);
  const sig = base64ToBytes(signature);
  const blob = new Uint8Array(keyIdBytes.length + sig.length);
  blob.set(keyIdBytes);
  blob.set(sig, keyIdBytes.length);
  return `${body}\n\u2014 ${origin} ${bytesToBase64(blob)}\n`;
}

/** The bytes whose SHA-256 starts with the key id (signed-note, Ed25519). */
export function keyIdPreimage(origin: string, publicKey: Uint8Array): Uint8Array {
  const name = new TextEncoder().encode(`${origin}\n`);
  const out = new Uint8Array(name.length + 1 + publicKey.length);
  out.set(name);
  out[name.length] = ED25519_ALGORITHM;
  out.set(publicKey, name.length + 1);
  return out;
}

/** The signed-note verifier key: "<origin>+<key id hex>+<base64(0x01 || public key)>". */
export function formatVerifierKey(origin: string, keyId: string, publicKey: Uint8Array): string {
  const blob = new Uint8Array(1 + publicKey.length);
  blob[0] = ED25519_ALGORITHM;
  blob.set(publicKey, 1);
  return `${origin}+${keyId}+${bytesToBase64(blob)}`;
}

export const CHECKPOINT_FORMAT_DESCRIPTION =
  'C2SP tlog-checkpoint in a C2SP signed-note. Signed message (UTF-8): "<origin>\\n<tree size, decimal>\\n' +
  '<root hash, base64>\\n<issued at, ISO 8601 UTC with milliseconds>\\n". Signature: Ed25519 over those bytes. ' +
  'Note: message + "\\n" + "\u2014 <origin> " + base64(key id || signature) + "\\n", where key id = first 4 bytes of ' +
  'SHA-256(<origin> + "\\n" + 0x01 + raw 32-byte public key).';
