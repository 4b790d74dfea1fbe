// PostgreSQL advisory lock keys of the ledger (lib/database/migrate.ts holds 7216304115).

/** Held by the transaction that appends entries, until it ends: leaf indexes are assigned one writer at a time. */
export const APPEND_LOCK_KEY = 7_216_304_201;

/** Held while a checkpoint is computed and signed, so two processes never both sign a size. */
export const CHECKPOINT_LOCK_KEY = 7_216_304_202;

/** Two-key advisory locks (class, hashtext(sha256)) around "anchor these PDF bytes unless already anchored". */
export const PDF_ANCHOR_LOCK_CLASS = 72_163_042;
