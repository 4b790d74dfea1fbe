-- Outbound partner links (lib/scans/register-partner-link.ts, pull-partner-scans.ts): the partner
-- administrations this Clearway pulls scans from, with the key we sign with there (its private half in
-- partner_link_secret, selected only by the pulling job) and the partner ledger's public key pinned at
-- registration. Scans pulled from a partner are scans of source PARTNER, idempotent per (link, remote
-- scan id); a pulled scan that fails verification is kept in partner_scan_refusal with the reason.
-- The scan metadata's anchored form becomes RFC 8785 canonical JSON (metadata_canonical); scans ingested
-- before keep a null there and their hash keeps its old meaning (the text as posted).

-- CreateEnum
CREATE TYPE "scan_source" AS ENUM ('STATION', 'PARTNER');

-- AlterTable
ALTER TABLE "scan" ADD COLUMN "source" "scan_source" NOT NULL DEFAULT 'STATION',
ADD COLUMN "partner_link_id" UUID,
ADD COLUMN "remote_scan_id" VARCHAR(100),
ADD COLUMN "metadata_canonical" TEXT;

-- CreateTable
CREATE TABLE "partner_link" (
    "id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "graphql_url" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "key_id" VARCHAR(100) NOT NULL,
    "public_key" TEXT NOT NULL,
    "ledger_public_key" TEXT NOT NULL,
    "ledger_origin" TEXT NOT NULL,
    "ledger_key_pinned_at" TIMESTAMPTZ(3) NOT NULL,
    "station_id" UUID NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "last_pulled_at" TIMESTAMPTZ(3),
    "last_pull_error" TEXT,
    "last_pull_ingested" INTEGER NOT NULL DEFAULT 0,
    "last_pull_refused" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "partner_link_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partner_link_secret" (
    "link_id" UUID NOT NULL,
    "private_key" TEXT NOT NULL,

    CONSTRAINT "partner_link_secret_pkey" PRIMARY KEY ("link_id")
);

-- CreateTable
CREATE TABLE "partner_scan_refusal" (
    "id" UUID NOT NULL,
    "link_id" UUID NOT NULL,
    "remote_scan_id" VARCHAR(100) NOT NULL,
    "container_number" CHAR(11),
    "reason" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "partner_scan_refusal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "partner_link_station_id_key" ON "partner_link"("station_id");

-- CreateIndex
CREATE UNIQUE INDEX "scan_partner_link_id_remote_scan_id_key" ON "scan"("partner_link_id", "remote_scan_id");

-- CreateIndex
CREATE UNIQUE INDEX "partner_scan_refusal_link_id_remote_scan_id_key" ON "partner_scan_refusal"("link_id", "remote_scan_id");

-- CreateIndex
CREATE INDEX "partner_scan_refusal_last_seen_at_idx" ON "partner_scan_refusal"("last_seen_at");

-- AddForeignKey
ALTER TABLE "scan" ADD CONSTRAINT "scan_partner_link_id_fkey" FOREIGN KEY ("partner_link_id") REFERENCES "partner_link"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partner_link" ADD CONSTRAINT "partner_link_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "scan_station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partner_link" ADD CONSTRAINT "partner_link_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partner_link_secret" ADD CONSTRAINT "partner_link_secret_link_id_fkey" FOREIGN KEY ("link_id") REFERENCES "partner_link"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partner_scan_refusal" ADD CONSTRAINT "partner_scan_refusal_link_id_fkey" FOREIGN KEY ("link_id") REFERENCES "partner_link"("id") ON DELETE CASCADE ON UPDATE CASCADE;
