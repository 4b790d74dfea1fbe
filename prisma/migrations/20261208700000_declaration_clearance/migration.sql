-- Per-declaration lodgement and release times for the clearance statistics (issue 20): the dashboard
-- reads one row per declaration by release time instead of searching the status history for each
-- release's first submission. A statement-level trigger keeps it in the transaction that writes the
-- status change (so it is never behind, whichever code path changes a status), and this migration
-- backfills it from the history.
CREATE TABLE "declaration_clearance" (
    "declaration_id" UUID NOT NULL,
    "lodged_at" TIMESTAMPTZ(3),
    "released_at" TIMESTAMPTZ(3),

    CONSTRAINT "declaration_clearance_pkey" PRIMARY KEY ("declaration_id")
);

CREATE INDEX "declaration_clearance_released_at_idx" ON "declaration_clearance"("released_at");
CREATE INDEX "declaration_clearance_lodged_at_idx" ON "declaration_clearance"("lodged_at");

ALTER TABLE "declaration_clearance" ADD CONSTRAINT "declaration_clearance_declaration_id_fkey" FOREIGN KEY ("declaration_id") REFERENCES "declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The first submission is the lodgement; the first release the release (WCO Time Release Study).
-- Recomputed from the history of each declaration the statement touched, so a corrected history (an
-- UPDATE of its times) is followed as well as a new status change.
CREATE FUNCTION "declaration_clearance_track"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "declaration_clearance" ("declaration_id", "lodged_at", "released_at")
  SELECT h."declaration_id",
         min(h."at") FILTER (WHERE h."to_status" = 'SUBMITTED'),
         min(h."at") FILTER (WHERE h."to_status" = 'RELEASED')
    FROM "declaration_status_change" h
   WHERE h."declaration_id" IN (SELECT c."declaration_id" FROM changed c WHERE TG_OP = 'UPDATE' OR c."to_status" IN ('SUBMITTED', 'RELEASED'))
   GROUP BY h."declaration_id"
  ON CONFLICT ("declaration_id") DO UPDATE SET "lodged_at" = EXCLUDED."lodged_at", "released_at" = EXCLUDED."released_at";
  RETURN NULL;
END $$;

CREATE TRIGGER "declaration_clearance_track" AFTER INSERT ON "declaration_status_change"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "declaration_clearance_track"();
CREATE TRIGGER "declaration_clearance_track_update" AFTER UPDATE ON "declaration_status_change"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "declaration_clearance_track"();

INSERT INTO "declaration_clearance" ("declaration_id", "lodged_at", "released_at")
SELECT "declaration_id", min("at") FILTER (WHERE "to_status" = 'SUBMITTED'), min("at") FILTER (WHERE "to_status" = 'RELEASED')
  FROM "declaration_status_change"
 WHERE "to_status" IN ('SUBMITTED', 'RELEASED')
 GROUP BY "declaration_id";
