// Standard Webhooks headers (https://www.standardwebhooks.com, the `standardwebhooks` package): the
// delivery id (the same on every retry, so receivers deduplicate), the send time, and one `v1,<base64
// HMAC-SHA256>` signature per active secret, space-separated — during a rotation's overlap window the
// old and the new secret both sign, so a receiver holding either verifies.
import { Webhook } from 'standardwebhooks';

export function signWebhook(args: { deliveryId: string; body: string; secrets: string[]; at?: Date }): Record<string, string> {
  const at = args.at ?? new Date();
  const signatures = args.secrets.map((secret) => new Webhook(secret).sign(args.deliveryId, at, args.body));
  return {
    'webhook-id': args.deliveryId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
