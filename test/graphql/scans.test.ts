// Scans over the real server: a station posts a scan (POST /api/scans), analysts work the queue over
// GraphQL — claims between two analysts, regions, verdicts (SUSPECT → physical inspection, INCONCLUSIVE →
// rescan), tiles served after the job — and the comparison finds the planted difference (issue 17).
import { describe, expect, it } from 'vitest';

import { getPool } from '../../lib/db';
import { sqlOfClient } from '../../lib/database/sql';
import { runPendingJobs } from '../../lib/jobs/run-pending-jobs';
import { findOpenSuspectScan } from '../../lib/scans/find-open-suspect-scan';
import { newContainer, trackedShipment } from '../tracking/fixtures';
import { newStation, postScan, scanMetadata, syntheticImage } from '../support/scans';
import { serveSignedIn } from './http-server';

const { server, H } = serveSignedIn({
  NOOR: 'imaging@customs.example',
  TOMAS: 'imaging2@customs.example',
  OFFICER: 'officer@customs.example',
  TRADER: 'trader@rotterdam-importers.example',
  ADMIN: 'admin@clearway.example',
});

async function gql(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  return (await server.graphql({ query, variables }, headers)).json;
}

const SCAN = `query($id: ID!) { scan(id: $id) { id status processing containerNumber station { code } declaration { id status lane }
  goods { description grossMassKg } images { id format bits width height sha256 thumbnailUrl tiles { preset dziUrl } }
  annotations { source label confidence x y width height note } claim { analystEmail mine } verdict { verdict recordSha256 ledgerLeafHash } } }`;
const CLAIM = 'mutation($id: ID!) { claimScan(id: $id) { scan { id claim { analystEmail mine } } userErrors { code message } } }';
const DECIDE = `mutation($id: ID!, $verdict: ScanVerdictKind!, $regions: [ScanRegionInput!], $note: String) {
  decideScan(id: $id, verdict: $verdict, regions: $regions, note: $note) { scan { status verdict { verdict } declaration { status lane } } userErrors { code message path } } }`;

/** How often an item is in the ledger, queued or integrated. */
async function anchoredCount(sha256: string): Promise<number> {
  const { rows } = await getPool().query(`SELECT count(*)::int AS n FROM ledger_pending WHERE item_sha256 = decode($1, 'hex')`, [sha256]);
  const integrated = await getPool().query(`SELECT count(*)::int AS n FROM ledger_leaves_of(decode($1, 'hex'))`, [sha256]);
  return rows[0].n + integrated.rows[0].n;
}

async function ingested(options: { withAtr?: boolean } = {}) {
  const station = await newStation();
  const shipment = await trackedShipment();
  const { bytes } = syntheticImage('png', { concealment: { x: 200, y: 160, width: 30, height: 8 } });
  const atr = options.withAtr ? { atr: [{ part: 'top', label: 'CONCEALMENT_IN_STRUCTURE', confidence: 0.82, x: 195, y: 155, width: 40, height: 16 }] } : {};
  const posted = await postScan(server.url, station.token, scanMetadata(station.code, shipment.containerNumber, atr), { top: bytes });
  expect(posted.status).toBe(201);
  return { station, shipment, scanId: posted.json.id as string, imageSha: posted.json.images[0].sha256 as string };
}

describe('POST /api/scans', () => {
  it('stores the scan linked to the shipment and declaration, anchors its image, keeps the vendor ATR as SCANNER regions', async () => {
    const { shipment, scanId, imageSha, station } = await ingested({ withAtr: true });
    const { data } = await gql(SCAN, { id: scanId }, H.NOOR);
    expect(data.scan).toMatchObject({
      status: 'AWAITING_ANALYSIS',
      processing: 'PENDING',
      containerNumber: shipment.containerNumber,
      station: { code: station.code },
      declaration: { id: shipment.declarationId },
      images: [{ format: 'PNG', bits: 16, width: 600, height: 200, sha256: imageSha, thumbnailUrl: null, tiles: [] }],
      annotations: [{ source: 'SCANNER', label: 'CONCEALMENT_IN_STRUCTURE', confidence: 0.82, x: 195, y: 155, width: 40, height: 16 }],
    });
    expect(data.scan.goods.length).toBeGreaterThan(0);
    expect(await anchoredCount(imageSha)).toBe(1);
  });

  it('accepts a 16-bit TIFF and a DICOS file', async () => {
    const station = await newStation();
    for (const format of ['tiff', 'dicos'] as const) {
      const { containerNumber } = await trackedShipment();
      const posted = await postScan(server.url, station.token, scanMetadata(station.code, containerNumber), { top: syntheticImage(format).bytes });
      expect(posted.status, JSON.stringify(posted.json)).toBe(201);
      expect(posted.json.images[0]).toMatchObject({ format: format.toUpperCase(), bits: 16, width: 600, height: 200 });
    }
  });

  it('makes the thumbnail and the deep-zoom tiles in the job, served to analysts only', async () => {
    const { scanId } = await ingested();
    await runPendingJobs();
    const { data } = await gql(SCAN, { id: scanId }, H.NOOR);
    expect(data.scan.processing).toBe('DONE');
    const image = data.scan.images[0];
    expect(image.tiles.map((t: { preset: string }) => t.preset)).toEqual(['standard', 'low-density', 'high-density']);
    const dzi = await fetch(`${server.url}${image.tiles[0].dziUrl}`, { headers: H.NOOR });
    expect(dzi.status).toBe(200);
    expect(await dzi.text()).toContain('<Size Width="600" Height="200"/>');
    const tile = await fetch(`${server.url}/api/scans/images/${image.id}/standard_files/0/0_0.jpeg`, { headers: H.NOOR });
    expect(tile.status).toBe(200);
    expect(tile.headers.get('content-type')).toBe('image/jpeg');
    const thumb = await fetch(`${server.url}${image.thumbnailUrl}`, { headers: H.OFFICER });
    expect(thumb.status).toBe(200);
    expect((await fetch(`${server.url}${image.thumbnailUrl}`, { headers: H.TRADER })).status).toBe(403);
    expect((await fetch(`${server.url}${image.thumbnailUrl}`)).status).toBe(401);
  });
});

describe('the analysts queue', () => {
  it('lists awaiting scans with priority reasons, SLA and per-station load; traders are refused', async () => {
    const { scanId, station } = await ingested();
    const q = await gql(
      `query($f: ScanQueueFilter) { scanQueue(filter: $f, first: 5) { slaMinutes totalCount byStation { stationCode awaiting } edges { node { scan { id } priority reasons late } } pageInfo { hasNextPage } } }`,
      { f: { stationCode: station.code } },
      H.NOOR,
    );
    expect(q.data.scanQueue.totalCount).toBe(1);
    expect(q.data.scanQueue.edges[0].node.scan.id).toBe(scanId);
    expect(q.data.scanQueue.edges[0].node.reasons[0]).toMatch(/^Lane |^No lane/);
    expect(q.data.scanQueue.byStation.find((s: { stationCode: string }) => s.stationCode === station.code).awaiting).toBe(1);
    const trader = await gql('{ scanQueue { totalCount } }', {}, H.TRADER);
    expect(trader.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('lets one of two analysts claiming at once win, naming the holder to the other', async () => {
    const { scanId } = await ingested();
    const [a, b] = await Promise.all([gql(CLAIM, { id: scanId }, H.NOOR), gql(CLAIM, { id: scanId }, H.TOMAS)]);
    const results = [a.data.claimScan, b.data.claimScan];
    expect(results.filter((r) => r.userErrors.length === 0)).toHaveLength(1);
    const loser = results.find((r) => r.userErrors.length > 0);
    expect(loser.userErrors[0]).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Analyst (Noor Rahman|Tomas Berg)/) });
  });

  it('refuses a verdict on an unclaimed scan, and one by an analyst who does not hold it', async () => {
    const { scanId } = await ingested();
    const unclaimed = await gql(DECIDE, { id: scanId, verdict: 'CLEAR' }, H.NOOR);
    expect(unclaimed.data.decideScan.userErrors[0]).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Claim the scan first') });
    await gql(CLAIM, { id: scanId }, H.NOOR);
    const other = await gql(DECIDE, { id: scanId, verdict: 'CLEAR' }, H.TOMAS);
    expect(other.data.decideScan.userErrors[0].message).toContain('Analyst Noor Rahman');
    const officer = await gql(DECIDE, { id: scanId, verdict: 'CLEAR' }, H.OFFICER);
    expect(officer.errors[0].extensions.code).toBe('FORBIDDEN');
    const { rows } = await getPool().query(`SELECT status::text FROM scan WHERE id = $1`, [scanId]);
    expect(rows[0].status).toBe('AWAITING_ANALYSIS');
  });

  it('SUSPECT with a region sends the declaration to physical inspection and stays open for the gate until the inspection is recorded', async () => {
    const { scanId, shipment } = await ingested();
    await gql(CLAIM, { id: scanId }, H.NOOR);
    const { data: s } = await gql(SCAN, { id: scanId }, H.NOOR);
    const imageId = s.scan.images[0].id;
    const noRegion = await gql(DECIDE, { id: scanId, verdict: 'SUSPECT' }, H.NOOR);
    expect(noRegion.data.decideScan.userErrors[0]).toMatchObject({ path: ['regions'] });
    const outside = await gql(DECIDE, { id: scanId, verdict: 'SUSPECT', regions: [{ imageId, label: 'DRUGS', x: 590, y: 0, width: 20, height: 10 }] }, H.NOOR);
    expect(outside.data.decideScan.userErrors[0].message).toContain('outside image 1');
    const decided = await gql(
      DECIDE,
      { id: scanId, verdict: 'SUSPECT', note: 'Dense block in the floor', regions: [{ imageId, label: 'CONCEALMENT_IN_STRUCTURE', x: 195, y: 155, width: 40, height: 16, note: 'floor' }] },
      H.NOOR,
    );
    expect(decided.data.decideScan).toEqual({ scan: { status: 'SUSPECT', verdict: { verdict: 'SUSPECT' }, declaration: { status: 'UNDER_CONTROL', lane: 'RED' } }, userErrors: [] });
    const finding = await getPool().query(`SELECT reason FROM risk_finding WHERE declaration_id = $1 AND rule_key = 'xray-suspect'`, [shipment.declarationId]);
    expect(finding.rows[0].reason).toContain('concealment in structure');
    const verdict = await getPool().query(`SELECT record_sha256 FROM scan_verdict WHERE scan_id = $1`, [scanId]);
    expect(await anchoredCount(verdict.rows[0].record_sha256)).toBe(1);
    const client = await getPool().connect();
    try {
      const open = await findOpenSuspectScan(sqlOfClient(client), shipment.containerNumber);
      expect(open).toMatchObject({ scanId, declarationId: shipment.declarationId, labels: ['CONCEALMENT_IN_STRUCTURE'] });
      const inspected = await gql('mutation($id: ID!) { recordScanInspection(id: $id, note: "Opened the floor: empty") { scan { verdict { inspectedAt } } userErrors { message } } }', { id: scanId }, H.OFFICER);
      expect(inspected.data.recordScanInspection.scan.verdict.inspectedAt).toBeTruthy();
      expect(await findOpenSuspectScan(sqlOfClient(client), shipment.containerNumber)).toBeNull();
    } finally {
      client.release();
    }
    const again = await gql(CLAIM, { id: scanId }, H.TOMAS);
    expect(again.data.claimScan.userErrors[0].code).toBe('CONFLICT');
  });

  it('INCONCLUSIVE requests a rescan and leaves the declaration alone', async () => {
    const { scanId, shipment } = await ingested();
    const before = await getPool().query(`SELECT status::text, lane::text FROM declaration WHERE id = $1`, [shipment.declarationId]);
    await gql(CLAIM, { id: scanId }, H.NOOR);
    const decided = await gql(DECIDE, { id: scanId, verdict: 'INCONCLUSIVE', note: 'Image blurred' }, H.NOOR);
    expect(decided.data.decideScan.scan.status).toBe('INCONCLUSIVE');
    const { rows } = await getPool().query(`SELECT rescan_requested_at FROM scan WHERE id = $1`, [scanId]);
    expect(rows[0].rescan_requested_at).toBeInstanceOf(Date);
    const after = await getPool().query(`SELECT status::text, lane::text FROM declaration WHERE id = $1`, [shipment.declarationId]);
    expect(after.rows[0]).toEqual(before.rows[0]);
  });
});

describe('scanComparison', () => {
  it('aligns the departure and arrival scans and finds the planted difference', async () => {
    const station = await newStation({ country: 'CN' });
    const arrivalStation = await newStation({ country: 'NL' });
    const { containerNumber } = await trackedShipment();
    const planted = { x: 300, y: 60, width: 40, height: 30 };
    const departure = syntheticImage('png', { seed: 5, noiseSeed: 1 });
    const arrival = syntheticImage('png', { seed: 5, noiseSeed: 2, shift: { x: 7, y: 3 }, addedObject: planted });
    const first = await postScan(server.url, station.token, scanMetadata(station.code, containerNumber, { acquisitionDateTime: new Date(Date.now() - 86_400_000).toISOString() }), { top: departure.bytes });
    const second = await postScan(server.url, arrivalStation.token, scanMetadata(arrivalStation.code, containerNumber), { top: arrival.bytes });
    expect([first.status, second.status]).toEqual([201, 201]);
    const { data, errors } = await gql(
      'query($id: ID!) { scanComparison(scanId: $id) { departureScanId shiftX shiftY correlation regions { x y width height meanDifference } } }',
      { id: second.json.id },
      H.NOOR,
    );
    expect(errors).toBeUndefined();
    const c = data.scanComparison;
    expect(c.departureScanId).toBe(first.json.id);
    expect(Math.abs(c.shiftX - 7)).toBeLessThanOrEqual(2);
    expect(Math.abs(c.shiftY - 3)).toBeLessThanOrEqual(2);
    expect(c.regions.length).toBeGreaterThanOrEqual(1);
    // The largest changed region covers the planted object (at its shifted place).
    const r = c.regions[0];
    const cx = planted.x + 7 + planted.width / 2;
    const cy = planted.y + 3 + planted.height / 2;
    expect(cx).toBeGreaterThanOrEqual(r.x);
    expect(cx).toBeLessThanOrEqual(r.x + r.width);
    expect(cy).toBeGreaterThanOrEqual(r.y);
    expect(cy).toBeLessThanOrEqual(r.y + r.height);
    expect(r.width * r.height).toBeLessThan(4 * planted.width * planted.height);
  });
});

it('unknown container: 400 naming it, nothing kept', async () => {
  const station = await newStation();
  const container = newContainer('ZZZU');
  const before = await getPool().query('SELECT count(*)::int AS n FROM scan');
  const posted = await postScan(server.url, station.token, scanMetadata(station.code, container), { top: syntheticImage('png').bytes });
  expect(posted.status).toBe(400);
  expect(posted.json.error.message).toContain(`Unknown container ${container}`);
  expect((await getPool().query('SELECT count(*)::int AS n FROM scan')).rows[0].n).toBe(before.rows[0].n);
});
