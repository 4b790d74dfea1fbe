// The secret that signs and encrypts session cookies. From NEXTAUTH_SECRET (or AUTH_SECRET) when given —
// several processes behind a load balancer must share it — otherwise generated once under DATA_DIR.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { getEnv } from '../env';

export function getAuthSecret(): string {
  const given = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (given) return given;
  const file = path.resolve(getEnv().DATA_DIR, 'auth-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    // 'wx': if two processes race at first start, the second write fails and it reads the winner's.
    try {
      writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
    } catch {
      return readFileSync(file, 'utf8').trim();
    }
    return secret;
  }
}
