// A platform administrator registers a partner customs administration: its name, its country (the
// shipments whose route names that country are the ones it may pull, list-partner-scans.ts) and the
// Ed25519 public key it signs its requests with (RFC 9421, authenticate-scan-partner.ts), under the key
// id the partner puts in its Signature-Input. Only a public key is accepted: a private key pasted by
// mistake is refused, not quietly turned into its public half (which would mean it was shared).
import { createPublicKey, randomUUID } from 'node:crypto';

import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { assertPerson, isPlatformAdmin } from '../auth/policy';
import { recordAudit } from '../audit';
import { pgCode, sqlTransaction } from '../database/sql';
import { AppError } from '../errors';
import { parseInput } from '../validation';
import type { ScanPartnerView } from './list-scan-partners';

/** RFC 9421 keyid is a structured-field string: printable ASCII without quotes or backslashes; kept to a safe subset. */
export const PARTNER_KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._:@/+-]{0,99}$/;

const registerScanPartnerInput = z.object({
  name: z.string().trim().min(1, 'Name the partner administration.').max(100, 'At most 100 characters.'),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'The country is ISO 3166-1 alpha-2, e.g. BE.'),
  keyId: z.string().trim().regex(PARTNER_KEY_ID, 'A key id is 1–100 letters, digits or . _ : @ / + -, starting with a letter or digit, e.g. be-customs-2026.'),
  publicKey: z.string().trim().min(1, 'Paste the partner\'s Ed25519 public key (PEM, "-----BEGIN PUBLIC KEY-----").').max(2000, 'An Ed25519 public key in PEM is about 113 characters; this is far longer.'),
});
export type RegisterScanPartnerInput = z.input<typeof registerScanPartnerInput>;

/** A partner as listed (list-scan-partners.ts), just registered: not revoked. */
export type RegisteredScanPartner = ScanPartnerView & { revokedAt: null; lastPullAt: null };

function keyProblem(message: string): AppError {
  return new AppError('BAD_USER_INPUT', message, { fieldErrors: [{ path: ['publicKey'], code: 'INVALID', message }] });
}

/** The key as SPKI PEM (normalised), or a field error saying what is wrong with it. */
export function parsePartnerPublicKey(pem: string): string {
  if (/-----BEGIN (ENCRYPTED |RSA |EC |OPENSSH )?PRIVATE KEY-----/.test(pem)) throw keyProblem('This is a private key: paste only the public key ("-----BEGIN PUBLIC KEY-----"). The private key stays with the partner.');
  if (!/^-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----$/.test(pem)) throw keyProblem('The public key must be PEM (SubjectPublicKeyInfo): "-----BEGIN PUBLIC KEY-----" … "-----END PUBLIC KEY-----".');
  let key;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw keyProblem('The public key is not valid PEM: its base64 content does not decode to a SubjectPublicKeyInfo.');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw keyProblem(`The public key is ${key.asymmetricKeyType?.toUpperCase() ?? 'of an unknown type'}, not Ed25519: partners sign with Ed25519 (RFC 9421 alg "ed25519").`);
  return key.export({ type: 'spki', format: 'pem' }).toString().trim();
}

export async function registerScanPartner(options: { actor: Actor; input: RegisterScanPartnerInput; requestId?: string }): Promise<RegisteredScanPartner> {
  const { actor } = options;
  assertPerson(actor, 'register partner administrations');
  if (!isPlatformAdmin(actor)) throw new AppError('FORBIDDEN', 'Only platform administrators register partner administrations.');
  const input = parseInput(registerScanPartnerInput, options.input);
  const publicKey = parsePartnerPublicKey(input.publicKey);
  const id = randomUUID();
  let createdAt: Date;
  try {
    createdAt = await sqlTransaction(async (sql) => {
      const [row] = await sql<{ created_at: Date }>(`INSERT INTO scan_partner (id, name, country, key_id, public_key, created_by_id) VALUES ($1::uuid, $2, $3, $4, $5, $6::uuid) RETURNING created_at`, [
        id,
        input.name,
        input.country,
        input.keyId,
        publicKey,
        actor.userId,
      ]);
      await recordAudit(sql, { actor, action: 'scan_partner.register', targetType: 'scan_partner', targetId: id, requestId: options.requestId, details: { name: input.name, country: input.country, keyId: input.keyId } });
      return row!.created_at;
    });
  } catch (error) {
    if (pgCode(error) === '23505') {
      const message = `A partner with the key id ${input.keyId} is registered already (key ids are never reused, even after a revocation).`;
      throw new AppError('CONFLICT', message, { fieldErrors: [{ path: ['keyId'], code: 'DUPLICATE', message }] });
    }
    throw error;
  }
  return { id, name: input.name, country: input.country, keyId: input.keyId, publicKey, createdAt, revokedAt: null, lastPullAt: null };
}
