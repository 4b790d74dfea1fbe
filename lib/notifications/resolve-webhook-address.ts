// The SSRF guard of outgoing webhooks: only https (http when WEBHOOK_ALLOW_HTTP), no credentials in the
// URL, and every address the host resolves to must be public — not private, loopback, link-local,
// carrier-grade NAT, multicast or reserved — unless WEBHOOK_ALLOW_PRIVATE (local receivers in
// development and tests). The request is then pinned to the address checked here, so a DNS answer that
// changes between check and connect (DNS rebinding) cannot redirect it.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

import { getEnv } from '../env';
import { AppError } from '../errors';

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) blocked.addSubnet(net, bits, 'ipv6');

/** True for addresses a webhook must not reach (IPv4-mapped IPv6 checked as IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  return isIP(address) === 6 ? blocked.check(address, 'ipv6') : blocked.check(address, 'ipv4');
}

export interface WebhookAddress {
  url: URL;
  address: string;
  family: 4 | 6;
}

function urlError(message: string, code: 'INVALID' | 'NOT_ALLOWED' | 'UNKNOWN' = 'INVALID'): AppError {
  return new AppError('BAD_USER_INPUT', 'Some fields need correcting.', { fieldErrors: [{ path: ['url'], code, message }] });
}

/** Checks the URL and resolves its host; throws BAD_USER_INPUT on the field `url`. */
export async function resolveWebhookAddress(raw: string): Promise<WebhookAddress> {
  const env = getEnv();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw urlError('Give an absolute URL, e.g. https://example.com/webhooks/clearway.');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && env.WEBHOOK_ALLOW_HTTP)) {
    throw urlError(`Webhook URLs must use https:// (got ${url.protocol}//).`, 'NOT_ALLOWED');
  }
  if (url.username || url.password) throw urlError('Put no credentials in the URL: verify the webhook-signature header instead.');
  if (raw.length > 2000) throw urlError('A webhook URL is at most 2,000 characters.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true, verbatim: true });
  } catch {
    throw urlError(`The host ${host} does not resolve.`, 'UNKNOWN');
  }
  if (!addresses.length) throw urlError(`The host ${host} does not resolve.`, 'UNKNOWN');
  if (!env.WEBHOOK_ALLOW_PRIVATE) {
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused) throw urlError(`The host ${host} resolves to ${refused.address}, a private, loopback or link-local address: webhooks go to public addresses only.`, 'NOT_ALLOWED');
  }
  return { url, address: addresses[0]!.address, family: addresses[0]!.family === 6 ? 6 : 4 };
}
