// Business events as they commit, for Subscription.declarationEvents. recordBusinessEvent NOTIFYs on the
// `business_event` channel inside its transaction, so PostgreSQL delivers to every Clearway process, and
// only on commit. Each process holds one LISTEN connection while anyone subscribes (the pattern of
// lib/tracking/tracking-events.ts), and each subscriber reads the event and checks it against the policy
// (the same as webhooks) before yielding it.
import { EventEmitter, on } from 'node:events';

import type pg from 'pg';

import type { Actor } from '../auth/actor';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { getLogger } from '../logger';
import { loadEventSubject, mayReceiveEvent } from './event-audience';
import { EVENT_CHANNEL } from './record-business-event';
import { EVENT_COLUMNS, type EventRow } from './webhook-body';

interface Notice {
  id: string;
  declarationId: string | null;
  companyId: string | null;
}

interface State {
  emitter: EventEmitter;
  client: pg.PoolClient | null;
  connecting: Promise<void> | null;
}

const KEY = Symbol.for('clearway.business-event-stream');
function state(): State {
  const holder = globalThis as { [KEY]?: State };
  holder[KEY] ??= { emitter: new EventEmitter().setMaxListeners(0), client: null, connecting: null };
  return holder[KEY];
}

async function listen(): Promise<void> {
  const s = state();
  if (s.client || s.connecting) return s.connecting ?? undefined;
  s.connecting = (async () => {
    try {
      const client = await getPool().connect();
      client.on('notification', (msg) => {
        if (msg.channel === EVENT_CHANNEL && msg.payload) s.emitter.emit('event', JSON.parse(msg.payload) as Notice);
      });
      client.on('error', (err) => {
        getLogger().warn({ err }, 'business event listener connection lost');
        if (s.client === client) s.client = null;
        client.release(err);
      });
      await client.query(`LISTEN ${EVENT_CHANNEL}`);
      s.client = client;
    } finally {
      s.connecting = null;
    }
  })();
  return s.connecting;
}

async function unlistenIfIdle(): Promise<void> {
  const s = state();
  await s.connecting;
  const client = s.client;
  if (!client || s.emitter.listenerCount('event') > 0) return;
  s.client = null;
  await client.query(`UNLISTEN ${EVENT_CHANNEL}`).then(() => client.release(), (err: Error) => client.release(err));
}

/** Shutdown: drop subscribers and give the LISTEN connection back. */
export async function closeBusinessEventStream(): Promise<void> {
  state().emitter.removeAllListeners('event');
  await unlistenIfIdle();
}

/** The events `actor` may see, as they commit (optionally of one declaration); resolves listening before the first. */
export async function businessEventStream(actor: Actor, filter: { declarationId?: string | null; signal?: AbortSignal } = {}): Promise<AsyncGenerator<EventRow>> {
  const s = state();
  const relay = new EventEmitter();
  const forward = (n: Notice) => relay.emit('event', n);
  s.emitter.on('event', forward);
  await listen();
  const sql = sqlOfClient(getPool());
  const scopes = actor.token ? (['notifications:read'] as const) : undefined;
  return (async function* () {
    try {
      for await (const [notice] of on(relay, 'event', { signal: filter.signal }) as AsyncIterable<[Notice]>) {
        if (filter.declarationId && notice.declarationId !== filter.declarationId) continue;
        const [event] = await sql<EventRow>(`SELECT ${EVENT_COLUMNS} FROM business_event e WHERE e.id = $1::bigint`, [notice.id]);
        if (event && mayReceiveEvent(actor, await loadEventSubject(sql, event), scopes)) yield event;
      }
    } catch (error) {
      if (!(error instanceof Error && error.name === 'AbortError')) throw error;
    } finally {
      s.emitter.off('event', forward);
      void unlistenIfIdle();
    }
  })();
}
