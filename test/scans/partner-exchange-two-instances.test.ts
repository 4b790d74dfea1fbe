// The issue's two-instance test of the cross-border exchange: two Clearway instances on two databases,
// each with its own ledger key. Instance A (the exporting administration, this process's server on the
// file's database, behind a test-only reverse proxy that can alter its answers) scans the container at
// departure and gives a verdict; instance B (the importing administration, a real server process,
// bench/serve-api.ts, on a second database, with its own job worker) links to A as partner CN. The test
// only registers the two sides and asks B to pull: B's product job (pull-partner-scans) signs the request,
// verifies every proof against A's ledger key pinned at linking, and ingests. A tampered image or
// metadata is refused and recorded, not ingested; pulling twice ingests once; B's scanComparison finds
// the object planted between departure and arrival; a revoked or unknown link pulls nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import canonicalize from 'canonicalize';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';

import { freePort } from '../../lib/database/embedded-postgres';
import { disconnectDb, getPool } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { issueCheckpoint } from '../../lib/ledger/issue-checkpoint';
import { pullPartnerScans } from '../../lib/scans/pull-partner-scans';
import { serveSignedIn } from '../graphql/http-server';
import { createDatabase, dropDatabase } from '../setup/test-database';
import { asUser } from '../support/auth';
import { newStation, postScan, scanMetadata, syntheticImage } from '../support/scans';
import { newContainer, trackedShipment } from '../tracking/fixtures';

// Both instances accept the sessions this file signs (demo users have the same ids in every copy of the template).
process.env.NEXTAUTH_SECRET = 'partner-exchange-test-secret-0123456789abcdef';
resetEnvCache();

const { server: a, H } = serveSignedIn({ ADMIN: 'admin@clearway.example', ANALYST: 'imaging@customs.example' });

let bUrl = '';
let bDatabase = '';
let bChild: ChildProcess | undefined;
const bDataDir = mkdtempSync(path.join(os.tmpdir(), 'clearway-instance-b-'));

// A's front door: forwards everything to A; `tamper` alters A's partnerScans answers on the way.
let tamper: 'none' | 'image' | 'metadata' = 'none';
let proxy: http.Server | undefined;
let proxyUrl = '';

function alter(body: Buffer): Buffer {
  const json = JSON.parse(body.toString('utf8'));
  for (const { node } of json.data?.partnerScans?.edges ?? []) {
    for (const image of node.images ?? []) {
      if (tamper === 'image' && image.contentBase64) {
        const bytes = Buffer.from(image.contentBase64, 'base64');
        bytes[bytes.length - 20]! ^= 0xff;
        image.contentBase64 = bytes.toString('base64');
      }
    }
    // Still canonical JSON, so only the hash check can catch it.
    if (tamper === 'metadata' && node.metadataCanonical) node.metadataCanonical = canonicalize({ ...JSON.parse(node.metadataCanonical), operatorsName: 'Someone Else' });
  }
  return Buffer.from(JSON.stringify(json));
}

/** Runs `fn` with this process's lib pointed at instance B's database, then back at A's. */
async function onB<T>(fn: () => Promise<T>): Promise<T> {
  const aDatabase = process.env.DATABASE_URL!;
  await disconnectDb();
  process.env.DATABASE_URL = bDatabase;
  resetEnvCache();
  try {
    return await fn();
  } finally {
    await disconnectDb();
    process.env.DATABASE_URL = aDatabase;
    resetEnvCache();
  }
}

async function bGraphql(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<any> {
  const res = await fetch(`${bUrl}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return res.json();
}

const LINK_FIELDS = 'id publicKey ledgerPublicKey ledgerOrigin lastPulledAt lastPullError lastPullIngested lastPullRefused revokedAt';

/** B's pull jobs still queued or running (B's own cron may have queued one beside ours). */
async function pullJobsOnB(): Promise<number> {
  const client = new pg.Client({ connectionString: bDatabase });
  await client.connect();
  try {
    return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'pull-partner-scans'`)).rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** Asks B to pull now and waits until B's worker has finished that pull and any other one for the link. */
async function pullOnB(linkId: string): Promise<any> {
  const before = (await bGraphql(`{ partnerLinks { id lastPulledAt } }`, {}, H.ADMIN)).data.partnerLinks.find((l: any) => l.id === linkId).lastPulledAt;
  const asked = await bGraphql(`mutation($id: ID!) { requestPartnerScanPull(id: $id) { link { id } userErrors { code message } } }`, { id: linkId }, H.ADMIN);
  expect(asked.data.requestPartnerScanPull.userErrors).toEqual([]);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const idle = (await pullJobsOnB()) === 0;
    const link = (await bGraphql(`{ partnerLinks { ${LINK_FIELDS} } }`, {}, H.ADMIN)).data.partnerLinks.find((l: any) => l.id === linkId);
    if (idle && link.lastPulledAt && link.lastPulledAt !== before) return link;
    if (Date.now() > deadline) throw new Error('B did not pull within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const partnerScansOnB = () => onB(async () => (await getPool().query(`SELECT id, remote_scan_id, shipment_id, source::text AS source FROM scan WHERE source = 'PARTNER' ORDER BY created_at`)).rows);

beforeAll(async () => {
  proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const upstream = http.request(`${a.url}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (c) => parts.push(c));
        answer.on('end', () => {
          let body: Buffer = Buffer.concat(parts);
          if (tamper !== 'none' && req.url === '/api/graphql' && answer.statusCode === 200) body = alter(body);
          const headers = { ...answer.headers, 'content-length': String(body.length) };
          delete headers['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(body);
        });
      });
      upstream.on('error', () => res.writeHead(502).end());
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  // A knows itself by its front door: partners sign for that URI (RFC 9421 @target-uri).
  process.env.PUBLIC_URL = proxyUrl;
  resetEnvCache();

  bDatabase = await createDatabase(inject('adminUrl'), { template: inject('templateDb'), prefix: 'instance_b' });
  const port = await freePort();
  bUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'bench/serve-api.ts', String(port)], {
    env: { ...process.env, DATABASE_URL: bDatabase, DATA_DIR: bDataDir, PUBLIC_URL: bUrl, NODE_ENV: 'production', LOG_LEVEL: 'warn', LEDGER_CHECKPOINT_SECONDS: '1', JOB_POLL_MS: '200' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  bChild = child;
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const deadline = Date.now() + 120_000;
  while (!output.includes('serve-api ready at')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`instance B did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 180_000);

afterAll(async () => {
  if (bChild && bChild.exitCode === null) {
    const exited = new Promise((r) => bChild!.once('exit', r));
    bChild.kill('SIGTERM');
    await exited;
  }
  if (bDatabase) await dropDatabase(inject('adminUrl'), bDatabase);
  rmSync(bDataDir, { recursive: true, force: true });
  await new Promise((r) => proxy?.close(r));
});

it('B’s job pulls A’s departure scan signed, verifies it against A’s pinned ledger key, refuses tampered answers, ingests once, and B’s comparison finds the planted difference', { timeout: 180_000 }, async () => {
  const containerNumber = newContainer();
  const planted = { x: 300, y: 60, width: 40, height: 30 };
  const departure = syntheticImage('png', { seed: 5, noiseSeed: 1 });
  const arrival = syntheticImage('png', { seed: 5, noiseSeed: 2, shift: { x: 7, y: 3 }, addedObject: planted });

  // A: the container's journey CNSHA → BEANR → NLRTM, its departure scan and A's analyst's verdict.
  await trackedShipment({ container: containerNumber });
  const aStation = await newStation({ country: 'CN' });
  const scannedAt = new Date(Date.now() - 86_400_000).toISOString();
  const posted = await postScan(a.url, aStation.token, scanMetadata(aStation.code, containerNumber, { acquisitionDateTime: scannedAt }), { top: departure.bytes });
  expect(posted.status).toBe(201);
  const claimed = await a.graphql({ query: 'mutation($id: ID!) { claimScan(id: $id) { userErrors { message } } }', variables: { id: posted.json.id } }, H.ANALYST);
  expect(claimed.json.data.claimScan.userErrors).toEqual([]);
  const decided = await a.graphql({ query: 'mutation($id: ID!) { decideScan(id: $id, verdict: CLEAR, note: "Pallets as declared") { userErrors { message } } }', variables: { id: posted.json.id } }, H.ANALYST);
  expect(decided.json.data.decideScan.userErrors).toEqual([]);
  await issueCheckpoint();
  const aPublished = await (await fetch(`${a.url}/.well-known/clearway-ledger.json`)).json();

  // B: the same container's import and its arrival station.
  const b = await onB(async () => ({
    shipment: await trackedShipment({ container: containerNumber }),
    arrivalStation: await newStation({ country: 'NL' }),
    analyst: await asUser('imaging@customs.example'),
  }));

  // B's administrator links to A (through A's front door); A's ledger key is pinned from A's well-known file.
  const linked = await bGraphql(
    `mutation($input: RegisterPartnerLinkInput!) { registerPartnerLink(input: $input) { link { ${LINK_FIELDS} } userErrors { path message } } }`,
    { input: { name: 'China Customs (instance A)', graphqlUrl: `${proxyUrl}/api/graphql`, country: 'CN', keyId: 'nl-customs-instance-b' } },
    H.ADMIN,
  );
  expect(linked.data.registerPartnerLink.userErrors).toEqual([]);
  const link = linked.data.registerPartnerLink.link;
  expect(link).toMatchObject({ ledgerPublicKey: aPublished.publicKey, ledgerOrigin: aPublished.origin, lastPulledAt: null });
  expect(JSON.stringify(linked)).not.toContain('PRIVATE KEY');

  // A's administrator registers B's public key as partner NL.
  const registered = await a.graphql(
    {
      query: 'mutation($input: RegisterScanPartnerInput!) { registerScanPartner(input: $input) { partner { id } userErrors { message } } }',
      variables: { input: { name: 'Dutch Customs (instance B)', country: 'NL', keyId: 'nl-customs-instance-b', publicKey: link.publicKey } },
    },
    H.ADMIN,
  );
  expect(registered.json.data.registerScanPartner.userErrors).toEqual([]);

  // A tampered image: refused, recorded with the reason, audited, not ingested.
  tamper = 'image';
  const afterImage = await pullOnB(link.id);
  expect(afterImage).toMatchObject({ lastPullError: null, lastPullIngested: 0, lastPullRefused: 1 });
  const refusalsQuery = `query($l: ID) { partnerScanRefusals(linkId: $l) { remoteScanId containerNumber reason attempts } }`;
  let refusals = (await bGraphql(refusalsQuery, { l: link.id }, b.analyst)).data.partnerScanRefusals;
  expect(refusals).toEqual([{ remoteScanId: posted.json.id, containerNumber, reason: expect.stringMatching(/^Image 1: The bundle is for item/), attempts: 1 }]);
  expect(await partnerScansOnB()).toEqual([]);

  // Tampered metadata (still canonical JSON): refused too.
  tamper = 'metadata';
  await pullOnB(link.id);
  refusals = (await bGraphql(refusalsQuery, { l: link.id }, H.ADMIN)).data.partnerScanRefusals;
  expect(refusals).toEqual([{ remoteScanId: posted.json.id, containerNumber, reason: expect.stringMatching(/^Metadata: The bundle is for item/), attempts: 2 }]);
  expect(await partnerScansOnB()).toEqual([]);
  const audited = await onB(async () => (await getPool().query(`SELECT action, details FROM audit_event WHERE target_id = $1 ORDER BY id`, [link.id])).rows);
  expect(audited.filter((e) => e.action === 'partner_link.scan_refused')).toHaveLength(1);
  expect(JSON.stringify(audited)).not.toContain('PRIVATE KEY');

  // The honest answer: verified (images, metadata, verdict) and ingested, as a PARTNER scan of B's shipment.
  tamper = 'none';
  expect(await pullOnB(link.id)).toMatchObject({ lastPullError: null, lastPullIngested: 1, lastPullRefused: 0 });
  const ingested = await partnerScansOnB();
  expect(ingested).toEqual([{ id: expect.any(String), remote_scan_id: posted.json.id, shipment_id: b.shipment.shipmentId, source: 'PARTNER' }]);

  // Pulling again stores nothing new.
  expect(await pullOnB(link.id)).toMatchObject({ lastPullIngested: 0, lastPullRefused: 0 });
  expect(await partnerScansOnB()).toHaveLength(1);

  // B scans on arrival; its comparison pairs it with the pulled departure scan and finds the planted object.
  const arrived = await postScan(bUrl, b.arrivalStation.token, scanMetadata(b.arrivalStation.code, containerNumber), { top: arrival.bytes });
  expect(arrived.status).toBe(201);
  const compared = await bGraphql('query($id: ID!) { scanComparison(scanId: $id) { departureScanId shiftX shiftY regions { x y width height } } }', { id: arrived.json.id }, b.analyst);
  expect(compared.errors).toBeUndefined();
  const c = compared.data.scanComparison;
  expect(c.departureScanId).toBe(ingested[0].id);
  expect(Math.abs(c.shiftX - 7)).toBeLessThanOrEqual(2);
  const r = c.regions[0];
  const cx = planted.x + 7 + planted.width / 2;
  const cy = planted.y + 3 + planted.height / 2;
  expect(cx).toBeGreaterThanOrEqual(r.x);
  expect(cx).toBeLessThanOrEqual(r.x + r.width);
  expect(cy).toBeGreaterThanOrEqual(r.y);
  expect(cy).toBeLessThanOrEqual(r.y + r.height);

  // A revoked link is refused and pulls nothing; an unknown one too.
  const revoked = await bGraphql(`mutation($id: ID!) { revokePartnerLink(id: $id) { link { revokedAt } userErrors { message } } }`, { id: link.id }, H.ADMIN);
  expect(revoked.data.revokePartnerLink.link.revokedAt).not.toBeNull();
  const refused = await bGraphql(`mutation($id: ID!) { requestPartnerScanPull(id: $id) { link { id } userErrors { code message } } }`, { id: link.id }, H.ADMIN);
  expect(refused.data.requestPartnerScanPull.userErrors).toEqual([{ code: 'CONFLICT', message: expect.stringContaining('was revoked') }]);
  const unknown = await bGraphql(`mutation($id: ID!) { requestPartnerScanPull(id: $id) { link { id } } }`, { id: '00000000-0000-4000-8000-000000000000' }, H.ADMIN);
  expect(unknown.errors[0].extensions.code).toBe('NOT_FOUND');
  expect(await onB(() => pullPartnerScans(link.id))).toMatchObject({ skipped: 'revoked', ingested: 0 });
  expect(await onB(() => pullPartnerScans('00000000-0000-4000-8000-000000000000'))).toMatchObject({ skipped: 'unknown' });
});
