-- Documents: content-addressed blobs (the bytes live in the blob store), uploads staged per company
-- until attached, and documents attached to declarations with the ledger leaf that anchors them.

-- CreateEnum
CREATE TYPE "document_type" AS ENUM ('COMMERCIAL_INVOICE', 'PACKING_LIST', 'BILL_OF_LADING', 'AIR_WAYBILL', 'CERTIFICATE_OF_ORIGIN', 'LICENCE', 'OTHER');

-- CreateTable
CREATE TABLE "blob" (
    "sha256" CHAR(64) NOT NULL,
    "size" INTEGER NOT NULL,
    "content_type" VARCHAR(100) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "blob_pkey" PRIMARY KEY ("sha256"),
    CONSTRAINT "blob_shape" CHECK ("sha256" ~ '^[0-9a-f]{64}$' AND "size" > 0)
);

-- CreateTable
CREATE TABLE "document_upload" (
    "id" UUID NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "file_name" VARCHAR(255) NOT NULL,
    "uploaded_by_id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "token_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_upload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document" (
    "id" UUID NOT NULL,
    "declaration_id" UUID NOT NULL,
    "type" "document_type" NOT NULL,
    "reference" VARCHAR(70) NOT NULL,
    "file_name" VARCHAR(255) NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "size" INTEGER NOT NULL,
    "content_type" VARCHAR(100) NOT NULL,
    "uploaded_by_id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "token_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ledger_leaf_index" BIGINT NOT NULL,
    "ledger_leaf_hash" CHAR(64) NOT NULL,
    "removed_at" TIMESTAMPTZ(3),
    "removed_by_id" UUID,

    CONSTRAINT "document_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "document_ledger_leaf" CHECK ("ledger_leaf_index" >= 0 AND "ledger_leaf_hash" ~ '^[0-9a-f]{64}$')
);

-- CreateIndex
CREATE INDEX "document_upload_company_id_sha256_idx" ON "document_upload"("company_id", "sha256");

-- CreateIndex
CREATE INDEX "document_upload_sha256_idx" ON "document_upload"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "document_ledger_leaf_index_key" ON "document"("ledger_leaf_index");

-- CreateIndex
CREATE INDEX "document_declaration_id_created_at_idx" ON "document"("declaration_id", "created_at");

-- CreateIndex
CREATE INDEX "document_sha256_idx" ON "document"("sha256");

-- AddForeignKey
ALTER TABLE "document_upload" ADD CONSTRAINT "document_upload_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "blob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_upload" ADD CONSTRAINT "document_upload_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document" ADD CONSTRAINT "document_declaration_id_fkey" FOREIGN KEY ("declaration_id") REFERENCES "declaration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document" ADD CONSTRAINT "document_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "blob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document" ADD CONSTRAINT "document_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An attached document is evidence anchored in the ledger: it is never deleted, and the only change is
-- its removal from the declaration (removed_at and removed_by_id, set once).
CREATE FUNCTION "document_only_removal"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."removed_at" IS NULL AND NEW."removed_at" IS NOT NULL
     AND (to_jsonb(NEW) - 'removed_at' - 'removed_by_id') = (to_jsonb(OLD) - 'removed_at' - 'removed_by_id') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'document rows only change by being removed once: UPDATE refused' USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "document_only_removal" BEFORE UPDATE ON "document"
  FOR EACH ROW EXECUTE FUNCTION "document_only_removal"();
CREATE TRIGGER "document_no_delete" BEFORE DELETE ON "document"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "document_no_truncate" BEFORE TRUNCATE ON "document"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();
