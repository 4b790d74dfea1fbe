// Partner links and the pull job on one instance (the two-instance test, partner-exchange-two-instances,
// covers the exchange between two): this Clearway linked to itself — its own GraphQL endpoint as the
// partner's, the same country on both sides — so the registry's field errors, the pinned key, the
// secret kept out of answers and audit, and the pull's edge cases (a proof not yet checkpointed, a scan
// whose metadata predates the canonical form, a key the partner no longer publishes) run without a
// second server.
import { createHash, generateKeyPairSync } from 'node:crypto';

import canonicalize from 'canonicalize';
import { beforeAll, describe, expect, it } from 'vitest';

import { freePort } from '../../lib/database/embedded-postgres';
import { getPool } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { getLedgerPublicInfo } from '../../lib/ledger/get-ledger-public-info';
import { issueCheckpoint } from '../../lib/ledger/issue-checkpoint';

import { pullPartnerScans } from '../../lib/scans/pull-partner-scans';
import { serveSignedIn } from '../graphql/http-server';
import { newStation, postScan, scanMetadata, syntheticImage } from '../support/scans';
import { newContainer, trackedShipment } from '../tracking/fixtures';

const { server, H } = serveSignedIn({ ADMIN: 'admin@clearway.example', NOOR: 'imaging@customs.example', OFFICER: 'officer@customs.example', TRADER: 'trader@rotterdam-importers.example' });

const FIELDS = 'id name graphqlUrl country keyId publicKey ledgerPublicKey ledgerOrigin stationCode revokedAt lastPulledAt lastPullIngested lastPullRefused lastPullError';
const REGISTER = `mutation($input: RegisterPartnerLinkInput!) { registerPartnerLink(input: $input) { link { ${FIELDS} } userErrors { path code message } } }`;
const gql = async (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => (await server.graphql({ query, variables }, headers)).json;

let n = 0;
const graphqlUrl = () => `${server.url}/api/graphql`;
const input = (extra: Record<string, unknown> = {}) => ({ name: `Self link ${++n}`, graphqlUrl: graphqlUrl(), country: 'NL', keyId: `self-${process.pid}-${n}`, ...extra });

/** Links this Clearway to itself and registers the link's key as a partner of country NL. */
async function selfLink() {
  const linked = await gql(REGISTER, { input: input() }, H.ADMIN);
  expect(linked.data.registerPartnerLink.userErrors).toEqual([]);
  const link = linked.data.registerPartnerLink.link;
  const partner = await gql(
    'mutation($input: RegisterScanPartnerInput!) { registerScanPartner(input: $input) { userErrors { message } } }',
    { input: { name: link.name, country: 'NL', keyId: link.keyId, publicKey: link.publicKey } },
    H.ADMIN,
  );
  expect(partner.data.registerScanPartner.userErrors).toEqual([]);
  return link;
}

async function stationScan() {
  const station = await newStation({ country: 'CN' });
  const containerNumber = newContainer();
  await trackedShipment({ container: containerNumber });
  const posted = await postScan(server.url, station.token, scanMetadata(station.code, containerNumber), { top: syntheticImage('png').bytes });
  expect(posted.status).toBe(201);
  return { id: posted.json.id as string, containerNumber };
}

const partnerCopies = async (remoteId: string) => (await getPool().query(`SELECT id, source::text AS source FROM scan WHERE remote_scan_id = $1`, [remoteId])).rows;
const refusalOf = async (linkId: string, remoteId: string) => (await getPool().query(`SELECT reason, attempts FROM partner_scan_refusal WHERE link_id = $1 AND remote_scan_id = $2`, [linkId, remoteId])).rows[0];

beforeAll(() => {
  // This server knows itself by its own address, so requests signed for it verify.
  process.env.PUBLIC_URL = server.url;
  resetEnvCache();
});

describe('the registry of partner links', () => {
  it('pins the ledger key it reads, generates our key pair, keeps the private key out of answers and audit', async () => {
    const { data } = await gql(REGISTER, { input: input() }, H.ADMIN);
    expect(data.registerPartnerLink.userErrors).toEqual([]);
    const link = data.registerPartnerLink.link;
    const published = await getLedgerPublicInfo();
    expect(link).toMatchObject({ graphqlUrl: graphqlUrl(), country: 'NL', ledgerPublicKey: published.publicKey, ledgerOrigin: published.origin, revokedAt: null, lastPulledAt: null, stationCode: expect.stringMatching(/^PARTNER-/) });
    expect(link.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const listed = (await gql(`{ partnerLinks { ${FIELDS} } }`, {}, H.ADMIN)).data.partnerLinks;
    expect(listed.find((l: { id: string }) => l.id === link.id)).toEqual(link);
    const [secret] = (await getPool().query(`SELECT private_key FROM partner_link_secret WHERE link_id = $1`, [link.id])).rows;
    expect(secret.private_key).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const audit = (await getPool().query(`SELECT details::text AS d FROM audit_event WHERE action = 'partner_link.register' AND target_id = $1`, [link.id])).rows;
    expect(audit).toHaveLength(1);
    expect(audit[0].d).not.toContain('PRIVATE KEY');
    // The station row that files the link's scans can never post.
    const [station] = (await getPool().query(`SELECT scopes, revoked_at FROM scan_station WHERE code = $1`, [link.stationCode])).rows;
    expect(station).toMatchObject({ scopes: [], revoked_at: expect.any(Date) });
  });

  it('uses a private key the administrator brings, and refuses one of another type', async () => {
    const keys = generateKeyPairSync('ed25519');
    const pem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const ok = await gql(REGISTER, { input: input({ privateKey: pem }) }, H.ADMIN);
    expect(ok.data.registerPartnerLink.link.publicKey.trim()).toBe(keys.publicKey.export({ type: 'spki', format: 'pem' }).toString().trim());
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const bad = await gql(REGISTER, { input: input({ privateKey: rsa }) }, H.ADMIN);
    expect(bad.data.registerPartnerLink.userErrors).toEqual([{ path: ['privateKey'], code: 'INVALID', message: 'The private key is RSA, not Ed25519.' }]);
  });

  it('names the field: a bad URL, a URL where no Clearway answers, a ledger key other than the expected one, a bad country', async () => {
    const url = await gql(REGISTER, { input: input({ graphqlUrl: 'not a url' }) }, H.ADMIN);
    expect(url.data.registerPartnerLink.userErrors[0].path).toEqual(['graphqlUrl']);
    const nobody = await gql(REGISTER, { input: input({ graphqlUrl: `http://127.0.0.1:${await freePort()}/api/graphql` }) }, H.ADMIN);
    expect(nobody.data.registerPartnerLink.userErrors[0]).toMatchObject({ path: ['graphqlUrl'], message: expect.stringContaining('could not be read') });
    const other = await gql(REGISTER, { input: input({ expectedLedgerPublicKey: Buffer.alloc(32, 7).toString('base64') }) }, H.ADMIN);
    expect(other.data.registerPartnerLink.userErrors[0]).toMatchObject({ path: ['expectedLedgerPublicKey'], message: expect.stringContaining('not the one you expected') });
    const country = await gql(REGISTER, { input: input({ country: 'Netherlands' }) }, H.ADMIN);
    expect(country.data.registerPartnerLink.userErrors[0].path).toEqual(['country']);
    expect((await getPool().query(`SELECT count(*)::int AS n FROM partner_link WHERE name = $1`, [`Self link ${n}`])).rows[0].n).toBe(0);
  });

  it('is for platform administrators only; refusals for administrators and image analysts', async () => {
    expect((await gql(REGISTER, { input: input() }, H.OFFICER)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await gql('{ partnerLinks { id } }', {}, H.NOOR)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await gql('{ partnerScanRefusals { id } }', {}, H.TRADER)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await gql('{ partnerScanRefusals { id } }', {}, H.NOOR)).errors).toBeUndefined();
  });

  it('re-pins only the key the administrator confirms; revoking twice changes nothing', async () => {
    const link = (await gql(REGISTER, { input: input() }, H.ADMIN)).data.registerPartnerLink.link;
    const REPIN = `mutation($id: ID!, $k: String!) { repinPartnerLinkLedgerKey(id: $id, expectedLedgerPublicKey: $k) { link { ledgerPublicKey } userErrors { path message } } }`;
    const wrong = await gql(REPIN, { id: link.id, k: Buffer.alloc(32, 1).toString('base64') }, H.ADMIN);
    expect(wrong.data.repinPartnerLinkLedgerKey.userErrors[0].path).toEqual(['expectedLedgerPublicKey']);
    const same = await gql(REPIN, { id: link.id, k: link.ledgerPublicKey }, H.ADMIN);
    expect(same.data.repinPartnerLinkLedgerKey).toEqual({ link: { ledgerPublicKey: link.ledgerPublicKey }, userErrors: [] });
    const REVOKE = `mutation($id: ID!) { revokePartnerLink(id: $id) { link { revokedAt } userErrors { message } } }`;
    const first = (await gql(REVOKE, { id: link.id }, H.ADMIN)).data.revokePartnerLink.link.revokedAt;
    expect((await gql(REVOKE, { id: link.id }, H.ADMIN)).data.revokePartnerLink.link.revokedAt).toBe(first);
    expect((await getPool().query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'partner_link.revoke' AND target_id = $1`, [link.id])).rows[0].n).toBe(1);
  });
});

describe('pulling', () => {
  it('anchors the metadata as canonical JSON text, recomputable from the stored JSON', async () => {
    const scan = await stationScan();
    await issueCheckpoint();
    const [row] = (await getPool().query(`SELECT metadata_canonical, metadata_sha256, metadata FROM scan WHERE id = $1`, [scan.id])).rows;
    expect(createHash('sha256').update(row.metadata_canonical).digest('hex')).toBe(row.metadata_sha256);
    expect(canonicalize(row.metadata)).toBe(row.metadata_canonical);
  });

  it('waits for a proof not yet checkpointed, then ingests; a second pull ingests nothing', async () => {
    const link = await selfLink();
    const scan = await stationScan(); // no checkpoint covers it yet
    const early = await pullPartnerScans(link.id);
    expect(early).toMatchObject({ skipped: null, error: null, refused: 0 });
    expect(early.pending).toBeGreaterThanOrEqual(1);
    expect(await partnerCopies(scan.id)).toEqual([]);
    await issueCheckpoint();
    const pulled = await pullPartnerScans(link.id);
    expect(pulled).toMatchObject({ error: null, refused: 0 });
    expect(await partnerCopies(scan.id)).toEqual([{ id: expect.any(String), source: 'PARTNER' }]);
    await issueCheckpoint();
    const again = await pullPartnerScans(link.id);
    expect(again.error).toBeNull();
    expect(await partnerCopies(scan.id)).toHaveLength(1);
    expect((await getPool().query(`SELECT count(*)::int AS n FROM scan WHERE remote_scan_id = ANY(SELECT id::text FROM scan WHERE partner_link_id = $1)`, [link.id])).rows[0].n).toBe(0);
  });

  it('refuses a scan whose metadata predates the canonical form, and records why', async () => {
    const link = await selfLink();
    const scan = await stationScan();
    await getPool().query(`UPDATE scan SET metadata_canonical = NULL WHERE id = $1`, [scan.id]);
    await issueCheckpoint();
    await pullPartnerScans(link.id);
    expect(await partnerCopies(scan.id)).toEqual([]);
    expect(await refusalOf(link.id, scan.id)).toEqual({ reason: expect.stringContaining('anchored before the canonical form'), attempts: 1 });
  });

  it('refuses every proof once the pinned key is not the ledger’s', async () => {
    const link = await selfLink();
    const scan = await stationScan();
    await issueCheckpoint();
    await getPool().query(`UPDATE partner_link SET ledger_public_key = $2 WHERE id = $1`, [link.id, Buffer.alloc(32, 9).toString('base64')]);
    await pullPartnerScans(link.id);
    expect(await partnerCopies(scan.id)).toEqual([]);
    expect((await refusalOf(link.id, scan.id)).reason).toContain("The bundle's public key is not the log's published key.");
  });

  it('records a partner that refuses our requests as the pull’s error', async () => {
    const link = (await gql(REGISTER, { input: input() }, H.ADMIN)).data.registerPartnerLink.link; // key not registered as a partner here
    const container = newContainer();
    await trackedShipment({ container });
    const summary = await pullPartnerScans(link.id);
    expect(summary.error).toMatch(/The partner refused the request \(401\)/);
    const listed = (await gql(`{ partnerLinks { id lastPullError lastPulledAt } }`, {}, H.ADMIN)).data.partnerLinks.find((l: { id: string }) => l.id === link.id);
    expect(listed).toMatchObject({ lastPullError: summary.error, lastPulledAt: expect.any(String) });
  });
});

