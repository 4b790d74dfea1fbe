// Cross-border exchange over the real server (issue 17): platform administrators register and revoke
// partner administrations; a partner signs its request (RFC 9421, Ed25519) and pulls the scans of
// containers routed through its country, with images, regions, verdict and ledger proofs it verifies with
// lib/ledger's verifier and the log's published key only. Each refusal is its own test: bad signature,
// unknown and revoked key, stale `created`, replay, tampered body, another country's container.
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { getPool } from '../../lib/db';
import { getEnv } from '../../lib/env';
import { getLedgerPublicInfo } from '../../lib/ledger/get-ledger-public-info';
import { issueCheckpoint } from '../../lib/ledger/issue-checkpoint';
import { verifyProofBundle, type ProofBundle } from '../../lib/ledger/verify-proof';
import { signPartnerRequest } from '../../lib/scans/sign-partner-request';
import { serveSignedIn } from '../graphql/http-server';
import { newStation, postScan, scanMetadata, syntheticImage } from '../support/scans';
import { trackedShipment } from '../tracking/fixtures';

const { server, H } = serveSignedIn({ ADMIN: 'admin@clearway.example', NOOR: 'imaging@customs.example', OFFICER: 'officer@customs.example' });

const REGISTER = `mutation($input: RegisterScanPartnerInput!) { registerScanPartner(input: $input) { partner { id name country keyId publicKey revokedAt } userErrors { path code message } } }`;
const REVOKE = `mutation($id: ID!) { revokeScanPartner(id: $id) { partner { id revokedAt } userErrors { code message } } }`;
const PULL = `query($c: String, $since: DateTime, $first: Int, $after: String) { partnerScans(containerNumber: $c, since: $since, first: $first, after: $after) {
  edges { cursor node { id status containerNumber scannedAt scannerType energyKeV operator metadata station { code country } route { originLocode destinationLocode stops }
    images { sequence format bits width height sha256 ledgerLeafHash contentBase64 proof }
    annotations { imageSequence source label confidence x y width height }
    verdict { verdict note recordSha256 ledgerLeafHash record proof } } }
  pageInfo { hasNextPage endCursor } } }`;

const gql = async (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => (await server.graphql({ query, variables }, headers)).json;

function keyPair(): { publicKey: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey };
}

let partnerCount = 0;
async function newPartner(country = 'BE') {
  const keys = keyPair();
  const keyId = `partner-${process.pid}-${++partnerCount}`;
  const { data } = await gql(REGISTER, { input: { name: `Customs of ${country} ${partnerCount}`, country, keyId, publicKey: keys.publicKey } }, H.ADMIN);
  expect(data.registerScanPartner.userErrors).toEqual([]);
  return { id: data.registerScanPartner.partner.id as string, keyId, privateKey: keys.privateKey };
}

/** The server's target URI as its PUBLIC_URL names it (what a partner signs). */
const target = () => new URL('/api/graphql', getEnv().PUBLIC_URL).toString();

/** POSTs a partner request: signed as given, then optionally tampered with before sending. */
async function partnerPost(
  partner: { keyId: string; privateKey: KeyObject },
  variables: Record<string, unknown>,
  options: { created?: Date; body?: string; sendBody?: string; headers?: Record<string, string>; nonce?: string | null } = {},
) {
  const body = options.body ?? JSON.stringify({ query: PULL, variables });
  const headers = { ...(await signPartnerRequest({ url: target(), body, keyId: partner.keyId, privateKey: partner.privateKey, created: options.created, nonce: options.nonce })), ...options.headers };
  const res = await fetch(`${server.url}/api/graphql`, { method: 'POST', headers, body: options.sendBody ?? body });
  return { status: res.status, json: await res.json(), headers, body };
}

/** A scan of a container routed CNSHA → BEANR (authorised opening) → NLRTM, analysed (SUSPECT with a region), proofs checkpointed. */
async function analysedScan() {
  const station = await newStation({ country: 'CN' });
  const shipment = await trackedShipment();
  const { bytes } = syntheticImage('png', { concealment: { x: 200, y: 160, width: 30, height: 8 } });
  const atr = [{ part: 'top', label: 'CONCEALMENT_IN_STRUCTURE', confidence: 0.8, x: 195, y: 155, width: 40, height: 16 }];
  const posted = await postScan(server.url, station.token, scanMetadata(station.code, shipment.containerNumber, { atr }), { top: bytes });
  expect(posted.status).toBe(201);
  const scanId = posted.json.id as string;
  await gql('mutation($id: ID!) { claimScan(id: $id) { userErrors { message } } }', { id: scanId }, H.NOOR);
  const { data: s } = await gql('query($id: ID!) { scan(id: $id) { images { id } } }', { id: scanId }, H.NOOR);
  const decided = await gql(
    `mutation($id: ID!, $regions: [ScanRegionInput!]) { decideScan(id: $id, verdict: SUSPECT, note: "Floor concealment", regions: $regions) { userErrors { message } } }`,
    { id: scanId, regions: [{ imageId: s.scan.images[0].id, label: 'CONCEALMENT_IN_STRUCTURE', x: 190, y: 150, width: 50, height: 20, note: 'floor' }] },
    H.NOOR,
  );
  expect(decided.data.decideScan.userErrors).toEqual([]);
  await issueCheckpoint();
  return { scanId, shipment, bytes, imageSha: posted.json.images[0].sha256 as string };
}

async function auditRows(partnerId: string) {
  const { rows } = await getPool().query(`SELECT actor_id, details FROM audit_event WHERE action = 'scan.partner_pull' AND target_id = $1 ORDER BY id`, [partnerId]);
  return rows;
}

describe('the partner registry', () => {
  it('registers, lists and revokes partners (audited); refuses a private key, a non-Ed25519 key, bad PEM and a reused key id, each naming its field', async () => {
    const partner = await newPartner('BE');
    const list = await gql('{ scanPartners { id keyId country revokedAt } }', {}, H.ADMIN);
    expect(list.data.scanPartners).toContainEqual({ id: partner.id, keyId: partner.keyId, country: 'BE', revokedAt: null });

    const ed = keyPair();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const edPrivate = ed.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const cases: [Record<string, string>, string, string, RegExp][] = [
      [{ publicKey: rsa }, 'publicKey', 'INVALID', /RSA, not Ed25519/],
      [{ publicKey: edPrivate }, 'publicKey', 'INVALID', /private key/],
      [{ publicKey: '-----BEGIN PUBLIC KEY-----\nnot base64 at all\n-----END PUBLIC KEY-----' }, 'publicKey', 'INVALID', /not valid PEM/],
      [{ publicKey: 'ssh-ed25519 AAAAC3Nza' }, 'publicKey', 'INVALID', /must be PEM/],
      [{ keyId: partner.keyId }, 'keyId', 'DUPLICATE', /registered already/],
      [{ country: 'Belgium' }, 'country', 'INVALID', /ISO 3166-1/],
    ];
    for (const [change, field, code, message] of cases) {
      const input = { name: 'Some customs', country: 'BE', keyId: `fresh-${field}-${code}-${Math.random()}`, publicKey: ed.publicKey, ...change };
      const { data } = await gql(REGISTER, { input }, H.ADMIN);
      expect(data.registerScanPartner.partner, JSON.stringify(change)).toBeNull();
      expect(data.registerScanPartner.userErrors[0]).toMatchObject({ path: [field], code, message: expect.stringMatching(message) });
    }

    const officer = await gql(REGISTER, { input: { name: 'X', country: 'BE', keyId: 'officer-try', publicKey: ed.publicKey } }, H.OFFICER);
    expect(officer.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await gql('{ scanPartners { id } }', {}, H.OFFICER)).errors[0].extensions.code).toBe('FORBIDDEN');

    const revoked = await gql(REVOKE, { id: partner.id }, H.ADMIN);
    expect(revoked.data.revokeScanPartner.partner.revokedAt).not.toBeNull();
    const again = await gql(REVOKE, { id: partner.id }, H.ADMIN);
    expect(again.data.revokeScanPartner.partner.revokedAt).toBe(revoked.data.revokeScanPartner.partner.revokedAt);
    const { rows } = await getPool().query(`SELECT action FROM audit_event WHERE target_type = 'scan_partner' AND target_id = $1 ORDER BY id`, [partner.id]);
    expect(rows.map((r) => r.action)).toEqual(['scan_partner.register', 'scan_partner.revoke']);
  });
});

describe('partnerScans', () => {
  it('answers a good signed request with the scan, its image, regions, verdict and proofs that verify with only the ledger public key; audits the pull', async () => {
    const { scanId, shipment, bytes, imageSha } = await analysedScan();
    const partner = await newPartner('BE');
    const res = await partnerPost(partner, { c: shipment.containerNumber });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const [edge] = res.json.data.partnerScans.edges;
    const scan = edge.node;
    expect(scan).toMatchObject({ id: scanId, status: 'SUSPECT', containerNumber: shipment.containerNumber, station: { country: 'CN' }, route: { originLocode: 'CNSHA', destinationLocode: 'NLRTM' } });
    expect(scan.route.stops).toContain('BEANR');
    expect(JSON.parse(scan.metadata)).toMatchObject({ containerNumber: shipment.containerNumber, manufacturerModelName: 'Synthetic Portal 6 MeV' });
    expect(scan.annotations.map((a: { source: string }) => a.source).sort()).toEqual(['ANALYST', 'SCANNER']);

    // Authenticity from the answer alone + the log's published key (as /.well-known/clearway-ledger.json serves it).
    const { publicKey } = await getLedgerPublicInfo();
    const image = scan.images[0];
    const content = Buffer.from(image.contentBase64, 'base64');
    expect(content.equals(bytes)).toBe(true);
    const imageSha256 = createHash('sha256').update(content).digest('hex');
    expect(imageSha256).toBe(imageSha);
    const imageProof = JSON.parse(image.proof) as ProofBundle;
    const imageCheck = await verifyProofBundle(imageProof, { publicKey, itemSha256: imageSha256 });
    expect(imageCheck).toMatchObject({ ok: true, keyTrusted: true });
    expect(imageCheck.entry).toMatchObject({ kind: 'scan-image', ref: `scan/${scanId}/1` });

    const verdict = scan.verdict;
    expect(verdict.verdict).toBe('SUSPECT');
    const recordSha256 = createHash('sha256').update(verdict.record).digest('hex');
    expect(recordSha256).toBe(verdict.recordSha256);
    const record = JSON.parse(verdict.record);
    expect(record).toMatchObject({ scanId, verdict: 'SUSPECT', images: [imageSha256] });
    expect(record.regions.some((r: { label: string; source: string }) => r.source === 'ANALYST' && r.label === 'CONCEALMENT_IN_STRUCTURE')).toBe(true);
    const verdictCheck = await verifyProofBundle(JSON.parse(verdict.proof), { publicKey, itemSha256: recordSha256 });
    expect(verdictCheck).toMatchObject({ ok: true, keyTrusted: true });
    expect(verdictCheck.entry).toMatchObject({ kind: 'scan-verdict', ref: `scan/${scanId}/verdict` });

    // A proof tampered with does not verify (the check can fail).
    const forged = { ...imageProof, itemSha256: createHash('sha256').update('other image').digest('hex') };
    expect((await verifyProofBundle(forged, { publicKey })).ok).toBe(false);

    const audit = await auditRows(partner.id);
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBeNull();
    expect(audit[0].details).toMatchObject({ scans: 1, country: 'BE', keyId: partner.keyId, containerNumber: shipment.containerNumber, scanIds: [scanId] });
  });

  it("refuses another country's container with NOT_FOUND (the same answer as for an unknown one), and lists nothing of it without a filter", async () => {
    const { shipment, scanId } = await analysedScan();
    const us = await newPartner('US');
    const asked = await partnerPost(us, { c: shipment.containerNumber });
    expect(asked.status).toBe(404);
    expect(asked.json.data).toBeNull();
    expect(asked.json.errors[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' }, message: expect.stringContaining('routed through US') });
    const refusedAudit = await auditRows(us.id);
    expect(refusedAudit[0].details).toMatchObject({ scans: 0, country: 'US', containerNumber: shipment.containerNumber, refused: expect.stringContaining('not routed') });
    const unknown = await partnerPost(us, { c: 'CSQU3054383' });
    expect(unknown.json.errors[0].message).toBe(asked.json.errors[0].message.replace(shipment.containerNumber, 'CSQU3054383'));
    const all = await partnerPost(us, {});
    expect(all.status).toBe(200);
    expect(all.json.data.partnerScans.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(scanId);
    // The Netherlands (destination) sees it without a filter.
    const nl = await partnerPost(await newPartner('NL'), { first: 50 });
    expect(nl.json.data.partnerScans.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(scanId);
  });

  it('pages with a cursor, oldest scan first, and filters by since', async () => {
    const a = await analysedScan();
    const b = await analysedScan();
    const partner = await newPartner('BE');
    const since = new Date(Date.now() - 120_000).toISOString();
    const first = await partnerPost(partner, { first: 1, since });
    const ids: string[] = first.json.data.partnerScans.edges.map((e: { node: { id: string } }) => e.node.id);
    let page = first.json.data.partnerScans.pageInfo;
    while (page.hasNextPage) {
      const next = await partnerPost(partner, { first: 1, since, after: page.endCursor });
      ids.push(...next.json.data.partnerScans.edges.map((e: { node: { id: string } }) => e.node.id));
      page = next.json.data.partnerScans.pageInfo;
    }
    expect(ids.indexOf(a.scanId)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(b.scanId)).toBeGreaterThan(ids.indexOf(a.scanId));
    const future = await partnerPost(partner, { since: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future.json.data.partnerScans.edges).toEqual([]);
  });

  it('refuses a bad signature, an unknown key and a revoked key with 401, naming why', async () => {
    const partner = await newPartner('BE');
    const other = keyPair();
    const badSig = await partnerPost({ keyId: partner.keyId, privateKey: other.privateKey }, {});
    expect(badSig.status).toBe(401);
    expect(badSig.json.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('does not verify') });

    const unknown = await partnerPost({ keyId: 'nobody-registered-this', privateKey: other.privateKey }, {});
    expect(unknown.status).toBe(401);
    expect(unknown.json.errors[0].message).toContain('No partner administration is registered with the key id nobody-registered-this');

    await gql(REVOKE, { id: partner.id }, H.ADMIN);
    const revoked = await partnerPost(partner, {});
    expect(revoked.status).toBe(401);
    expect(revoked.json.errors[0].message).toMatch(/was revoked/);
    expect(await auditRows(partner.id)).toEqual([]);
  });

  it('refuses a stale or future created, and a signature that leaves out a required component', async () => {
    const partner = await newPartner('BE');
    const skew = getEnv().SCAN_PARTNER_MAX_SKEW_SECONDS;
    const stale = await partnerPost(partner, {}, { created: new Date(Date.now() - (skew + 60) * 1000) });
    expect(stale.status).toBe(401);
    expect(stale.json.errors[0].message).toMatch(/created \d+ s ago; at most 300 s/);
    const future = await partnerPost(partner, {}, { created: new Date(Date.now() + (skew + 60) * 1000) });
    expect(future.status).toBe(401);
    expect(future.json.errors[0].message).toMatch(/in the future/);
    const inside = await partnerPost(partner, {}, { created: new Date(Date.now() - (skew - 30) * 1000) });
    expect(inside.status).toBe(200);
    // A signature without content-digest among its components: the body would not be bound.
    const body = JSON.stringify({ query: PULL, variables: {} });
    const headers = await signPartnerRequest({ url: target(), body, keyId: partner.keyId, privateKey: partner.privateKey });
    const { httpbis } = await import('http-message-signatures');
    const { sign } = await import('node:crypto');
    const partial = await httpbis.signMessage(
      { key: { id: partner.keyId, alg: 'ed25519', sign: async (d) => sign(null, d, partner.privateKey) }, fields: ['@method', '@target-uri'], params: ['created', 'keyid'] },
      { method: 'POST', url: target(), headers: { 'content-type': 'application/json', 'content-digest': headers['content-digest']! } },
    );
    const res = await fetch(`${server.url}/api/graphql`, { method: 'POST', headers: partial.headers as Record<string, string>, body });
    expect(res.status).toBe(401);
    expect((await res.json()).errors[0].message).toContain('must cover @method, @target-uri, content-digest');
  });

  it('refuses a replayed request, also one replayed after the first was answered', async () => {
    const partner = await newPartner('BE');
    const first = await partnerPost(partner, {});
    expect(first.status).toBe(200);
    const replay = await fetch(`${server.url}/api/graphql`, { method: 'POST', headers: first.headers, body: first.body });
    expect(replay.status).toBe(401);
    expect((await replay.json()).errors[0].message).toContain('already received');
    // Two identical requests signed in the same second with distinct nonces are both answered.
    const created = new Date();
    const [x, y] = [await partnerPost(partner, {}, { created }), await partnerPost(partner, {}, { created })];
    expect([x.status, y.status]).toEqual([200, 200]);
    const { rows } = await getPool().query(`SELECT count(*)::int AS n FROM scan_partner_request WHERE partner_id = $1`, [partner.id]);
    expect(rows[0].n).toBe(3);
  });

  it('refuses a body changed after signing (Content-Digest mismatch), and a digest re-computed for the changed body (signature mismatch)', async () => {
    const partner = await newPartner('BE');
    const body = JSON.stringify({ query: PULL, variables: { c: 'CSQU3054383' } });
    const tampered = body.replace('CSQU3054383', 'MSKU1234565');
    const res = await partnerPost(partner, {}, { body, sendBody: tampered });
    expect(res.status).toBe(401);
    expect(res.json.errors[0].message).toContain('Content-Digest (sha-256) does not match the request body');
    const digest = `sha-256=:${createHash('sha256').update(tampered).digest('base64')}:`;
    const redigested = await partnerPost(partner, {}, { body, sendBody: tampered, headers: { 'content-digest': digest } });
    expect(redigested.status).toBe(401);
    expect(redigested.json.errors[0].message).toContain('does not verify');
  });

  it('is a partner-only door: a signed partner reaches nothing else, and users cannot call partnerScans', async () => {
    const partner = await newPartner('BE');
    const body = JSON.stringify({ query: '{ scanQueue { totalCount } }' });
    const headers = await signPartnerRequest({ url: target(), body, keyId: partner.keyId, privateKey: partner.privateKey });
    const res = await fetch(`${server.url}/api/graphql`, { method: 'POST', headers, body });
    expect(res.status).toBe(401);
    expect((await res.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const officer = await gql(PULL, {}, H.OFFICER);
    expect(officer.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('partner administrations only') });
  });
});
