-- Value-per-kg samples for the undervaluation risk rule, indexed by subheading and time, filled from the
-- items of every declaration already submitted.

-- CreateTable
CREATE TABLE "value_sample" (
    "id" BIGSERIAL NOT NULL,
    "hs6" CHAR(6) NOT NULL,
    "declaration_id" UUID NOT NULL,
    "value_per_kg" DOUBLE PRECISION NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "value_sample_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "value_sample_hs6_at_idx" ON "value_sample"("hs6", "at" DESC);

-- CreateIndex
CREATE INDEX "value_sample_declaration_id_idx" ON "value_sample"("declaration_id");

-- AddForeignKey
ALTER TABLE "value_sample" ADD CONSTRAINT "value_sample_declaration_id_fkey" FOREIGN KEY ("declaration_id") REFERENCES "declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill from declarations submitted before this migration (rejected and cancelled ones do not count).
INSERT INTO "value_sample" ("hs6", "declaration_id", "value_per_kg", "at")
SELECT left(gi."commodity_code", 6), gi."declaration_id", (gi."customs_value" / gi."net_mass")::float8, COALESCE(d."submitted_at", d."created_at")
  FROM "goods_item" gi JOIN "declaration" d ON d."id" = gi."declaration_id"
 WHERE gi."customs_value" IS NOT NULL AND gi."net_mass" > 0 AND d."status" NOT IN ('DRAFT', 'SUBMITTED', 'REJECTED', 'CANCELLED');
