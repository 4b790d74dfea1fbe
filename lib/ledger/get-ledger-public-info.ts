// What a verifier needs to know about the log, served as /.well-known/clearway-ledger.json.
import { CHECKPOINT_FORMAT_DESCRIPTION, formatVerifierKey } from './checkpoint-format';
import { loadLedgerSigningKey } from './load-signing-key';

export interface LedgerPublicInfo {
  origin: string;
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  /** The same key as SubjectPublicKeyInfo PEM. */
  publicKeyPem: string;
  /** Signed-note key id, 8 hex digits. */
  keyId: string;
  /** C2SP signed-note verifier key: "<origin>+<key id>+<base64(0x01 || key)>". */
  verifierKey: string;
  hashAlgorithm: 'SHA-256';
  signatureAlgorithm: 'Ed25519';
  tree: string;
  entryFormat: string;
  checkpointFormat: string;
}

export async function getLedgerPublicInfo(): Promise<LedgerPublicInfo> {
  const key = await loadLedgerSigningKey();
  return {
    origin: key.origin,
    publicKey: key.publicKeyRaw.toString('base64'),
    publicKeyPem: key.publicKeyPem,
    keyId: key.keyId,
    verifierKey: formatVerifierKey(key.origin, key.keyId, key.publicKeyRaw),
    hashAlgorithm: 'SHA-256',
    signatureAlgorithm: 'Ed25519',
    tree:
      'RFC 9162 §2.1.1 Merkle tree: leaf hash = SHA-256(0x00 || entry), node hash = SHA-256(0x01 || left || right); ' +
      'inclusion proofs per §2.1.3, consistency proofs per §2.1.4.',
    entryFormat:
      'ASCII JSON, exactly these members in this order and no whitespace (RFC 8785 canonical form): ' +
      '{"at":"<ISO 8601 UTC with milliseconds>","kind":"document|pdf|declaration-version|decision","ref":"<1-200 printable ASCII>","sha256":"<SHA-256 of the item, 64 lowercase hex>"}',
    checkpointFormat: CHECKPOINT_FORMAT_DESCRIPTION,
  };
}
