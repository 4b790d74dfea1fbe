// Signs a checkpoint of the current tree when it has grown since the last one, after integrating what
// is pending (so a checkpoint covers every entry committed before it was asked for). Under a try-lock:
// when another process is signing, this one does nothing (it would sign the same size).
import { sign } from 'node:crypto';

import { sqlTransaction } from '../database/sql';
import { formatCheckpointBody, type SignedCheckpoint } from './checkpoint-format';
import { readLatestCheckpoint, toSignedCheckpoint, CHECKPOINT_COLUMNS, type CheckpointRow } from './checkpoint-rows';
import { integratePending } from './integrate-pending';
import { CHECKPOINT_LOCK_KEY } from './ledger-locks';
import { loadLedgerSigningKey } from './load-signing-key';
import { readTreeState } from './read-tree-state';

/** The new checkpoint, or null when nothing changed (or another process is signing). */
export async function issueCheckpoint(): Promise<SignedCheckpoint | null> {
  const key = await loadLedgerSigningKey();
  await integratePending({ wait: true });
  return sqlTransaction(async (sql) => {
    const [lock] = await sql<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1::bigint) AS locked', [CHECKPOINT_LOCK_KEY]);
    if (!lock!.locked) return null;
    const [{ frontier }, latest] = [await readTreeState(sql), await readLatestCheckpoint(sql)];
    if (frontier.size === 0 || frontier.size <= (latest?.treeSize ?? 0)) return null;
    const fields = { origin: key.origin, treeSize: frontier.size, rootHash: frontier.root().toString('hex'), timestamp: new Date().toISOString() };
    const signature = sign(null, Buffer.from(formatCheckpointBody(fields), 'utf8'), key.privateKey);
    const [row] = await sql<CheckpointRow>(
      `INSERT INTO ledger_checkpoint (tree_size, root_hash, issued_at, origin, key_id, signature)
       VALUES ($1::bigint, decode($2, 'hex'), $3::timestamptz, $4, $5, decode($6, 'hex'))
       ON CONFLICT (tree_size) DO NOTHING
       RETURNING ${CHECKPOINT_COLUMNS}`,
      [fields.treeSize, fields.rootHash, fields.timestamp, fields.origin, key.keyId, signature.toString('hex')],
    );
    return row ? toSignedCheckpoint(row) : null;
  });
}
