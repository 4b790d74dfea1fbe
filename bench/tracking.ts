// How fast are electronic-seal events captured, next to writing the same rows with plain SQL, and how
// fast is a page of a long timeline?
//   (a) product: captureEpcisDocument, in-process (the function the REST and GraphQL transports call;
//       no HTTP in front), one EPCIS 2.0 JSON-LD document of --doc events at a time: JSON-schema
//       validation (epcis2.js), mapping, shipment lookup and lock, one INSERT … SELECT FROM
//       json_to_recordset … ON CONFLICT (event_id) DO NOTHING, the seal rules, the shipment update, the
//       capture record, audit row and NOTIFY, in one transaction;
//   (b) baseline: the same rows — the capture row keeping the document as received, and the
//       seal_event rows (same columns) — in one statement per document (a multi-row INSERT … VALUES,
//       the capture row in a CTE) through `pg`: no validation, no rules, no lock, no audit.
// The two paths alternate in rounds on one fresh embedded PostgreSQL, so both see the same table
// sizes, each --concurrency documents at a time (default 2, the CPUs of the reference machine). Then: getTrackingTimeline pages (50 events) at random positions of a container
// holding half the events (100,000 by default), p50/p99, with the plan of the page query.
//
//   npm run bench:tracking [-- --events 200000 --doc 1000 --concurrency 2 --pages 500 --warmup 5]
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { loadUserActor, type Actor } from '../lib/auth/actor';
import { iso6346CheckDigit } from '../lib/declarations/codes';
import { createDeclarationDraft } from '../lib/declarations/create-declaration-draft';
import { submitDeclaration } from '../lib/declarations/submit-declaration';
import { encodeCursor } from '../lib/pagination';
import { captureEpcisDocument } from '../lib/tracking/capture-epcis-document';
import { getTrackingTimeline } from '../lib/tracking/get-tracking-timeline';
import { registerShipment } from '../lib/tracking/register-shipment';
import { validImport } from '../test/declarations/fixtures';
import { promisePool, percentile, runBench } from './support';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '200000' },
    doc: { type: 'string', default: '1000' },
    pages: { type: 'string', default: '500' },
    warmup: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '2' },
  },
});
const EVENTS = Number(values.events);
const DOC = Number(values.doc);
const PAGES = Number(values.pages);
const WARMUP = Number(values.warmup);
const CONCURRENCY = Number(values.concurrency);
/** The two paths alternate in this many rounds, so that both write to tables of the same sizes. */
const ROUNDS = 10;
for (const [name, value] of Object.entries({ events: EVENTS, doc: DOC, pages: PAGES, warmup: WARMUP, concurrency: CONCURRENCY })) {
  if (!Number.isInteger(value) || value < (name === 'warmup' ? 0 : 1)) throw new Error(`--${name} must be a positive integer`);
}
if (EVENTS % DOC) throw new Error('--events must be a multiple of --doc');
if ((EVENTS / DOC) % ROUNDS && EVENTS / DOC > ROUNDS) throw new Error(`--events / --doc must be a multiple of ${ROUNDS}`);
const GOAL_RATE = 10_000;
const GOAL_P99_MS = 30;

const container = (owner: string, n: number) => {
  const body = `${owner}${String(n).padStart(6, '0')}`;
  return `${body}${iso6346CheckDigit(body)}`;
};

/** A realistic e-seal reading: position, seal state, battery, with its own eventID. */
function event(containerNumber: string, at: Date, i: number) {
  return {
    type: 'ObjectEvent',
    eventID: `urn:uuid:${randomUUID()}`,
    eventTime: at.toISOString(),
    eventTimeZoneOffset: '+00:00',
    action: 'OBSERVE',
    epcList: [`urn:epc:id:bic:${containerNumber}`],
    bizStep: 'transporting',
    disposition: 'in_transit',
    readPoint: { id: 'urn:epc:id:sgln:4012345.00001.0' },
    sensorElementList: [
      {
        sensorMetadata: { time: at.toISOString(), deviceID: 'urn:iso:std:iso:18185:TYDEN:ES0048812' },
        sensorReport: [
          { type: 'gs1:Angle', component: 'latitude', value: +(10 + (i % 4000) / 200).toFixed(4), uom: 'DD' },
          { type: 'gs1:Angle', component: 'longitude', value: +(60 + (i % 5000) / 100).toFixed(4), uom: 'DD' },
          { type: 'cw:SealState', stringValue: 'CLOSED' },
          { type: 'cw:BatteryLevel', value: 90 - (i % 50), uom: 'P1' },
        ],
      },
    ],
  };
}

function document(events: unknown[]) {
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { cw: 'https://clearway.example/ns/epcis/' }],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: new Date().toISOString(),
    epcisBody: { eventList: events },
  };
}

const COLUMNS = ['event_id', 'reporter', 'shipment_id', 'kind', 'event_time', 'time_zone_offset', 'biz_step', 'disposition', 'locode', 'read_point', 'latitude', 'longitude', 'seal_numbers', 'e_seal', 'battery_percent', 'source', 'reported_by_id', 'company_id', 'token_id', 'capture_id', 'event_index'];
const CASTS = ['text', 'text', 'uuid', 'seal_event_kind', 'timestamptz', 'text', 'text', 'text', 'bpchar', 'text', 'float8', 'float8', 'text[]', 'text', 'float8', 'seal_source', 'uuid', 'uuid', 'uuid', 'uuid', 'int'];

/** The rows the product writes for a document, in one statement (the baseline). */
async function insertPlain(db: pg.Pool, shipmentId: string, actor: Actor, events: ReturnType<typeof event>[]): Promise<void> {
  const captureId = randomUUID();
  const params: unknown[] = [captureId, JSON.stringify(document(events)), events.length, actor.userId, actor.companyId, actor.token!.id];
  const rows = events.map((e, i) => {
    const reports = e.sensorElementList[0]!.sensorReport;
    const row = [e.eventID, `company:${actor.companyId}`, shipmentId, 'VERIFIED', e.eventTime, e.eventTimeZoneOffset, e.bizStep, e.disposition, null, e.readPoint.id, reports[0]!.value, reports[1]!.value, [], 'TYDEN:ES0048812', reports[3]!.value, null, actor.userId, actor.companyId, actor.token!.id, captureId, i];
    return `(${row.map((v, j) => `$${params.push(v)}::${CASTS[j]}`).join(', ')})`;
  });
  await db.query(
    `WITH capture AS (
       INSERT INTO epcis_capture (id, status, document, event_count, stored_count, actor_id, company_id, token_id, finished_at)
       VALUES ($1::uuid, 'SUCCEEDED', $2::json, $3, $3, $4::uuid, $5::uuid, $6::uuid, now()))
     INSERT INTO seal_event (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`,
    params,
  );
}

/** Runs task(0..count-1), `concurrency` at a time; the first failure is thrown. */

const ms = (x: number) => `${x.toFixed(1).padStart(7)} ms`;
const rate = (n: number, msTotal: number) => (n / (msTotal / 1000)).toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

runBench({ env: { SEED_DEMO: 'true', EPCIS_MAX_EVENTS: String(Math.max(10_000, DOC)) }, prepare: { demoDeclarations: false } }, async ({ databaseUrl, cleanup }) => {
  const db = new pg.Pool({ connectionString: databaseUrl, max: CONCURRENCY });
  cleanup(() => db.end());
  db.on('error', () => undefined);

  // One declaration per path with a shipment each: the product's container holds half the events
  // (the timeline subject), the baseline writes the same number of rows to its own shipment.
  const trader = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
  const shipper = await loadUserActor({ email: 'exports@bright-electronics.example' });
  const gateway: Actor = { ...shipper, token: { id: randomUUID(), name: 'bench gateway', scopes: ['events:write'] } };
  const containers = { product: container('BNCU', 1), other: container('BNCU', 2), baseline: container('BNCU', 3), warmup: container('BNCU', 4) };
  const shipments: Record<string, string> = {};
  for (const [name, containerNumber] of Object.entries(containers)) {
    const { id: declarationId } = await createDeclarationDraft({ actor: trader, input: validImport({ lrn: `BENCH-${name}`, containers: [{ containerNumber, seals: ['CN1234567'] }] }) });
    await submitDeclaration({ actor: trader, id: declarationId });
    shipments[name] = (await registerShipment({ actor: trader, input: { declarationId, containerNumber, route: { origin: { locode: 'CNSHA' }, destination: { locode: 'NLRTM' } }, reporters: [{ companyEori: 'CN440300123456789', role: 'CARRIER' }] } })).id;
  }

  const documents = EVENTS / DOC;
  const start = Date.now() - 150 * 86_400_000;
  let clock = 0;
  const batch = (containerNumber: string) => Array.from({ length: DOC }, () => event(containerNumber, new Date(start + clock++ * 30_000), clock));

  for (let i = 0; i < WARMUP; i++) {
    await captureEpcisDocument({ actor: gateway, document: document(batch(containers.warmup)) });
    await insertPlain(db, shipments.warmup!, gateway, batch(containers.warmup));
  }

  // Rounds alternate the order of the paths; in a round each path sends its share of the documents,
  // CONCURRENCY at a time (the product's two containers alternate, so concurrent documents of one
  // gateway do not queue on one shipment's lock). Rates are events over the summed wall time.
  const product: number[] = [];
  const baseline: number[] = [];
  const wall = { product: 0, baseline: 0 };
  const rounds = Math.min(ROUNDS, documents);
  const perRound = documents / rounds;
  let sent = 0;
  for (let round = 0; round < rounds; round++) {
    for (const name of round % 2 ? (['baseline', 'product'] as const) : (['product', 'baseline'] as const)) {
      const docs = Array.from({ length: perRound }, (_, i) => (name === 'product' ? batch(i % 2 ? containers.other : containers.product) : batch(containers.baseline)));
      const started = performance.now();
      await promisePool(docs.length, CONCURRENCY, async (i) => {
        const t = performance.now();
        if (name === 'product') {
          const outcome = await captureEpcisDocument({ actor: gateway, document: document(docs[i]!) });
          if (outcome.storedCount !== DOC) throw new Error(`a document stored ${outcome.storedCount} of ${DOC} events`);
          product.push(performance.now() - t);
        } else {
          await insertPlain(db!, shipments.baseline!, gateway, docs[i]!);
          baseline.push(performance.now() - t);
        }
      });
      wall[name] += performance.now() - started;
    }
    sent += perRound * DOC;
    console.error(`  … ${sent.toLocaleString('en')} events per path`);
  }
  const productRate = EVENTS / (wall.product / 1000);
  const baselineRate = EVENTS / (wall.baseline / 1000);

  // Timeline pages at random positions of the product's container.
  const { rows: counted } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM seal_event WHERE shipment_id = $1`, [shipments.product]);
  const total = counted[0]!.n;
  await db.query('ANALYZE seal_event');
  const { rows: keys } = await db.query<{ t: Date; id: string }>(
    `SELECT event_time AS t, id::text AS id FROM seal_event WHERE shipment_id = $1 ORDER BY random() LIMIT $2`,
    [shipments.product, PAGES],
  );
  const cursors = keys.map((k) => encodeCursor('timeline', `${k.t.toISOString()}|${k.id}`));
  for (let i = 0; i < 20; i++) await getTrackingTimeline({ actor: trader, containerNumber: containers.product, first: 50, after: cursors[i % cursors.length] });
  const pageTimes: number[] = [];
  for (let i = 0; i < PAGES; i++) {
    const t = performance.now();
    const page = await getTrackingTimeline({ actor: trader, containerNumber: containers.product, first: 50, after: i % 10 === 0 ? undefined : cursors[i % cursors.length] });
    pageTimes.push(performance.now() - t);
    if (page.totalCount !== total || (page.edges.length === 0 && page.pageInfo.hasNextPage)) throw new Error('timeline page inconsistent');
  }
  const sample = keys[0]!;
  const { rows: plan } = await db.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) SELECT e.id FROM seal_event e WHERE e.shipment_id = $1 AND (e.event_time, e.id) > ($2::timestamptz, $3::bigint) ORDER BY e.event_time, e.id LIMIT 51`,
    [shipments.product, sample.t, sample.id],
  );

  const cpus = os.cpus();
  const p99 = percentile(pageTimes, 0.99);
  console.log('');
  console.log(`${EVENTS.toLocaleString('en')} events per path in ${documents} EPCIS 2.0 documents of ${DOC.toLocaleString('en')} events, ${CONCURRENCY} at a time, ${rounds} alternating rounds, after ${WARMUP} warm-up documents per path`);
  console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (other processes on this machine skew the figures)`);
  console.log(`product in-process (captureEpcisDocument, no HTTP); machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), Node ${process.version}; PostgreSQL embedded, same machine`);
  console.log('');
  console.log('                                                        events/s     p50/document   p99/document');
  console.log(`  product: captureEpcisDocument                      ${rate(EVENTS, wall.product).padStart(10)}     ${ms(percentile(product, 0.5))}     ${ms(percentile(product, 0.99))}`);
  console.log(`  baseline: same rows, one multi-row INSERT/document ${rate(EVENTS, wall.baseline).padStart(10)}     ${ms(percentile(baseline, 0.5))}     ${ms(percentile(baseline, 0.99))}`);
  console.log(`  ratio baseline/product: ${(baselineRate / productRate).toFixed(2)}x   (goal >= ${GOAL_RATE.toLocaleString('en')} events/s: ${productRate >= GOAL_RATE ? 'met' : 'NOT met'})`);
  console.log('');
  console.log(`timeline: getTrackingTimeline, pages of 50 at random positions of a container with ${total.toLocaleString('en')} events (${PAGES} pages, in-process)`);
  console.log(`  p50 ${ms(percentile(pageTimes, 0.5))}   p99 ${ms(p99)}   max ${ms(Math.max(...pageTimes))}   (goal p99 < ${GOAL_P99_MS} ms: ${p99 < GOAL_P99_MS ? 'met' : 'NOT met'})`);
  console.log('  page query plan:');
  for (const line of plan) console.log(`    ${line['QUERY PLAN']}`);
});
