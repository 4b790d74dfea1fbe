-- The ledger off the critical path (sequence, then integrate): a transaction that anchors an item
-- writes its entry here, with no lock shared by other transactions; the integrator (one process at a
-- time, lib/ledger/integrate-pending.ts) moves committed entries into ledger_entry in batches, assigning
-- leaf indexes in `seq` order, in the same transaction as it deletes them here. An entry is therefore
-- either pending or a leaf, never both and never neither.

-- CreateTable
CREATE TABLE "ledger_pending" (
    "seq" BIGSERIAL NOT NULL,
    "entry" BYTEA NOT NULL,
    "item_sha256" BYTEA NOT NULL,

    CONSTRAINT "ledger_pending_pkey" PRIMARY KEY ("seq"),
    CONSTRAINT "ledger_pending_shape" CHECK (octet_length("item_sha256") = 32)
);

-- CreateIndex
CREATE INDEX "ledger_pending_item_sha256_idx" ON "ledger_pending" USING HASH ("item_sha256");

-- A pending entry is written once and only removed by its integration.
CREATE TRIGGER "ledger_pending_no_update" BEFORE UPDATE ON "ledger_pending"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

-- A document is attached before its entry is integrated: its leaf index is found in ledger_entry by
-- ledger_leaf_hash (the leaf hash does not depend on the position). Rows written before this
-- migration keep the index they recorded.
ALTER TABLE "document" ALTER COLUMN "ledger_leaf_index" DROP NOT NULL;
