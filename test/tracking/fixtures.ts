// Shared set-up for the tracking tests: actors, a submitted declaration with a registered shipment on a
// fresh container, and EPCIS documents.
import { randomUUID } from 'node:crypto';

import { loadUserActor, type Actor } from '../../lib/auth/actor';
import type { Scope } from '../../lib/auth/scopes';
import { iso6346CheckDigit } from '../../lib/declarations/codes';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import type { DeclarationInput } from '../../lib/declarations/declaration-input';
import { submitDeclaration } from '../../lib/declarations/submit-declaration';
import { registerShipment, type RegisterShipmentInput } from '../../lib/tracking/register-shipment';
import { validImport } from '../declarations/fixtures';

export const trader = () => loadUserActor({ email: 'trader@rotterdam-importers.example' });
export const officer = () => loadUserActor({ email: 'officer@customs.example' });
export const kampala = () => loadUserActor({ email: 'trader@kampala-trading.example' });
export const broker = () => loadUserActor({ email: 'broker@delta-brokers.example' });

/** An API token of the actor's company, as loadTokenActor would build it. */
export function withToken(actor: Actor, scopes: Scope[] = ['events:write']): Actor {
  return { ...actor, token: { id: randomUUID(), name: 't', scopes } };
}

/** The e-seal gateway of a carrier: an API token with events:write (of the exporter's company here). */
export async function gateway(): Promise<Actor> {
  return withToken(await loadUserActor({ email: 'exports@bright-electronics.example' }));
}

/** A container number nobody else uses in this test file, with its check digit. */
export function newContainer(owner = 'TSTU'): string {
  const body = `${owner}${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
  return `${body}${iso6346CheckDigit(body)}`;
}

export const ROUTE: RegisterShipmentInput['route'] = {
  origin: { locode: 'CNSHA' },
  destination: { locode: 'NLRTM', radiusKm: 15 },
  authorizedOpenings: [{ locode: 'BEANR', radiusKm: 5 }],
};

/** The EORI of the company whose token `gateway()` is. */
export const GATEWAY_EORI = 'CN440300123456789';

/**
 * A submitted import declaration (Rotterdam importer) of one container with seal CN1234567, and its
 * shipment, with the gateway's company (`gateway()`) as its authorised carrier unless `reporters` says otherwise.
 */
export async function trackedShipment(
  options: { actor?: Actor; container?: string; input?: Partial<DeclarationInput>; route?: RegisterShipmentInput['route']; reporters?: RegisterShipmentInput['reporters'] } = {},
) {
  const actor = options.actor ?? (await trader());
  const containerNumber = options.container ?? newContainer();
  const { id: declarationId } = await createDeclarationDraft({ actor, input: validImport({ containers: [{ containerNumber, seals: ['CN1234567'] }], ...options.input }) });
  await submitDeclaration({ actor, id: declarationId });
  const reporters = options.reporters ?? [{ companyEori: GATEWAY_EORI, role: 'CARRIER' as const }];
  const { id: shipmentId } = await registerShipment({ actor, input: { declarationId, containerNumber, route: options.route ?? ROUTE, reporters } });
  return { declarationId, shipmentId, containerNumber };
}

export interface EventOptions {
  container: string;
  eventID?: string | null;
  eventTime?: string;
  offset?: string;
  action?: string;
  bizStep?: string;
  disposition?: string;
  readPoint?: string;
  position?: [number, number];
  sealState?: string;
  battery?: number;
  seals?: string[];
  extra?: Record<string, unknown>;
}

export function objectEvent(o: EventOptions): Record<string, unknown> {
  const reports = [
    ...(o.position ? [{ type: 'gs1:Angle', component: 'latitude', value: o.position[0] }, { type: 'gs1:Angle', component: 'longitude', value: o.position[1] }] : []),
    ...(o.sealState ? [{ type: 'cw:SealState', stringValue: o.sealState }] : []),
    ...(o.battery !== undefined ? [{ type: 'cw:BatteryLevel', value: o.battery }] : []),
  ];
  return {
    type: 'ObjectEvent',
    ...(o.eventID === null ? {} : { eventID: o.eventID ?? `urn:uuid:${randomUUID()}` }),
    eventTime: o.eventTime ?? new Date(Date.now() - 60_000).toISOString(),
    eventTimeZoneOffset: o.offset ?? '+00:00',
    action: o.action ?? 'OBSERVE',
    epcList: [`urn:epc:id:bic:${o.container}`, ...(o.seals ?? []).map((s) => `urn:iso:std:iso:17712:${s}`)],
    ...(o.bizStep ? { bizStep: o.bizStep } : {}),
    ...(o.disposition ? { disposition: o.disposition } : {}),
    ...(o.readPoint ? { readPoint: { id: o.readPoint } } : {}),
    ...(reports.length ? { sensorElementList: [{ sensorReport: reports }] } : {}),
    ...o.extra,
  };
}

export function epcisDocument(events: unknown[]): Record<string, unknown> {
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { cw: 'https://clearway.example/ns/epcis/' }],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: new Date().toISOString(),
    epcisBody: { eventList: events },
  };
}

export const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/** The date `n` days ago (YYYY-MM-DD): events are refused when older than TRACKING_MAX_EVENT_AGE_DAYS, so tests date them relatively. */
export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** The one answer for a container nobody tracks and for one the caller may not report for. */
export const notTracked = (c: string) => `Unknown container ${c}: no shipment of it that you may report for (none is registered, or its declarant has not named you as a reporter).`;
