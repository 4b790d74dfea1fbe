// The log's public key as an auditor may hold it: the raw 32-byte Ed25519 key in base64 (`publicKey`
// of /.well-known/clearway-ledger.json), the signed-note verifier key ("<origin>+<key id>+<base64(0x01 ||
// key)>", `verifierKey`), or SubjectPublicKeyInfo PEM (`publicKeyPem`). Nothing private is needed to verify.
import { createPublicKey } from 'node:crypto';

import { AppError } from '../errors';

export function parsePublicKey(text: string): Buffer {
  const value = text.trim();
  let raw: Buffer | undefined;
  if (value.startsWith('-----BEGIN')) {
    const key = createPublicKey({ key: value.replace(/\\n/g, '\n'), format: 'pem' });
    if (key.asymmetricKeyType !== 'ed25519') throw invalid(`it is an ${key.asymmetricKeyType} key; the ledger signs with Ed25519`);
    const spki = key.export({ format: 'der', type: 'spki' });
    raw = spki.subarray(spki.length - 32);
  } else if (value.includes('+')) {
    const parts = value.split('+');
    const blob = parts.length === 3 ? Buffer.from(parts[2]!, 'base64') : Buffer.alloc(0);
    if (blob.length !== 33 || blob[0] !== 0x01) throw invalid('a verifier key is "<origin>+<key id>+<base64 of 0x01 and the 32-byte key>"');
    raw = blob.subarray(1);
  } else {
    raw = /^[A-Za-z0-9+/]{43}=$/.test(value) ? Buffer.from(value, 'base64') : undefined;
    if (raw?.length !== 32) throw invalid('expected the base64 of a raw 32-byte Ed25519 key, a verifier key or a PEM public key');
  }
  return raw;
}

function invalid(why: string): AppError {
  const message = `The public key is not usable: ${why} (see /.well-known/clearway-ledger.json).`;
  return new AppError('BAD_USER_INPUT', message, { fieldErrors: [{ path: ['publicKey'], code: 'INVALID', message }] });
}
