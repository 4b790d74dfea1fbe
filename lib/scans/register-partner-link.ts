// A platform administrator links this Clearway to a partner administration it will pull scans from
// (pull-partner-scans.ts): the partner's GraphQL URL, its country (our shipments whose route names it are
// the ones pulled for), our key id there, and the Ed25519 key we sign with — generated here unless the
// administrator brings one. The answer shows our public key (the partner registers it with
// registerScanPartner) and the partner ledger's key, read from its /.well-known/clearway-ledger.json and
// pinned now (trust on first use; repinPartnerLinkLedgerKey changes it, on purpose only). The private key
// goes to partner_link_secret, which only the pulling job reads; it is never answered, logged or audited.
// The link's scans are filed under a station row of its own, which has no scope and is revoked, so it
// can never post; the queue, viewer and comparison then need no second path for partner scans.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';

import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { assertPerson } from '../auth/policy';
import { recordAudit } from '../audit';
import { sqlTransaction } from '../database/sql';
import { AppError } from '../errors';
import { parseInput } from '../validation';
import { fetchPartnerLedgerKey } from './fetch-partner-ledger-key';
import { assertPartnerLinkAdmin, findPartnerLink, type PartnerLinkView } from './list-partner-links';
import { PARTNER_KEY_ID } from './register-scan-partner';

const registerPartnerLinkInput = z.object({
  name: z.string().trim().min(1, 'Name the partner administration.').max(100, 'At most 100 characters.'),
  graphqlUrl: z
    .string()
    .trim()
    .url('Give the partner\'s GraphQL URL, e.g. https://clearway.customs.example/api/graphql.')
    .refine((u) => !URL.canParse(u) || /^https?:\/\//i.test(u), 'The URL must be http(s).') // not a URL at all: said by .url() already
    .refine((u) => {
      try {
        const url = new URL(u);
        return !url.username && !url.password;
      } catch {
        return true; // reported by .url() already
      }
    }, 'The URL must not carry credentials.'),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'The country is ISO 3166-1 alpha-2, e.g. CN.'),
  keyId: z.string().trim().regex(PARTNER_KEY_ID, 'A key id is 1–100 letters, digits or . _ : @ / + -, starting with a letter or digit, e.g. nl-customs-2026.'),
  privateKey: z.string().trim().max(4000, 'An Ed25519 private key in PEM is about 120 characters; this is far longer.').nullish(),
  expectedLedgerPublicKey: z.string().trim().max(200).nullish(),
});
export type RegisterPartnerLinkInput = z.input<typeof registerPartnerLinkInput>;

function fieldProblem(path: string, message: string): AppError {
  return new AppError('BAD_USER_INPUT', message, { fieldErrors: [{ path: [path], code: 'INVALID', message }] });
}

function parsePrivateKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem.replace(/\\n/g, '\n'), format: 'pem' });
  } catch {
    throw fieldProblem('privateKey', 'The private key is not PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----").');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw fieldProblem('privateKey', `The private key is ${key.asymmetricKeyType?.toUpperCase() ?? 'of an unknown type'}, not Ed25519.`);
  return key;
}

export async function registerPartnerLink(options: { actor: Actor; input: RegisterPartnerLinkInput; requestId?: string }): Promise<PartnerLinkView> {
  const { actor } = options;
  assertPerson(actor, 'link partner administrations');
  assertPartnerLinkAdmin(actor, 'link partner administrations');
  const input = parseInput(registerPartnerLinkInput, options.input);
  const privateKey = input.privateKey ? parsePrivateKey(input.privateKey) : generateKeyPairSync('ed25519').privateKey;
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString().trim();
  // Read before the transaction: a slow partner must not hold a database connection.
  const ledger = await fetchPartnerLedgerKey(input.graphqlUrl);
  if (input.expectedLedgerPublicKey && input.expectedLedgerPublicKey !== ledger.publicKey) {
    throw fieldProblem('expectedLedgerPublicKey', `The partner publishes the ledger key ${ledger.publicKey}, not the one you expected: check with the partner before linking.`);
  }
  const id = randomUUID();
  const stationId = randomUUID();
  const stationCode = `PARTNER-${id.slice(0, 8).toUpperCase()}`;
  return sqlTransaction(async (sql) => {
    // A token nobody holds (random hash), no scope, revoked: this station row only files the partner's scans.
    await sql(
      `INSERT INTO scan_station (id, code, name, kind, country, token_prefix, token_hash, scopes, created_by_id, revoked_at)
       VALUES ($1::uuid, $2, $3, 'FIXED_PORTAL', $4, 'partner', $5, ARRAY[]::text[], $6::uuid, now())`,
      [stationId, stationCode, input.name.slice(0, 100), input.country, createHash('sha256').update(randomBytes(32)).digest('hex'), actor.userId],
    );
    await sql(
      `INSERT INTO partner_link (id, name, graphql_url, country, key_id, public_key, ledger_public_key, ledger_origin, ledger_key_pinned_at, station_id, created_by_id)
       VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, now(), $9::uuid, $10::uuid)`,
      [id, input.name, input.graphqlUrl, input.country, input.keyId, publicKey, ledger.publicKey, ledger.origin, stationId, actor.userId],
    );
    await sql(`INSERT INTO partner_link_secret (link_id, private_key) VALUES ($1::uuid, $2)`, [id, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()]);
    await recordAudit(sql, {
      actor,
      action: 'partner_link.register',
      targetType: 'partner_link',
      targetId: id,
      requestId: options.requestId,
      details: { name: input.name, country: input.country, keyId: input.keyId, graphqlUrl: input.graphqlUrl, ledgerKey: ledger.publicKey },
    });
    return (await findPartnerLink(sql, id))!;
  });
}
