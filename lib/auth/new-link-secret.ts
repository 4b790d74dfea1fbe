// Single-use secrets sent in links (invitations, password resets): 256 random bits; only their SHA-256
// is stored, so a database leak does not hand out working links.
import { randomBytes } from 'node:crypto';

import { hashSecret } from './actor';

export function newLinkSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: hashSecret(secret) };
}
