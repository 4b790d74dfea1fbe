// Demo journeys under electronic seal, made through the same functions gateways and officers use:
//   1. Shanghai → Rotterdam by sea, under way (positions along the route, seal intact);
//   2. Shanghai → Rotterdam, arrived: customs opens the container at Rotterdam (authorized), inspects
//      and reseals it;
//   3. Mombasa → Kampala by road: the seal reports tampering near Eldoret (alert, declaration RED).
// The demo declarations all share one container, so these journeys file declarations of their own
// (lib/declarations functions, like the declaration seed). Idempotent: skipped when they exist.
import { createHash } from 'node:crypto';

import { loadUserActor, type Actor } from '../auth/actor';
import { iso6346CheckDigit } from '../declarations/codes';
import { createDeclarationDraft } from '../declarations/create-declaration-draft';
import type { DeclarationInput } from '../declarations/declaration-input';
import { submitDeclaration } from '../declarations/submit-declaration';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { captureEpcisDocument } from './capture-epcis-document';
import { registerShipment } from './register-shipment';

const withCheckDigit = (tenChars: string) => `${tenChars}${iso6346CheckDigit(tenChars)}`;
const SEA_UNDER_WAY = withCheckDigit('MSCU765432');
const SEA_ARRIVED = withCheckDigit('TGHU881204');
const ROAD = withCheckDigit('TCNU330917');

const HOUR = 3_600_000;
type Point = [latitude: number, longitude: number];

// Sea lanes as polylines (so that interpolated positions stay at sea), and the road via Nairobi.
const SHANGHAI_ROTTERDAM: Point[] = [
  [31.23, 121.47], [22.0, 115.5], [10.0, 109.5], [1.26, 103.84], [5.9, 95.0], [6.95, 79.84], [12.5, 51.0], [12.6, 43.3], [20.0, 38.5],
  [29.97, 32.55], [31.27, 32.3], [34.0, 24.0], [37.2, 11.0], [37.0, 2.0], [36.14, -5.46], [36.9, -9.5], [43.5, -9.9], [48.5, -5.8], [50.2, -1.0], [51.0, 1.5], [51.95, 4.15],
];
const MOMBASA_KAMPALA: Point[] = [
  [-4.04, 39.67], [-3.39, 38.56], [-2.69, 38.17], [-1.29, 36.82], [-0.72, 36.43], [-0.3, 36.07], [0.51, 35.27], [0.64, 34.28], [0.44, 33.2], [0.35, 32.58],
];

/** The point a fraction `f` (0..1) of the way along a polyline, by vertex count (good enough for a demo). */
function along(line: Point[], f: number): Point {
  const x = Math.min(Math.max(f, 0), 1) * (line.length - 1);
  const i = Math.min(Math.floor(x), line.length - 2);
  const t = x - i;
  const [a, b] = [line[i]!, line[i + 1]!];
  return [+(a[0] + (b[0] - a[0]) * t).toFixed(4), +(a[1] + (b[1] - a[1]) * t).toFixed(4)];
}

/** A stable urn:uuid for a demo event, so that a re-run finds its events already stored. */
function eventId(key: string): string {
  const h = createHash('sha256').update(`clearway-demo:${key}`).digest('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface DemoEvent {
  key: string;
  at: Date;
  offset: string;
  container: string;
  action?: 'ADD' | 'OBSERVE' | 'DELETE';
  bizStep?: string;
  disposition?: string;
  locode?: string;
  position?: Point;
  sealState?: 'CLOSED' | 'OPEN' | 'TAMPERED';
  battery?: number;
  seals?: string[];
  eSeal?: string;
  source?: string;
}

function epcisDocument(events: DemoEvent[]) {
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { cw: 'https://clearway.example/ns/epcis/' }],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: new Date().toISOString(),
    epcisBody: {
      eventList: events.map((e) => ({
        type: 'ObjectEvent',
        eventID: eventId(e.key),
        eventTime: e.at.toISOString(),
        eventTimeZoneOffset: e.offset,
        action: e.action ?? 'OBSERVE',
        epcList: [`urn:epc:id:bic:${e.container}`, ...(e.seals ?? []).map((s) => `urn:iso:std:iso:17712:${s}`), ...(e.eSeal ? [`urn:iso:std:iso:18185:${e.eSeal}`] : [])],
        ...(e.bizStep ? { bizStep: e.bizStep } : {}),
        ...(e.disposition ? { disposition: e.disposition } : {}),
        ...(e.locode ? { readPoint: { id: `urn:unece:locode:${e.locode}` } } : {}),
        ...(e.source ? { 'cw:sealSource': e.source } : {}),
        ...(e.position || e.sealState || e.battery !== undefined
          ? {
              sensorElementList: [
                {
                  sensorMetadata: { time: e.at.toISOString() },
                  sensorReport: [
                    ...(e.position
                      ? [
                          { type: 'gs1:Angle', component: 'latitude', value: e.position[0], uom: 'DD' },
                          { type: 'gs1:Angle', component: 'longitude', value: e.position[1], uom: 'DD' },
                        ]
                      : []),
                    ...(e.sealState ? [{ type: 'cw:SealState', stringValue: e.sealState, ...(e.sealState === 'TAMPERED' ? { exception: 'ALARM_CONDITION' } : {}) }] : []),
                    ...(e.battery !== undefined ? [{ type: 'cw:BatteryLevel', value: e.battery, uom: 'P1' }] : []),
                  ],
                },
              ],
            }
          : {}),
      })),
    },
  };
}

/** Sealing at origin, departure, and a position every `everyHours` along the line until `until`. */
function journey(o: { container: string; seal: string; eSeal: string; line: Point[]; origin: string; offset: string; departed: Date; arrives: Date; until: Date; everyHours: number; positionOffset?: string }): DemoEvent[] {
  const events: DemoEvent[] = [
    { key: `${o.container}:sealed`, at: new Date(o.departed.getTime() - 6 * HOUR), offset: o.offset, container: o.container, action: 'ADD', bizStep: 'commissioning', disposition: 'container_closed', locode: o.origin, seals: [o.seal], eSeal: o.eSeal, source: 'SHIPPER', sealState: 'CLOSED', battery: 100 },
    { key: `${o.container}:departed`, at: o.departed, offset: o.offset, container: o.container, bizStep: 'departing', disposition: 'in_transit', locode: o.origin, position: o.line[0], sealState: 'CLOSED', battery: 99 },
  ];
  const total = o.arrives.getTime() - o.departed.getTime();
  for (let t = o.departed.getTime() + o.everyHours * HOUR, n = 1; t <= Math.min(o.until.getTime(), o.arrives.getTime()); t += o.everyHours * HOUR, n++) {
    const f = (t - o.departed.getTime()) / total;
    events.push({ key: `${o.container}:pos:${n}`, at: new Date(t), offset: o.positionOffset ?? '+00:00', container: o.container, bizStep: 'transporting', disposition: 'in_transit', position: along(o.line, f), eSeal: o.eSeal, sealState: 'CLOSED', battery: Math.max(5, Math.round(99 - 60 * f)) });
  }
  return events;
}

function demoDeclaration(o: { lrn: string; container: string; seal: string; importer: string; exporter: string; place: string; mode: number; office: string; goods: { code: string; description: string; origin: string; net: number; price: number; units?: number } }): DeclarationInput {
  return {
    lrn: o.lrn,
    type: 'IM',
    additionalType: 'A',
    procedureCode: '4000',
    additionalProcedure: '000',
    importerEori: o.importer,
    exporterEori: o.exporter,
    incoterm: 'FOB',
    incotermPlace: o.place,
    transportMode: o.mode,
    transportDocument: `TRK-${o.container}`,
    officeOfEntry: o.office,
    officeOfDeclaration: o.office,
    invoiceCurrency: 'USD',
    invoiceAmount: o.goods.price.toFixed(2),
    exchangeRate: '0.920000',
    freight: '900.00',
    insurance: '35.00',
    totalPackages: 40,
    grossMass: String(Math.round(o.goods.net * 1.08)),
    containers: [{ containerNumber: o.container, seals: [o.seal] }],
    items: [{ commodityCode: o.goods.code, description: o.goods.description, originCountry: o.goods.origin, preferenceCode: '100', packageKind: 'BG', packageCount: 40, grossMass: String(Math.round(o.goods.net * 1.08)), netMass: String(o.goods.net), itemPrice: o.goods.price.toFixed(2), ...(o.goods.units ? { supplementaryQuantity: String(o.goods.units), supplementaryUnit: 'NAR' } : {}) }],
  };
}

const token = (actor: Actor, name: string): Actor => ({ ...actor, token: { id: '00000000-0000-4000-8000-0000000000e5', name, scopes: ['events:write'] } });

async function file(actor: Actor, input: DeclarationInput): Promise<string> {
  const { id } = await createDeclarationDraft({ actor, input });
  await submitDeclaration({ actor, id });
  return id;
}

export async function seedDemoShipments(options: { now?: Date } = {}): Promise<number> {
  const sql = sqlOfClient(getPool());
  const existing = await sql(`SELECT 1 FROM shipment WHERE container_number = ANY($1::bpchar[]) LIMIT 1`, [[SEA_UNDER_WAY, SEA_ARRIVED, ROAD]]);
  if (existing.length) return 0;
  const now = options.now ?? new Date();
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);
  const [rotterdam, kampala, shipper, officer] = await Promise.all([
    loadUserActor({ email: 'trader@rotterdam-importers.example' }),
    loadUserActor({ email: 'trader@kampala-trading.example' }),
    loadUserActor({ email: 'exports@bright-electronics.example' }),
    loadUserActor({ email: 'officer@customs.example' }),
  ]);
  // The demo gateways: the shipper's e-seal gateway, authorised by the importer on each sea journey;
  // the importer's own fleet telematics on the road (a declarant reports for its own shipments).
  const shipperGateway = token(shipper, 'Bright Electronics e-seal gateway');
  const shipperReports = [{ companyEori: 'CN440300123456789', role: 'SHIPPER' as const }];
  const roadGateway = token(kampala, 'Kampala Trading fleet telematics');
  const electronics = { code: '84713000', description: 'Laptop computers, 14 inch', origin: 'CN', net: 1300, price: 286000, units: 520 };
  const seaRoute = {
    origin: { locode: 'CNSHA' },
    destination: { locode: 'NLRTM', radiusKm: 15 },
    waypoints: ['SGSIN', 'LKCMB', 'EGSUZ', 'EGPSD', 'ESALG'].map((locode) => ({ locode })),
    authorizedOpenings: [{ locode: 'BEANR' }],
  };

  // 1. Under way, three weeks out of Shanghai.
  const d1 = await file(rotterdam, demoDeclaration({ lrn: 'TRACK-SEA-0001', container: SEA_UNDER_WAY, seal: 'CN7788990', importer: 'NL123456789', exporter: 'CN440300123456789', place: 'CNSHA', mode: 1, office: 'NL000396', goods: electronics }));
  await registerShipment({ actor: rotterdam, input: { declarationId: d1, containerNumber: SEA_UNDER_WAY, route: seaRoute, reporters: shipperReports, seals: [{ type: 'MECHANICAL', number: 'CN7788990', sealClass: 'H', source: 'SHIPPER' }, { type: 'ELECTRONIC', manufacturer: 'TYDEN', serial: 'ES0048812', source: 'SHIPPER' }] } });
  await captureEpcisDocument({
    actor: shipperGateway,
    document: epcisDocument(journey({ container: SEA_UNDER_WAY, seal: 'CN7788990', eSeal: 'TYDEN:ES0048812', line: SHANGHAI_ROTTERDAM, origin: 'CNSHA', offset: '+08:00', departed: ago(21 * 24), arrives: ago(-13 * 24), until: ago(2), everyHours: 12 })),
  });

  // 2. Arrived at Rotterdam: customs opens, inspects and reseals.
  const d2 = await file(rotterdam, demoDeclaration({ lrn: 'TRACK-SEA-0002', container: SEA_ARRIVED, seal: 'CN7788991', importer: 'NL123456789', exporter: 'CN440300123456789', place: 'CNSHA', mode: 1, office: 'NL000396', goods: { ...electronics, net: 900, price: 198000, units: 360 } }));
  await registerShipment({ actor: rotterdam, input: { declarationId: d2, containerNumber: SEA_ARRIVED, route: seaRoute, reporters: shipperReports } });
  const arrived = ago(30);
  await captureEpcisDocument({
    actor: shipperGateway,
    document: epcisDocument([
      ...journey({ container: SEA_ARRIVED, seal: 'CN7788991', eSeal: 'TYDEN:ES0048813', line: SHANGHAI_ROTTERDAM, origin: 'CNSHA', offset: '+08:00', departed: ago(35 * 24), arrives: arrived, until: arrived, everyHours: 24 }),
      { key: `${SEA_ARRIVED}:arrived`, at: arrived, offset: '+01:00', container: SEA_ARRIVED, bizStep: 'arriving', disposition: 'container_closed', locode: 'NLRTM', eSeal: 'TYDEN:ES0048813', sealState: 'CLOSED', battery: 41 },
    ]),
  });
  await captureEpcisDocument({
    actor: officer,
    document: epcisDocument([
      { key: `${SEA_ARRIVED}:inspection-open`, at: ago(20), offset: '+01:00', container: SEA_ARRIVED, bizStep: 'inspecting', disposition: 'container_open', locode: 'NLRTM', position: [51.9512, 4.0461], seals: ['CN7788991'], source: 'CUSTOMS' },
      { key: `${SEA_ARRIVED}:inspection-reseal`, at: ago(19), offset: '+01:00', container: SEA_ARRIVED, bizStep: 'replacing', disposition: 'container_closed', locode: 'NLRTM', position: [51.9512, 4.0461], seals: ['NLCUS204417'], source: 'CUSTOMS' },
    ]),
  });

  // 3. Mombasa → Kampala by road, tampered with near Eldoret.
  const coffee = { code: '09011100', description: 'Green coffee beans, washed arabica', origin: 'KE', net: 19200, price: 96000 };
  const d3 = await file(kampala, demoDeclaration({ lrn: 'TRACK-ROAD-0001', container: ROAD, seal: 'KE4455667', importer: 'UG100200300', exporter: 'KE000111222', place: 'KEMBA', mode: 3, office: 'UG000100', goods: coffee }));
  await registerShipment({ actor: kampala, input: { declarationId: d3, containerNumber: ROAD, route: { origin: { locode: 'KEMBA' }, destination: { locode: 'UGKLA' }, waypoints: [{ locode: 'KENBO' }] } } });
  const road = journey({ container: ROAD, seal: 'KE4455667', eSeal: 'NEXUS:KE7731', line: MOMBASA_KAMPALA, origin: 'KEMBA', offset: '+03:00', positionOffset: '+03:00', departed: ago(60), arrives: ago(-6), until: ago(1), everyHours: 3 });
  road.push({ key: `${ROAD}:tamper`, at: ago(22), offset: '+03:00', container: ROAD, bizStep: 'transporting', disposition: 'in_transit', position: [0.5143, 35.2698], eSeal: 'NEXUS:KE7731', sealState: 'TAMPERED', battery: 62 });
  await captureEpcisDocument({ actor: roadGateway, document: epcisDocument(road) });
  return 3;
}
