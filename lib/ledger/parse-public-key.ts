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
  } else if (!/^[A-Za-z0-9+/]{43}=$/.test(value)) {
    // "<origin>+<8 hex digits>+<base64>": the base64 may itself hold '+', so split on the first two only.
    const parts = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+={0,2})$/.exec(value);
    const blob = parts ? Buffer.from(parts[3]!, 'base64') : Buffer.alloc(0);
    if (blob.length !== 33 || blob[0] !== 0x01)
      throw invalid('expected the base64 of a raw 32-byte Ed25519 key, a verifier key "<origin>+<key id>+<base64 of 0x01 and the 32-byte key>" or a PEM public key');
    raw = blob.subarray(1);
  } else {
    raw = Buffer.from(value, 'base64');
  }
  return raw;
}

function invalid(why: string): AppError {
  const message = `The public key is not usable: ${why} (see /.well-known/clearway-ledger.json).`;
  return new AppError('BAD_USER_INPUT', message, { fieldErrors: [{ path: ['publicKey'], code: 'INVALID', message }] });
}
