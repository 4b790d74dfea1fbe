// Keep-alive connections for webhook requests: one HTTP(S) agent per endpoint origin, reused across
// deliveries in this process. A new TCP (and TLS) connection per request was the largest cost of a
// delivery in the benchmark's CPU profile (docs/benchmarks.md).
//
// The SSRF guard holds for every connection the agent opens, not only the first: each new connection's
// address goes through the check (the lookup hook; an IP literal directly) before it is connected to,
// so neither a DNS answer that changes between requests (DNS rebinding) nor a pooled origin reaches a
// private, loopback or link-local address unless WEBHOOK_ALLOW_PRIVATE. postWebhook also pins each
// request to the address resolveWebhookAddress checked for its batch.
//
// Idle connections close after WEBHOOK_IDLE_SOCKET_MS (sooner when the receiver announces a shorter
// `Keep-Alive: timeout`), and all of them on shutdown (closeWebhookAgents, from the job runner's stop).
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Duplex } from 'node:stream';

import { getEnv } from '../env';
import { isPrivateAddress } from './resolve-webhook-address';

/** Connections at once to one origin (scheme, host, port): an endpoint's parallel requests, twice over for endpoints sharing it. */
export const WEBHOOK_MAX_SOCKETS_PER_ORIGIN = 32;
/** An idle keep-alive connection is closed after this long: shorter than common servers' keep-alive timeouts (Node's 5 s). */
export const WEBHOOK_IDLE_SOCKET_MS = 4_000;
/** Origins kept; beyond this, agents with no connection are forgotten. */
const MAX_AGENTS = 1_000;

const agents = new Map<string, http.Agent>();

type ConnectOptions = { host?: string; lookup?: LookupFunction } & Record<string, unknown>;
type Callback = (err: Error | null, socket: Duplex) => void;

function refusal(host: string, address: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`The host ${host} resolves to ${address}, a private, loopback or link-local address: webhooks go to public addresses only.`);
  error.code = 'EWEBHOOKPRIVATE';
  return error;
}

/** The lookup a connection uses, refusing private addresses: the check sits on the address actually connected to. */
function checkedLookup(inner: LookupFunction): LookupFunction {
  return ((host: string, options: dns.LookupOptions, callback: (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void) => {
    inner(host, options, ((err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => {
      if (err) return callback(err, address, family);
      const refused = (Array.isArray(address) ? address : [{ address, family: family ?? 4 }]).find((a) => isPrivateAddress(a.address));
      if (refused) return callback(refusal(host, refused.address), Array.isArray(address) ? [] : '', family);
      callback(null, address, family);
    }) as Parameters<LookupFunction>[2]);
  }) as LookupFunction;
}

/** Wraps an agent's createConnection with the address check (unless WEBHOOK_ALLOW_PRIVATE). */
function guarded(create: (options: ConnectOptions, callback?: Callback) => Duplex | undefined) {
  return function createConnection(this: http.Agent, options: ConnectOptions, callback?: Callback): Duplex | undefined {
    if (getEnv().WEBHOOK_ALLOW_PRIVATE) return create.call(this, options, callback);
    const host = String(options.host ?? '').replace(/^\[|\]$/g, '');
    // An IP literal is connected to without a lookup: check it here.
    if (isIP(host) && isPrivateAddress(host)) {
      const error = refusal(host, host);
      if (callback) {
        process.nextTick(() => callback(error, undefined as unknown as Duplex));
        return undefined;
      }
      throw error;
    }
    return create.call(this, { ...options, lookup: checkedLookup(options.lookup ?? (dns.lookup as unknown as LookupFunction)) }, callback);
  };
}

class WebhookHttpAgent extends http.Agent {}
WebhookHttpAgent.prototype.createConnection = guarded(http.Agent.prototype.createConnection as never) as never;
class WebhookHttpsAgent extends https.Agent {}
WebhookHttpsAgent.prototype.createConnection = guarded(https.Agent.prototype.createConnection as never) as never;

/** The keep-alive agent of the URL's origin, made on first use. */
export function getWebhookAgent(url: URL): http.Agent {
  const key = url.origin;
  let agent = agents.get(key);
  if (!agent) {
    if (agents.size >= MAX_AGENTS) forgetIdleAgents();
    const options = { keepAlive: true, maxSockets: WEBHOOK_MAX_SOCKETS_PER_ORIGIN, maxFreeSockets: WEBHOOK_MAX_SOCKETS_PER_ORIGIN, timeout: WEBHOOK_IDLE_SOCKET_MS, scheduling: 'lifo' as const };
    agent = url.protocol === 'https:' ? new WebhookHttpsAgent(options) : new WebhookHttpAgent(options);
    agents.set(key, agent);
  }
  return agent;
}

function forgetIdleAgents(): void {
  for (const [key, agent] of agents) {
    const busy = Object.keys(agent.sockets).length + Object.keys(agent.freeSockets).length + Object.keys(agent.requests).length;
    if (!busy) agents.delete(key);
  }
}

/** Closes every webhook connection (open ones are cut): on shutdown, after the running deliveries ended. */
export function closeWebhookAgents(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

