// Live updates after each committed capture, for GraphQL subscriptions (graphql-ws) and the portal.
//
// Captures publish with pg_notify() inside their transaction, so PostgreSQL delivers the notification
// only if and when it commits, to every Clearway process sharing the database. Each process holds one
// LISTEN connection (taken from the shared pool while anyone subscribes, given back when the last
// subscriber leaves) and fans notifications out to its subscribers through an EventEmitter.
import { EventEmitter, on } from 'node:events';

import type pg from 'pg';

import { getPool } from '../db';
import type { ShipmentStatus } from '../generated/prisma/enums';
import { getLogger } from '../logger';

export const TRACKING_CHANNEL = 'clearway_tracking';

export interface TrackingUpdate {
  shipmentId: string;
  containerNumber: string;
  status: ShipmentStatus;
  /** Events stored by the capture for this shipment (0 for an alert without an event, e.g. a silent seal). */
  newEvents: number;
  /** Alerts the capture raised on this shipment. */
  newAlerts: number;
}

type Listener = (update: TrackingUpdate) => void;

interface State {
  emitter: EventEmitter;
  client: pg.PoolClient | null;
  connecting: Promise<void> | null;
  retry: NodeJS.Timeout | null;
}

// One listener per process, also when the module is loaded twice (custom server and Next.js bundle).
const KEY = Symbol.for('clearway.tracking-events');
function state(): State {
  const holder = globalThis as { [KEY]?: State };
  holder[KEY] ??= { emitter: new EventEmitter().setMaxListeners(0), client: null, connecting: null, retry: null };
  return holder[KEY];
}

/** The NOTIFY payloads of a capture (each well under PostgreSQL's 8,000-byte limit). */
export function trackingNotifications(updates: TrackingUpdate[]): string[] {
  return updates.map((u) => JSON.stringify(u));
}

/** Calls `listener` after every committed capture, in any process; returns the unsubscribe function. */
export function onTrackingUpdate(listener: Listener): () => void {
  const s = state();
  s.emitter.on('update', listener);
  void listen();
  return () => {
    s.emitter.off('update', listener);
    if (s.emitter.listenerCount('update') === 0) void unlisten();
  };
}

/** Resolves once this process is listening (tests; a subscription may also await it before answering). */
export async function trackingListenerReady(): Promise<void> {
  await state().connecting;
}

/** The updates as an async iterator (graphql-ws subscriptions), optionally for one container or shipment. */
export async function* trackingUpdates(filter: { containerNumber?: string; shipmentId?: string; signal?: AbortSignal } = {}): AsyncGenerator<TrackingUpdate> {
  const relay = new EventEmitter();
  const unsubscribe = onTrackingUpdate((u) => relay.emit('update', u));
  try {
    for await (const [update] of on(relay, 'update', { signal: filter.signal }) as AsyncIterable<[TrackingUpdate]>) {
      if (filter.containerNumber && update.containerNumber !== filter.containerNumber) continue;
      if (filter.shipmentId && update.shipmentId !== filter.shipmentId) continue;
      yield update;
    }
  } catch (error) {
    if (!(error instanceof Error && error.name === 'AbortError')) throw error;
  } finally {
    unsubscribe();
  }
}

/** Shutdown: drop every subscriber and give the LISTEN connection back (before closing the pool). */
export async function closeTrackingListener(): Promise<void> {
  const s = state();
  s.emitter.removeAllListeners('update');
  if (s.retry) clearTimeout(s.retry);
  s.retry = null;
  await unlisten();
}

async function listen(): Promise<void> {
  const s = state();
  if (s.client || s.connecting) return s.connecting ?? undefined;
  s.connecting = (async () => {
    try {
      const client = await getPool().connect();
      client.on('notification', (msg) => {
        if (msg.channel !== TRACKING_CHANNEL || !msg.payload) return;
        try {
          s.emitter.emit('update', JSON.parse(msg.payload) as TrackingUpdate);
        } catch (err) {
          getLogger().warn({ err }, 'unreadable tracking notification');
        }
      });
      // A dropped connection is replaced while anyone listens; updates in between are missed (clients
      // re-read the timeline when they reconnect, as after any gap).
      client.on('error', (err) => {
        getLogger().warn({ err }, 'tracking listener connection lost');
        if (s.client === client) s.client = null;
        client.release(err);
        scheduleRetry();
      });
      await client.query(`LISTEN ${TRACKING_CHANNEL}`);
      if (s.emitter.listenerCount('update') === 0) {
        // Everyone left while connecting.
        await client.query(`UNLISTEN ${TRACKING_CHANNEL}`).catch(() => undefined);
        client.release();
        return;
      }
      s.client = client;
    } catch (err) {
      getLogger().warn({ err }, 'could not listen for tracking updates');
      scheduleRetry();
    } finally {
      s.connecting = null;
    }
  })();
  return s.connecting;
}

function scheduleRetry(): void {
  const s = state();
  if (s.retry || s.emitter.listenerCount('update') === 0) return;
  s.retry = setTimeout(() => {
    s.retry = null;
    if (s.emitter.listenerCount('update') > 0) void listen();
  }, 1_000);
  s.retry.unref();
}

async function unlisten(): Promise<void> {
  const s = state();
  await s.connecting;
  const client = s.client;
  if (!client || s.emitter.listenerCount('update') > 0) return;
  s.client = null;
  try {
    await client.query(`UNLISTEN ${TRACKING_CHANNEL}`);
    client.release();
  } catch (err) {
    client.release(err instanceof Error ? err : true);
  }
}
