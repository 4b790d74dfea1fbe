// Reading checkpoints back as the signed notes they are.
import type { Sql } from '../database/sql';
import { formatCheckpointBody, formatSignedNote, type SignedCheckpoint } from './checkpoint-format';

export const CHECKPOINT_COLUMNS = `tree_size::text AS tree_size, encode(root_hash, 'hex') AS root_hash, issued_at, origin, key_id, encode(signature, 'base64') AS signature`;

export interface CheckpointRow {
  tree_size: string;
  root_hash: string;
  issued_at: Date | string;
  origin: string;
  key_id: string;
  signature: string;
}

export function toSignedCheckpoint(row: CheckpointRow): SignedCheckpoint {
  const fields = {
    origin: row.origin,
    treeSize: Number(row.tree_size),
    rootHash: row.root_hash,
    timestamp: new Date(row.issued_at).toISOString(),
    keyId: row.key_id,
    // encode(…, 'base64') wraps lines every 76 characters.
    signature: row.signature.replace(/\s+/g, ''),
  };
  return { ...fields, note: formatSignedNote(formatCheckpointBody(fields), fields.origin, fields.keyId, fields.signature) };
}

/** The checkpoint with the largest tree size, or null before the first one. */
export async function readLatestCheckpoint(sql: Sql): Promise<SignedCheckpoint | null> {
  const [row] = await sql<CheckpointRow>(`SELECT ${CHECKPOINT_COLUMNS} FROM ledger_checkpoint ORDER BY ledger_checkpoint.tree_size DESC LIMIT 1`);
  return row ? toSignedCheckpoint(row) : null;
}
