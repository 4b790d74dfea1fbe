// A partner administration's request, signed per RFC 9421 (HTTP Message Signatures) with its registered
// Ed25519 key: the signature must cover `@method`, `@target-uri` and `content-digest` (RFC 9530, checked
// here against the body's bytes) and carry `created` and `keyid`; `created` within
// SCAN_PARTNER_MAX_SKEW_SECONDS of the server clock; and the same signature never accepted twice — the
// signatures seen are remembered in PostgreSQL (scan_partner_request) for the skew window, so a replay
// is refused by whichever server process it reaches. Ed25519 signatures are not malleable (RFC 8032
// verification rejects a non-canonical S), so one signed request has exactly one accepted signature.
// The signature base and verification are http-message-signatures' (docs/dependencies.md).
import { createHash, createPublicKey, verify } from 'node:crypto';

import { ExpiredError, httpbis, UnacceptableSignatureError, UnsupportedAlgorithmError } from 'http-message-signatures';
import { parseDictionary } from 'structured-headers';

import type { RequestInfo } from '../auth/actor';
import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';
import { getEnv } from '../env';
import { AppError } from '../errors';

/** A registered partner administration acting through a verified signed request: a principal of its own, not a user. */
export interface ScanPartnerPrincipal {
  id: string;
  name: string;
  country: string;
  keyId: string;
  request: RequestInfo;
}

export interface SignedRequest {
  method: string;
  /** The absolute target URI as the server is addressed publicly (PUBLIC_URL + path and query). */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export const PARTNER_REQUIRED_COMPONENTS = ['@method', '@target-uri', 'content-digest'] as const;

const refuse = (message: string) => new AppError('UNAUTHENTICATED', message);

function header(headers: SignedRequest['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** RFC 9530: every sha-256 / sha-512 member of Content-Digest must match the body; at least one must be there. */
function checkContentDigest(value: string | undefined, body: Buffer): void {
  if (!value) throw refuse('The signed request has no Content-Digest header (RFC 9530, e.g. "sha-256=:<base64 of SHA-256 of the body>:").');
  let members;
  try {
    members = parseDictionary(value);
  } catch {
    throw refuse('The Content-Digest header is not a structured-field dictionary (RFC 9530: sha-256=:<base64>:).');
  }
  let checked = 0;
  for (const [algorithm, member] of members) {
    if (algorithm !== 'sha-256' && algorithm !== 'sha-512') continue;
    const given = member[0];
    if (!(given instanceof ArrayBuffer)) throw refuse(`The Content-Digest member ${algorithm} is not a byte sequence (:<base64>:).`);
    const actual = createHash(algorithm === 'sha-256' ? 'sha256' : 'sha512').update(body).digest();
    if (!actual.equals(Buffer.from(given))) throw refuse(`The Content-Digest (${algorithm}) does not match the request body: the body was changed after signing, or the digest was computed over other bytes.`);
    checked++;
  }
  if (!checked) throw refuse('The Content-Digest header has no sha-256 or sha-512 member.');
}

interface PartnerRow {
  id: string;
  name: string;
  country: string;
  key_id: string;
  public_key: string;
  revoked_at: Date | null;
}

/**
 * The partner, when the request carries a valid signature of a registered, unrevoked partner; null when
 * it carries no signature at all. Any other case is UNAUTHENTICATED (401) with a sentence saying why.
 */
export async function authenticateScanPartner(request: SignedRequest, info: RequestInfo): Promise<ScanPartnerPrincipal | null> {
  const signatureHeader = header(request.headers, 'signature');
  const inputHeader = header(request.headers, 'signature-input');
  if (!signatureHeader && !inputHeader) return null;
  if (!signatureHeader || !inputHeader) throw refuse('A signed request needs both the Signature-Input and the Signature header (RFC 9421).');
  let labels: number;
  try {
    labels = parseDictionary(inputHeader).size;
    parseDictionary(signatureHeader);
  } catch {
    throw refuse('The Signature-Input or Signature header is not a structured-field dictionary (RFC 9421 §4).');
  }
  // One signature per request keeps "who signed" unambiguous (the library accepts any one valid of many).
  if (labels !== 1) throw refuse(`Sign a partner request with exactly one signature; Signature-Input has ${labels}.`);
  checkContentDigest(header(request.headers, 'content-digest'), request.body);

  const sql = sqlOfClient(getPool());
  let partner: PartnerRow | undefined;
  let created: Date | undefined;
  let keyIdAsked: string | undefined;
  const headers = Object.fromEntries(Object.entries(request.headers).filter((e): e is [string, string | string[]] => e[1] !== undefined));
  let verified: boolean | null;
  try {
    verified = await httpbis.verifyMessage(
      {
        requiredParams: ['created', 'keyid'],
        requiredFields: [...PARTNER_REQUIRED_COMPONENTS],
        // `created` is checked below against the skew in both directions, with the message a partner needs.
        notAfter: Number.MAX_SAFE_INTEGER,
        keyLookup: async (params) => {
          keyIdAsked = typeof params.keyid === 'string' ? params.keyid : undefined;
          created = params.created instanceof Date ? params.created : undefined;
          if (!keyIdAsked) return null;
          [partner] = await sql<PartnerRow>(`SELECT id, name, country, key_id, public_key, revoked_at FROM scan_partner WHERE key_id = $1`, [keyIdAsked]);
          if (!partner || partner.revoked_at) return null;
          const key = createPublicKey(partner.public_key);
          return { id: partner.key_id, algs: ['ed25519'], verify: async (data, signature) => verify(null, data, key, signature) };
        },
      },
      { method: request.method.toUpperCase(), url: request.url, headers },
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
    if (error instanceof UnacceptableSignatureError) {
      throw refuse(`The signature must cover ${PARTNER_REQUIRED_COMPONENTS.join(', ')} and carry the parameters created and keyid (RFC 9421): ${reason}.`);
    }
    if (error instanceof ExpiredError) throw refuse(`The signature has expired (its expires parameter is past): ${reason}.`);
    if (error instanceof UnsupportedAlgorithmError) throw refuse('Partners sign with Ed25519: the signature parameter alg, when given, must be "ed25519".');
    throw refuse(`The request signature could not be checked: ${reason}.`);
  }
  if (!keyIdAsked) throw refuse('The signature names no keyid.');
  if (!partner) throw refuse(`No partner administration is registered with the key id ${keyIdAsked}.`);
  if (partner.revoked_at) throw refuse(`The partner key ${keyIdAsked} was revoked on ${partner.revoked_at.toISOString()}.`);
  if (verified !== true) throw refuse(`The signature does not verify with the public key registered for ${keyIdAsked}: check the signed components (the @target-uri is ${request.url}).`);
  const skew = getEnv().SCAN_PARTNER_MAX_SKEW_SECONDS;
  if (!created) throw refuse('The signature has no created parameter.');
  const off = (Date.now() - created.getTime()) / 1000;
  if (Math.abs(off) > skew) {
    throw refuse(`The signature was created ${Math.round(Math.abs(off))} s ${off > 0 ? 'ago' : 'in the future'}; at most ${skew} s of difference from the server clock is accepted (SCAN_PARTNER_MAX_SKEW_SECONDS).`);
  }

  // Remembered for twice the window (by the database's clock): past that, `created` alone refuses it.
  const signatureSha256 = createHash('sha256').update(signatureHeader.trim()).digest('hex');
  const [fresh] = await sql<{ fresh: boolean }>(
    `WITH pruned AS (DELETE FROM scan_partner_request WHERE partner_id = $2::uuid AND received_at < now() - make_interval(secs => $4::int * 2))
     INSERT INTO scan_partner_request (signature_sha256, partner_id, signed_at) VALUES ($1, $2::uuid, $3) ON CONFLICT (signature_sha256) DO NOTHING RETURNING true AS fresh`,
    [signatureSha256, partner.id, created, skew],
  );
  if (!fresh) throw refuse('This signed request was already received: a replay is refused. Sign each request anew (a new created time, or a nonce parameter for two identical requests in one second).');
  return { id: partner.id, name: partner.name, country: partner.country, keyId: partner.key_id, request: info };
}
