-- Who may report seal events for a shipment, and event ids scoped per reporter (issue 12, items 2, 3, 15).
--
-- shipment_reporter: the companies (any of their events:write tokens and signed devices) or single
-- devices that the declarant authorised to report for a shipment. Events from anyone else (other
-- than the declarant and customs) are refused as if the container were not tracked.
--
-- seal_event.reporter: the reporter an event id belongs to ("company:<uuid>", or "customs" for
-- customs officers); an id is unique per reporter, so nobody can take another reporter's ids first.
-- Existing rows get the reporter their company column names: event ids were unique globally, so
-- they stay unique per reporter.
--
-- epcis_capture.error_count: how many problems a refused document had (only the first 100 are kept).

-- CreateTable
CREATE TABLE "shipment_reporter" (
    "id" UUID NOT NULL,
    "shipment_id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "device_id" UUID,
    "role" "seal_source" NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shipment_reporter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "shipment_reporter_shipment_id_company_id_idx" ON "shipment_reporter"("shipment_id", "company_id");

-- AddForeignKey
ALTER TABLE "shipment_reporter" ADD CONSTRAINT "shipment_reporter_shipment_id_fkey" FOREIGN KEY ("shipment_id") REFERENCES "shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipment_reporter" ADD CONSTRAINT "shipment_reporter_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipment_reporter" ADD CONSTRAINT "shipment_reporter_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "seal_device"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AlterTable: seal_event is append-only (trigger); the backfill is the one sanctioned rewrite.
ALTER TABLE "seal_event" ADD COLUMN "reporter" VARCHAR(64);
ALTER TABLE "seal_event" DISABLE TRIGGER "seal_event_append_only";
UPDATE "seal_event" SET "reporter" = COALESCE('company:' || "company_id"::text, 'customs');
ALTER TABLE "seal_event" ENABLE TRIGGER "seal_event_append_only";
ALTER TABLE "seal_event" ALTER COLUMN "reporter" SET NOT NULL;

-- DropIndex
DROP INDEX "seal_event_event_id_key";

-- CreateIndex
CREATE UNIQUE INDEX "seal_event_reporter_event_id_key" ON "seal_event"("reporter", "event_id");

-- AlterTable
ALTER TABLE "epcis_capture" ADD COLUMN "error_count" INTEGER NOT NULL DEFAULT 0;
