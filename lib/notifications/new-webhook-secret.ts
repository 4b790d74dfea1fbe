// A Standard Webhooks signing secret: "whsec_" and 32 random bytes in base64 (the form receivers' libraries expect).
import { randomBytes } from 'node:crypto';

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}
