-- X-ray scans (issue 17): scanning stations as registered devices with their own tokens, scans with
-- their images (content-addressed in the blob store) and deep-zoom tiles, annotations (vendor ATR and
-- analysts'), claims, verdicts, and partner administrations that pull scans of shipments bound to them.

ALTER TYPE "user_role" ADD VALUE 'IMAGE_ANALYST';

CREATE TYPE "scan_station_kind" AS ENUM ('FIXED_PORTAL', 'MOBILE', 'RAIL');
CREATE TYPE "scan_status" AS ENUM ('AWAITING_ANALYSIS', 'CLEAR', 'SUSPECT', 'INCONCLUSIVE');
CREATE TYPE "scan_image_format" AS ENUM ('PNG', 'TIFF', 'DICOS');
CREATE TYPE "scan_processing" AS ENUM ('PENDING', 'DONE', 'FAILED');
CREATE TYPE "scan_annotation_source" AS ENUM ('SCANNER', 'ANALYST', 'COMPARISON');
CREATE TYPE "scan_verdict_kind" AS ENUM ('CLEAR', 'SUSPECT', 'INCONCLUSIVE');

-- CreateTable
CREATE TABLE "scan_station" (
    "id" UUID NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "kind" "scan_station_kind" NOT NULL,
    "country" CHAR(2) NOT NULL,
    "locode" CHAR(5),
    "token_prefix" VARCHAR(16) NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "scopes" TEXT[],
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "scan_station_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scan" (
    "id" UUID NOT NULL,
    "station_id" UUID NOT NULL,
    "shipment_id" UUID,
    "declaration_id" UUID,
    "container_number" CHAR(11),
    "vehicle_id" VARCHAR(35),
    "scanned_at" TIMESTAMPTZ(3) NOT NULL,
    "operator" VARCHAR(100),
    "scanner_type" VARCHAR(100) NOT NULL,
    "energy_kev" INTEGER,
    "metadata" JSONB NOT NULL,
    "metadata_sha256" CHAR(64) NOT NULL,
    "status" "scan_status" NOT NULL DEFAULT 'AWAITING_ANALYSIS',
    "processing" "scan_processing" NOT NULL DEFAULT 'PENDING',
    "rescan_requested_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scan_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "scan_identifies_something" CHECK ("container_number" IS NOT NULL OR "vehicle_id" IS NOT NULL)
);

-- CreateTable
CREATE TABLE "scan_image" (
    "id" UUID NOT NULL,
    "scan_id" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "format" "scan_image_format" NOT NULL,
    "view" VARCHAR(20) NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bits" INTEGER NOT NULL,
    "ledger_leaf_hash" CHAR(64) NOT NULL,
    "thumbnail_sha256" CHAR(64),
    "tile_size" INTEGER,
    "tile_overlap" INTEGER,
    "tile_levels" INTEGER,

    CONSTRAINT "scan_image_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scan_tile" (
    "image_id" UUID NOT NULL,
    "preset" VARCHAR(20) NOT NULL,
    "level" INTEGER NOT NULL,
    "col" INTEGER NOT NULL,
    "row" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,

    CONSTRAINT "scan_tile_pkey" PRIMARY KEY ("image_id", "preset", "level", "col", "row")
);

-- CreateTable
CREATE TABLE "scan_annotation" (
    "id" UUID NOT NULL,
    "scan_id" UUID NOT NULL,
    "image_id" UUID NOT NULL,
    "source" "scan_annotation_source" NOT NULL,
    "label" VARCHAR(40) NOT NULL,
    "confidence" DOUBLE PRECISION,
    "x" INTEGER NOT NULL,
    "y" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "note" VARCHAR(1000),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scan_annotation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "scan_annotation_box" CHECK ("x" >= 0 AND "y" >= 0 AND "width" > 0 AND "height" > 0)
);

-- CreateTable
CREATE TABLE "scan_claim" (
    "scan_id" UUID NOT NULL,
    "analyst_id" UUID NOT NULL,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scan_claim_pkey" PRIMARY KEY ("scan_id")
);

-- CreateTable
CREATE TABLE "scan_verdict" (
    "id" UUID NOT NULL,
    "scan_id" UUID NOT NULL,
    "verdict" "scan_verdict_kind" NOT NULL,
    "note" VARCHAR(2000),
    "decided_by_id" UUID NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "record_sha256" CHAR(64) NOT NULL,
    "ledger_leaf_hash" CHAR(64) NOT NULL,
    "inspected_at" TIMESTAMPTZ(3),
    "inspection_note" VARCHAR(2000),

    CONSTRAINT "scan_verdict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scan_partner" (
    "id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "country" CHAR(2) NOT NULL,
    "key_id" VARCHAR(100) NOT NULL,
    "public_key" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "scan_partner_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "scan_station_code_key" ON "scan_station"("code");
CREATE UNIQUE INDEX "scan_station_token_hash_key" ON "scan_station"("token_hash");
CREATE INDEX "scan_status_created_at_idx" ON "scan"("status", "created_at");
CREATE INDEX "scan_container_number_scanned_at_idx" ON "scan"("container_number", "scanned_at");
CREATE INDEX "scan_declaration_id_idx" ON "scan"("declaration_id");
CREATE INDEX "scan_shipment_id_idx" ON "scan"("shipment_id");
CREATE INDEX "scan_station_id_idx" ON "scan"("station_id");
CREATE UNIQUE INDEX "scan_image_scan_id_sequence_key" ON "scan_image"("scan_id", "sequence");
CREATE INDEX "scan_image_sha256_idx" ON "scan_image"("sha256");
CREATE INDEX "scan_annotation_scan_id_idx" ON "scan_annotation"("scan_id");
CREATE UNIQUE INDEX "scan_verdict_scan_id_key" ON "scan_verdict"("scan_id");
CREATE UNIQUE INDEX "scan_partner_key_id_key" ON "scan_partner"("key_id");

-- AddForeignKey
ALTER TABLE "scan_station" ADD CONSTRAINT "scan_station_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "scan" ADD CONSTRAINT "scan_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "scan_station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "scan" ADD CONSTRAINT "scan_shipment_id_fkey" FOREIGN KEY ("shipment_id") REFERENCES "shipment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "scan" ADD CONSTRAINT "scan_declaration_id_fkey" FOREIGN KEY ("declaration_id") REFERENCES "declaration"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "scan_image" ADD CONSTRAINT "scan_image_scan_id_fkey" FOREIGN KEY ("scan_id") REFERENCES "scan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scan_image" ADD CONSTRAINT "scan_image_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "blob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "scan_tile" ADD CONSTRAINT "scan_tile_image_id_fkey" FOREIGN KEY ("image_id") REFERENCES "scan_image"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scan_annotation" ADD CONSTRAINT "scan_annotation_scan_id_fkey" FOREIGN KEY ("scan_id") REFERENCES "scan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scan_annotation" ADD CONSTRAINT "scan_annotation_image_id_fkey" FOREIGN KEY ("image_id") REFERENCES "scan_image"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scan_annotation" ADD CONSTRAINT "scan_annotation_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "scan_claim" ADD CONSTRAINT "scan_claim_scan_id_fkey" FOREIGN KEY ("scan_id") REFERENCES "scan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scan_claim" ADD CONSTRAINT "scan_claim_analyst_id_fkey" FOREIGN KEY ("analyst_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scan_verdict" ADD CONSTRAINT "scan_verdict_scan_id_fkey" FOREIGN KEY ("scan_id") REFERENCES "scan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scan_verdict" ADD CONSTRAINT "scan_verdict_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "scan_partner" ADD CONSTRAINT "scan_partner_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
