import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';
import type { SignedCheckpoint } from './checkpoint-format';
import { readLatestCheckpoint } from './checkpoint-rows';

/** The latest signed tree head, or null while nothing has been checkpointed yet. */
export async function getLatestCheckpoint(): Promise<SignedCheckpoint | null> {
  return readLatestCheckpoint(sqlOfClient(getPool()));
}
