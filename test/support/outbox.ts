// The messages Clearway queued for people (outbox_message), and the secret link inside one.
import { getPool } from '../../lib/db';

export async function lastMessageTo(email: string): Promise<string | null> {
  const { rows } = await getPool().query(`SELECT body FROM outbox_message WHERE "to" = $1 ORDER BY id DESC LIMIT 1`, [email]);
  return rows[0]?.body ?? null;
}

export function secretIn(body: string, path: string): string {
  return new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(body)![1]!;
}
