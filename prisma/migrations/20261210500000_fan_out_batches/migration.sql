-- The fan-out job claims the events not yet fanned out, oldest first, many per run
-- (lib/notifications/fan-out-events-task.ts). A partial index keeps that scan to the pending few,
-- however many fanned-out events the 30 days of retention hold. (Prisma cannot say "partial":
-- schema.prisma declares the index on "id" and this migration adds the WHERE.)
CREATE INDEX "business_event_pending_idx" ON "business_event"("id") WHERE "fanned_out_at" IS NULL;
