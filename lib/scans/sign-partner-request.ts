// The partner's side of the exchange: sign a request to another Clearway's /api/graphql per RFC 9421 the
// way authenticate-scan-partner.ts checks it — Content-Digest (RFC 9530, SHA-256 of the body) and a
// signature over @method, @target-uri and content-digest with created, keyid, alg "ed25519" and a nonce.
// Used by a Clearway that pulls from its partner, by the tests, and as the reference for other clients.
import { createHash, createPrivateKey, randomBytes, sign, type KeyObject } from 'node:crypto';

import { httpbis } from 'http-message-signatures';

import { PARTNER_REQUIRED_COMPONENTS } from './authenticate-scan-partner';

export interface PartnerRequestSigning {
  /** The absolute URI the server knows itself by (its PUBLIC_URL + path), e.g. https://clearway.customs.nl/api/graphql. */
  url: string;
  method?: string;
  body: string | Buffer;
  keyId: string;
  /** The partner's Ed25519 private key (PKCS#8 PEM or a KeyObject). */
  privateKey: string | KeyObject;
  /** Default now; tests pass other times. */
  created?: Date;
  /** Default 16 random bytes (base64url): two identical requests in one second stay distinct. */
  nonce?: string | null;
  contentType?: string;
}

/** The request headers to send with the body: content-type, content-digest, signature-input, signature. */
export async function signPartnerRequest(options: PartnerRequestSigning): Promise<Record<string, string>> {
  const key = typeof options.privateKey === 'string' ? createPrivateKey(options.privateKey) : options.privateKey;
  const body = Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body, 'utf8');
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/json',
    'content-digest': `sha-256=:${createHash('sha256').update(body).digest('base64')}:`,
  };
  const nonce = options.nonce === undefined ? randomBytes(16).toString('base64url') : options.nonce;
  const signed = await httpbis.signMessage(
    {
      key: { id: options.keyId, alg: 'ed25519', sign: async (data) => sign(null, data, key) },
      fields: [...PARTNER_REQUIRED_COMPONENTS],
      params: ['created', 'keyid', 'alg', ...(nonce ? ['nonce'] : [])],
      paramValues: { created: options.created ?? new Date(), ...(nonce ? { nonce } : {}) },
    },
    { method: (options.method ?? 'POST').toUpperCase(), url: options.url, headers },
  );
  return signed.headers as Record<string, string>;
}
