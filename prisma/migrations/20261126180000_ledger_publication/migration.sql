-- Checkpoint roots published on an EVM chain: one row per published checkpoint, written by the
-- publisher job (lib/ledger/anchor/start-anchor-publisher.ts), append-only like the ledger itself.

-- CreateTable
CREATE TABLE "ledger_publication" (
    "tree_size" BIGINT NOT NULL,
    "chain_id" INTEGER NOT NULL,
    "contract_address" CHAR(42) NOT NULL,
    "tx_hash" CHAR(66) NOT NULL,
    "block_number" BIGINT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_publication_pkey" PRIMARY KEY ("tree_size")
);

-- AddForeignKey
ALTER TABLE "ledger_publication" ADD CONSTRAINT "ledger_publication_tree_size_fkey" FOREIGN KEY ("tree_size") REFERENCES "ledger_checkpoint"("tree_size") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TRIGGER "ledger_publication_append_only" BEFORE UPDATE OR DELETE ON "ledger_publication"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
