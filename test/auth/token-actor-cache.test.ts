// API tokens are kept a few seconds per process (lib/auth/token-actor-cache.ts). A revocation made by
// another process (its own connection, nothing shared with this one) must reach this one at once by
// the database's notice, and a gate decision admitted just before the notice must not be recorded
// (lib/gates/decide-gate.ts re-checks the token in its writing statement).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { hashSecret, loadTokenActor, loadUserActor } from '../../lib/auth/actor';
import { createApiToken } from '../../lib/auth/create-api-token';
import { createTokenActorCache, getTokenActorCache } from '../../lib/auth/token-actor-cache';
import { getPool } from '../../lib/db';
import { getEnv } from '../../lib/env';
import { decideGate } from '../../lib/gates/decide-gate';
import { GATE_IN, releasedShipment, TERMINAL_EMAIL } from '../gates/fixtures';

/** Another Clearway process: its own connection to the same database. */
let other: pg.Client;

beforeAll(async () => {
  other = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await other.connect();
});

afterAll(async () => {
  await other.end();
});

const newReaderToken = async () =>
  createApiToken({ actor: await loadUserActor({ email: TERMINAL_EMAIL }), input: { name: `reader ${Math.random()}`, scopes: ['gate:decide'] } });
const revokeElsewhere = (id: string) => other.query(`UPDATE api_token SET revoked_at = now() WHERE id = $1`, [id]);

/** Polls until `check` passes; the time it took, in ms. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return performance.now() - started;
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { code?: string; message?: string }) => e,
  );

describe('the API token cache', () => {
  it('serves a valid token without a database round trip, and refuses it as soon as another process revokes it', async () => {
    const token = await newReaderToken();
    await getTokenActorCache()!.ready();
    await loadTokenActor(token.secret);

    // Every pool connection held: an uncached lookup would wait for one and fail; the cached one answers.
    const held: pg.PoolClient[] = [];
    for (let i = 0; i < getEnv().DATABASE_POOL_SIZE; i++) held.push(await getPool().connect());
    try {
      const started = performance.now();
      expect((await loadTokenActor(token.secret)).token?.id).toBe(token.id);
      expect(performance.now() - started).toBeLessThan(100);
    } finally {
      for (const client of held) client.release();
    }

    await revokeElsewhere(token.id);
    const took = await within(1_000, async () => (await refusal(loadTokenActor(token.secret)))?.code === 'UNAUTHENTICATED');
    expect(took).toBeLessThan(1_000);
    expect((await refusal(loadTokenActor(token.secret)))?.message).toBe('This API token was revoked.');
  });

  it('reaches every process: two caches on their own connections both forget a token revoked by a third', async () => {
    const url = process.env.DATABASE_URL!;
    const a = createTokenActorCache<string>({ url });
    const b = createTokenActorCache<string>({ url });
    try {
      expect(await a.ready()).toBe(true);
      expect(await b.ready()).toBe(true);
      const token = await newReaderToken();
      const hash = hashSecret(token.secret);
      a.set(hash, token.id, 'row of a', a.version());
      b.set(hash, token.id, 'row of b', b.version());
      expect([a.get(hash), b.get(hash)]).toEqual(['row of a', 'row of b']);
      await revokeElsewhere(token.id);
      await within(1_000, async () => a.get(hash) === undefined && b.get(hash) === undefined);

      // A row read before a notice arrived is not kept: the notice wins.
      const next = await newReaderToken();
      const version = a.version();
      await revokeElsewhere(next.id);
      await within(1_000, async () => a.version() !== version);
      a.set(hashSecret(next.secret), next.id, 'read before the notice', version);
      expect(a.get(hashSecret(next.secret))).toBeUndefined();
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('caches nothing while it is not listening', async () => {
    const cache = createTokenActorCache<string>({ url: 'postgres://nobody@127.0.0.1:1/none' });
    try {
      expect(await cache.ready()).toBe(false);
      cache.set('hash', 'id', 'row', cache.version());
      expect(cache.get('hash')).toBeUndefined();
    } finally {
      await cache.close();
    }
  });

  it('records no gate decision for a token revoked after its request was admitted', async () => {
    const { containerNumber, shipmentId } = await releasedShipment();
    const token = await newReaderToken();
    await getTokenActorCache()!.ready();
    // Admitted (authenticated) before the revocation, decided after it, before any notice could arrive.
    const actor = await loadTokenActor(token.secret, { id: null, ip: null });
    await revokeElsewhere(token.id);
    const refused = await refusal(decideGate({ actor, input: { containerNumber, gate: GATE_IN } }));
    expect(refused).toMatchObject({ code: 'UNAUTHENTICATED', message: 'This API token was revoked.' });
    const count = async (text: string) => (await other.query<{ n: number }>(text, [containerNumber, shipmentId])).rows[0]!.n;
    expect(await count(`SELECT count(*)::int AS n FROM gate_event WHERE container_number = $1 AND $2::uuid IS NOT NULL`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM seal_event WHERE shipment_id = $2::uuid AND $1::text IS NOT NULL`)).toBe(0);
  });
});
