// signWebhook signs with node:crypto; receivers verify with the `standardwebhooks` package: the two must
// agree byte for byte, for one secret and for the two of a rotation's overlap.
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';

import { newWebhookSecret } from '../../lib/notifications/new-webhook-secret';
import { signWebhook } from '../../lib/notifications/sign-webhook';

describe('signWebhook', () => {
  const body = JSON.stringify({ type: 'declaration.query_raised', data: { eventId: '7', note: 'é — 東京 🚢' } });
  const at = new Date('2026-12-07T12:00:00.789Z');

  it('makes the standardwebhooks package’s signature, which its verify accepts', () => {
    const secret = newWebhookSecret();
    const headers = signWebhook({ deliveryId: 'msg_2b1f', body, secrets: [secret], at });
    expect(headers).toEqual({ 'webhook-id': 'msg_2b1f', 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': new Webhook(secret).sign('msg_2b1f', at, body) });
    const now = signWebhook({ deliveryId: 'msg_2b1f', body, secrets: [secret] });
    expect(new Webhook(secret).verify(body, now)).toEqual(JSON.parse(body));
  });

  it('signs with every secret of a rotation, either of which verifies, and no other', () => {
    const [old, fresh] = [newWebhookSecret(), newWebhookSecret()];
    const headers = signWebhook({ deliveryId: 'msg_9', body, secrets: [fresh, old] });
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    for (const secret of [old, fresh]) expect(() => new Webhook(secret).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(old).verify(`${body} `, headers)).toThrow();
  });
});
