// The issue's two-instance test of the cross-border exchange: two Clearway instances on two databases,
// each with its own ledger key. Instance A (the exporting administration, this process's server on the
// file's database) scans the container at departure; instance B (the importing administration, a real
// server process, bench/serve-api.ts, on a second database) is registered in A as partner NL, pulls the
// scan with its RFC 9421 signed request, verifies the image's ledger proof against A's published key
// (/.well-known/clearway-ledger.json) and nothing else, ingests it as its departure scan, scans the
// container on arrival, and B's scanComparison finds the object planted between the two.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, expect, inject, it } from 'vitest';

import { freePort } from '../../lib/database/embedded-postgres';
import { disconnectDb } from '../../lib/db';
import { getEnv, resetEnvCache } from '../../lib/env';
import { issueCheckpoint } from '../../lib/ledger/issue-checkpoint';
import { verifyProofBundle } from '../../lib/ledger/verify-proof';
import { signPartnerRequest } from '../../lib/scans/sign-partner-request';
import { serveSignedIn } from '../graphql/http-server';
import { createDatabase, dropDatabase } from '../setup/test-database';
import { asUser } from '../support/auth';
import { newStation, postScan, scanMetadata, syntheticImage } from '../support/scans';
import { newContainer, trackedShipment } from '../tracking/fixtures';

// Both instances accept the sessions this file signs (demo users have the same ids in every copy of the template).
process.env.NEXTAUTH_SECRET = 'partner-exchange-test-secret-0123456789abcdef';
resetEnvCache();

const { server: a, H } = serveSignedIn({ ADMIN: 'admin@clearway.example' });

let bUrl = '';
let bDatabase = '';
let bChild: ChildProcess | undefined;
const bDataDir = mkdtempSync(path.join(os.tmpdir(), 'clearway-instance-b-'));

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

beforeAll(async () => {
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
});

it('scans at departure in A, B pulls it signed, verifies its proof with A’s key only, ingests it, scans on arrival, and B’s comparison finds the planted difference', { timeout: 120_000 }, async () => {
  const containerNumber = newContainer();
  const planted = { x: 300, y: 60, width: 40, height: 30 };
  const departure = syntheticImage('png', { seed: 5, noiseSeed: 1 });
  const arrival = syntheticImage('png', { seed: 5, noiseSeed: 2, shift: { x: 7, y: 3 }, addedObject: planted });

  // A: the container's journey CNSHA → BEANR → NLRTM, and its departure scan; B registered as partner NL.
  await trackedShipment({ container: containerNumber });
  const aStation = await newStation({ country: 'CN' });
  const scannedAt = new Date(Date.now() - 86_400_000).toISOString();
  const posted = await postScan(a.url, aStation.token, scanMetadata(aStation.code, containerNumber, { acquisitionDateTime: scannedAt }), { top: departure.bytes });
  expect(posted.status).toBe(201);
  await issueCheckpoint();
  const bKeys = generateKeyPairSync('ed25519');
  const registered = await a.graphql(
    {
      query: 'mutation($input: RegisterScanPartnerInput!) { registerScanPartner(input: $input) { partner { id } userErrors { message } } }',
      variables: { input: { name: 'Dutch Customs (instance B)', country: 'NL', keyId: 'nl-customs-instance-b', publicKey: bKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString() } },
    },
    H.ADMIN,
  );
  expect(registered.json.data.registerScanPartner.userErrors).toEqual([]);
  const aTarget = new URL('/api/graphql', getEnv().PUBLIC_URL).toString();
  const aPublished = await (await fetch(`${a.url}/.well-known/clearway-ledger.json`)).json();

  // B: the same container's import, its arrival station, and the station its partner imports come in by.
  const b = await onB(async () => ({
    shipment: await trackedShipment({ container: containerNumber }),
    importStation: await newStation({ country: 'CN' }),
    arrivalStation: await newStation({ country: 'NL' }),
    analyst: await asUser('imaging@customs.example'),
  }));

  // B pulls from A with its signed request (as B's integration does; lib/scans/sign-partner-request.ts).
  const body = JSON.stringify({
    query: `query($c: String) { partnerScans(containerNumber: $c) { edges { node { id containerNumber scannedAt operator scannerType energyKeV
      images { sequence view sha256 contentBase64 proof } } } } }`,
    variables: { c: containerNumber },
  });
  const headers = await signPartnerRequest({ url: aTarget, body, keyId: 'nl-customs-instance-b', privateKey: bKeys.privateKey });
  const pulled = await fetch(`${a.url}/api/graphql`, { method: 'POST', headers, body });
  const pulledJson = await pulled.json();
  expect(pulled.status, JSON.stringify(pulledJson)).toBe(200);
  const [{ node: scan }] = pulledJson.data.partnerScans.edges;
  const image = scan.images[0];
  const bytes = Buffer.from(image.contentBase64, 'base64');

  // B checks authenticity without trusting A's server: the bytes hash to the proved item, the proof leads
  // to a checkpoint signed by A's published key.
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const check = await verifyProofBundle(JSON.parse(image.proof), { publicKey: aPublished.publicKey, itemSha256: sha256, origin: aPublished.origin });
  expect(check, check.problems.join(' ')).toMatchObject({ ok: true, keyTrusted: true });
  expect(check.entry).toMatchObject({ kind: 'scan-image', ref: `scan/${scan.id}/1` });
  // A tampered image would not pass that check.
  const flipped = Buffer.from(bytes);
  flipped[flipped.length - 20]! ^= 0xff;
  const tamperedCheck = await verifyProofBundle(JSON.parse(image.proof), { publicKey: aPublished.publicKey, itemSha256: createHash('sha256').update(flipped).digest('hex') });
  expect(tamperedCheck.ok).toBe(false);

  // B ingests it as its departure scan (its own POST /api/scans, at A's scan time), then scans on arrival.
  const imported = await postScan(
    bUrl,
    b.importStation.token,
    { containerNumber, stationName: b.importStation.code, acquisitionDateTime: scan.scannedAt, operatorsName: scan.operator, manufacturerModelName: scan.scannerType, energyKeV: scan.energyKeV, images: [{ part: 'top', view: image.view }] },
    { top: bytes },
  );
  expect(imported.status, JSON.stringify(imported.json)).toBe(201);
  expect(imported.json.images[0].sha256).toBe(sha256);
  expect(imported.json.shipmentId).toBe(b.shipment.shipmentId);
  const arrived = await postScan(bUrl, b.arrivalStation.token, scanMetadata(b.arrivalStation.code, containerNumber), { top: arrival.bytes });
  expect(arrived.status).toBe(201);

  const compared = await fetch(`${bUrl}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...b.analyst },
    body: JSON.stringify({ query: 'query($id: ID!) { scanComparison(scanId: $id) { departureScanId shiftX shiftY regions { x y width height } } }', variables: { id: arrived.json.id } }),
  });
  const { data, errors } = await compared.json();
  expect(errors).toBeUndefined();
  const c = data.scanComparison;
  expect(c.departureScanId).toBe(imported.json.id);
  expect(Math.abs(c.shiftX - 7)).toBeLessThanOrEqual(2);
  const r = c.regions[0];
  const cx = planted.x + 7 + planted.width / 2;
  const cy = planted.y + 3 + planted.height / 2;
  expect(cx).toBeGreaterThanOrEqual(r.x);
  expect(cx).toBeLessThanOrEqual(r.x + r.width);
  expect(cy).toBeGreaterThanOrEqual(r.y);
  expect(cy).toBeLessThanOrEqual(r.y + r.height);
});
