// API token → its row, kept a few seconds per process: a gate reader or a seal gateway calls many times a
// second, and the lookup was one of every call's round trips (bench/gates.ts). A token that is revoked,
// changed or deleted is announced by the database itself (the trigger of migration
// api_token_change_notify, whichever code path changed it) to every Clearway process, which forgets it
// at once; this process forgets its own revocations without waiting for the notice (forgetApiToken).
// Nothing is cached while this process is not listening (before the listener connected, after its
// connection was lost), so a lost notice cannot leave a revoked token usable. What a notice cannot beat
// (a request admitted in the milliseconds between the revoking commit and the notice) the writes that
// matter check in their own statement (lib/gates/decide-gate.ts re-checks revoked_at).
import pg from 'pg';

import { getLogger } from '../logger';

export const API_TOKEN_CHANNEL = 'clearway_api_token_changed';
const TTL_MS = 5_000;
const RETRY_MS = 1_000;
const MAX_ENTRIES = 10_000;

export interface TokenActorCache<T> {
  /** The cached row for a token's hash, or undefined. */
  get(hash: string): T | undefined;
  /** A counter that moves on every forget: a row read before it moved may be stale. */
  version(): number;
  /**
   * Keeps a row for TTL_MS, only while the process listens for changes, and only if nothing was forgotten
   * since `version` (read before the row was): a notice that came while the row was read wins.
   */
  set(hash: string, tokenId: string, value: T, version: number): void;
  /** Forgets a token by id (its revocation in this process, or another's notice). */
  forget(tokenId: string): void;
  /** Resolves once the listener is connected (tests; requests never wait for it). */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

export function createTokenActorCache<T>(options: { url: string; ttlMs?: number; now?: () => number }): TokenActorCache<T> {
  const ttl = options.ttlMs ?? TTL_MS;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { tokenId: string; value: T; until: number }>();
  let client: pg.Client | null = null;
  let listening = false;
  let connecting: Promise<boolean> | null = null;
  let lastAttempt = 0;
  let closed = false;
  let generation = 0;

  const lost = (err?: Error) => {
    if (err) getLogger().warn({ err }, 'API token change listener connection lost: token lookups are not cached until it reconnects');
    listening = false;
    client = null;
    generation += 1;
    entries.clear();
  };

  const listen = (): Promise<boolean> => {
    if (listening) return Promise.resolve(true);
    if (connecting) return connecting;
    if (closed || now() - lastAttempt < RETRY_MS) return Promise.resolve(false);
    lastAttempt = now();
    connecting = (async () => {
      const c = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: 5_000 });
      try {
        c.on('error', (err) => {
          if (client === c) lost(err);
        });
        c.on('end', () => {
          if (client === c) lost();
        });
        c.on('notification', (msg) => {
          if (msg.channel === API_TOKEN_CHANNEL && msg.payload) forget(msg.payload);
        });
        await c.connect();
        await c.query(`LISTEN ${API_TOKEN_CHANNEL}`);
        if (closed) {
          await c.end();
          return false;
        }
        // A listener must not keep a script or a test process alive.
        (c as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
        client = c;
        listening = true;
        return true;
      } catch (err) {
        getLogger().warn({ err }, 'API token change listener could not connect: token lookups are not cached');
        await c.end().catch(() => undefined);
        return false;
      } finally {
        connecting = null;
      }
    })();
    return connecting;
  };

  function forget(tokenId: string): void {
    generation += 1;
    for (const [hash, entry] of entries) if (entry.tokenId === tokenId) entries.delete(hash);
  }

  return {
    get(hash) {
      const entry = entries.get(hash);
      if (!entry) return undefined;
      if (!listening || entry.until <= now()) {
        entries.delete(hash);
        return undefined;
      }
      return entry.value;
    },
    version: () => generation,
    set(hash, tokenId, value, version) {
      if (!listening) {
        void listen();
        return;
      }
      if (version !== generation) return;
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(hash, { tokenId, value, until: now() + ttl });
    },
    forget,
    ready: listen,
    async close() {
      closed = true;
      await connecting;
      const c = client;
      lost();
      await c?.end().catch(() => undefined);
    },
  };
}

const KEY = Symbol.for('clearway.tokenActorCache');
type Holder = { [KEY]?: { url: string; cache: TokenActorCache<unknown> } };

/** The process's cache, for the database of DATABASE_URL (tests and scripts switch it); null without one. */
export function getTokenActorCache<T>(): TokenActorCache<T> | null {
  const url = process.env.DATABASE_URL;
  if (!url) return null;
  const holder = globalThis as Holder;
  if (holder[KEY]?.url !== url) {
    void holder[KEY]?.cache.close();
    holder[KEY] = { url, cache: createTokenActorCache<unknown>({ url }) };
  }
  return holder[KEY].cache as TokenActorCache<T>;
}

/** Shutdown (lib/db.ts disconnectDb): ends the listener's connection before the database goes away. */
export async function closeTokenActorCache(): Promise<void> {
  const holder = globalThis as Holder;
  const current = holder[KEY];
  holder[KEY] = undefined;
  await current?.cache.close();
}

/** Forgets a token this process revoked or changed, without waiting for the database's notice. */
export function forgetApiToken(tokenId: string): void {
  (globalThis as Holder)[KEY]?.cache.forget(tokenId);
}
