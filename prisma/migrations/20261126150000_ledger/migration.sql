-- The embedded verifiable ledger: an append-only Merkle tree (RFC 9162) of anchored items, the hashes
-- of its complete subtrees (so that a root or a proof for any tree size needs O(log n) row reads), and
-- its signed checkpoints. See lib/ledger/README.md for the byte formats.

-- CreateTable
CREATE TABLE "ledger_entry" (
    "leaf_index" BIGINT NOT NULL,
    "entry" BYTEA NOT NULL,
    "leaf_hash" BYTEA NOT NULL,
    "item_sha256" BYTEA NOT NULL,

    CONSTRAINT "ledger_entry_pkey" PRIMARY KEY ("leaf_index"),
    CONSTRAINT "ledger_entry_shape" CHECK ("leaf_index" >= 0 AND octet_length("leaf_hash") = 32 AND octet_length("item_sha256") = 32)
);

-- CreateIndex
CREATE INDEX "ledger_entry_item_sha256_idx" ON "ledger_entry" USING HASH ("item_sha256");

-- CreateIndex
CREATE INDEX "ledger_entry_leaf_hash_idx" ON "ledger_entry" USING HASH ("leaf_hash");

-- CreateTable
CREATE TABLE "ledger_node" (
    "level" SMALLINT NOT NULL,
    "idx" BIGINT NOT NULL,
    "hash" BYTEA NOT NULL,

    CONSTRAINT "ledger_node_pkey" PRIMARY KEY ("level","idx"),
    CONSTRAINT "ledger_node_shape" CHECK ("level" BETWEEN 1 AND 62 AND "idx" >= 0 AND octet_length("hash") = 32)
);

-- CreateTable
CREATE TABLE "ledger_checkpoint" (
    "tree_size" BIGINT NOT NULL,
    "root_hash" BYTEA NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "origin" VARCHAR(255) NOT NULL,
    "key_id" CHAR(8) NOT NULL,
    "signature" BYTEA NOT NULL,

    CONSTRAINT "ledger_checkpoint_pkey" PRIMARY KEY ("tree_size"),
    CONSTRAINT "ledger_checkpoint_shape" CHECK ("tree_size" > 0 AND octet_length("root_hash") = 32 AND octet_length("signature") = 64)
);

-- Entries, subtree hashes and checkpoints are append-only: no path may rewrite or remove them.
CREATE TRIGGER "ledger_entry_append_only" BEFORE UPDATE OR DELETE ON "ledger_entry"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "ledger_entry_no_truncate" BEFORE TRUNCATE ON "ledger_entry"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();

CREATE TRIGGER "ledger_node_append_only" BEFORE UPDATE OR DELETE ON "ledger_node"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "ledger_node_no_truncate" BEFORE TRUNCATE ON "ledger_node"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();

CREATE TRIGGER "ledger_checkpoint_append_only" BEFORE UPDATE OR DELETE ON "ledger_checkpoint"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "ledger_checkpoint_no_truncate" BEFORE TRUNCATE ON "ledger_checkpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();
