-- Shipment tracking from electronic-seal events (EPCIS 2.0): shipments of declared containers with
-- their seals and planned route, the seal events (append-only, unique by event id), alerts, EPCIS
-- capture jobs, e-seal gateway devices with their seen signatures, and the seal-integrity risk rule kind.

-- AlterEnum
ALTER TYPE "risk_rule_kind" ADD VALUE 'SEAL_INTEGRITY';

-- CreateEnum
CREATE TYPE "shipment_status" AS ENUM ('SEALED_INTACT', 'OPENED_AUTHORIZED', 'TAMPER_SUSPECTED');

-- CreateEnum
CREATE TYPE "seal_event_kind" AS ENUM ('SEALED', 'VERIFIED', 'POSITION', 'OPENED', 'TAMPER', 'BATTERY_LOW', 'RESEALED', 'REMOVED');

-- CreateEnum
CREATE TYPE "seal_type" AS ENUM ('MECHANICAL', 'ELECTRONIC');

-- CreateEnum
CREATE TYPE "seal_source" AS ENUM ('CARRIER', 'SHIPPER', 'CUSTOMS', 'TERMINAL');

-- CreateEnum
CREATE TYPE "route_stop_role" AS ENUM ('ORIGIN', 'WAYPOINT', 'AUTHORIZED_OPENING', 'DESTINATION');

-- CreateEnum
CREATE TYPE "tracking_alert_kind" AS ENUM ('OPENED_OUTSIDE_AREA', 'TAMPER', 'SEAL_MISMATCH', 'SILENT_SEAL', 'RESEALED_WITHOUT_CUSTOMS');

-- CreateEnum
CREATE TYPE "epcis_capture_status" AS ENUM ('PROCESSING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "shipment" (
    "id" UUID NOT NULL,
    "declaration_id" UUID NOT NULL,
    "container_number" CHAR(11) NOT NULL,
    "status" "shipment_status" NOT NULL DEFAULT 'SEALED_INTACT',
    "status_at" TIMESTAMPTZ(3),
    "origin_locode" CHAR(5) NOT NULL,
    "destination_locode" CHAR(5) NOT NULL,
    "last_event_at" TIMESTAMPTZ(3),
    "last_latitude" DOUBLE PRECISION,
    "last_longitude" DOUBLE PRECISION,
    "last_position_at" TIMESTAMPTZ(3),
    "last_locode" CHAR(5),
    "event_count" INTEGER NOT NULL DEFAULT 0,
    "closed_at" TIMESTAMPTZ(3),
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shipment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shipment_seal" (
    "id" UUID NOT NULL,
    "shipment_id" UUID NOT NULL,
    "type" "seal_type" NOT NULL,
    "identifier" VARCHAR(80) NOT NULL,
    "seal_class" CHAR(1),
    "manufacturer" VARCHAR(35),
    "serial" VARCHAR(40),
    "source" "seal_source",
    "applied_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shipment_seal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "route_stop" (
    "id" UUID NOT NULL,
    "shipment_id" UUID NOT NULL,
    "sequence" SMALLINT NOT NULL,
    "role" "route_stop_role" NOT NULL,
    "locode" CHAR(5) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "radius_km" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "route_stop_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "route_stop_coordinates" CHECK ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180 AND "radius_km" > 0)
);

-- CreateTable
CREATE TABLE "seal_event" (
    "id" BIGSERIAL NOT NULL,
    "event_id" VARCHAR(255) NOT NULL,
    "shipment_id" UUID NOT NULL,
    "kind" "seal_event_kind" NOT NULL,
    "event_time" TIMESTAMPTZ(3) NOT NULL,
    "time_zone_offset" VARCHAR(6) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "biz_step" VARCHAR(100),
    "disposition" VARCHAR(100),
    "locode" CHAR(5),
    "read_point" VARCHAR(255),
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "seal_numbers" TEXT[],
    "e_seal" VARCHAR(80),
    "battery_percent" DOUBLE PRECISION,
    "source" "seal_source",
    "reported_by_id" UUID,
    "company_id" UUID,
    "token_id" UUID,
    "capture_id" UUID,
    "event_index" INTEGER,

    CONSTRAINT "seal_event_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "seal_event_position" CHECK (("latitude" IS NULL) = ("longitude" IS NULL) AND ("latitude" IS NULL OR ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180)))
);

-- CreateTable
CREATE TABLE "tracking_alert" (
    "id" UUID NOT NULL,
    "shipment_id" UUID NOT NULL,
    "kind" "tracking_alert_kind" NOT NULL,
    "reason" VARCHAR(1000) NOT NULL,
    "raised_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seal_event_id" BIGINT,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by_id" UUID,
    "acknowledgement_note" VARCHAR(1000),

    CONSTRAINT "tracking_alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "epcis_capture" (
    "id" UUID NOT NULL,
    "status" "epcis_capture_status" NOT NULL DEFAULT 'PROCESSING',
    "event_count" INTEGER NOT NULL DEFAULT 0,
    "stored_count" INTEGER NOT NULL DEFAULT 0,
    "duplicate_count" INTEGER NOT NULL DEFAULT 0,
    "alert_count" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "document" JSON,
    "message" VARCHAR(1000),
    "actor_id" UUID,
    "company_id" UUID,
    "token_id" UUID,
    "device_id" UUID,
    "request_id" VARCHAR(64),
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "epcis_capture_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "seal_device" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "secret" VARCHAR(100) NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "seal_device_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "seal_device_signature" (
    "device_id" UUID NOT NULL,
    "signature" CHAR(64) NOT NULL,
    "seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "seal_device_signature_pkey" PRIMARY KEY ("device_id","signature")
);

-- CreateIndex
CREATE INDEX "shipment_container_number_created_at_idx" ON "shipment"("container_number", "created_at");

-- CreateIndex
CREATE INDEX "shipment_declaration_id_idx" ON "shipment"("declaration_id");

-- CreateIndex
CREATE INDEX "shipment_closed_at_last_event_at_idx" ON "shipment"("closed_at", "last_event_at");

-- CreateIndex
CREATE INDEX "shipment_created_at_idx" ON "shipment"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "shipment_seal_shipment_id_identifier_key" ON "shipment_seal"("shipment_id", "identifier");

-- CreateIndex
CREATE UNIQUE INDEX "route_stop_shipment_id_sequence_key" ON "route_stop"("shipment_id", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "seal_event_event_id_key" ON "seal_event"("event_id");

-- CreateIndex
CREATE INDEX "seal_event_shipment_id_event_time_id_idx" ON "seal_event"("shipment_id", "event_time", "id");

-- CreateIndex
CREATE INDEX "tracking_alert_shipment_id_raised_at_idx" ON "tracking_alert"("shipment_id", "raised_at");

-- CreateIndex
CREATE INDEX "tracking_alert_seal_event_id_idx" ON "tracking_alert"("seal_event_id");

-- CreateIndex
CREATE INDEX "seal_device_company_id_idx" ON "seal_device"("company_id");

-- CreateIndex
CREATE INDEX "seal_device_signature_seen_at_idx" ON "seal_device_signature"("seen_at");

-- AddForeignKey
ALTER TABLE "shipment" ADD CONSTRAINT "shipment_declaration_id_fkey" FOREIGN KEY ("declaration_id") REFERENCES "declaration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipment_seal" ADD CONSTRAINT "shipment_seal_shipment_id_fkey" FOREIGN KEY ("shipment_id") REFERENCES "shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "route_stop" ADD CONSTRAINT "route_stop_shipment_id_fkey" FOREIGN KEY ("shipment_id") REFERENCES "shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "seal_event" ADD CONSTRAINT "seal_event_shipment_id_fkey" FOREIGN KEY ("shipment_id") REFERENCES "shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tracking_alert" ADD CONSTRAINT "tracking_alert_shipment_id_fkey" FOREIGN KEY ("shipment_id") REFERENCES "shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tracking_alert" ADD CONSTRAINT "tracking_alert_seal_event_id_fkey" FOREIGN KEY ("seal_event_id") REFERENCES "seal_event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "seal_device" ADD CONSTRAINT "seal_device_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "seal_device_signature" ADD CONSTRAINT "seal_device_signature_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "seal_device"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Seal events are evidence: once captured, no path may rewrite or remove them (refuse_change() is
-- defined by the declarations migration).
CREATE TRIGGER "seal_event_append_only" BEFORE UPDATE OR DELETE ON "seal_event"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
