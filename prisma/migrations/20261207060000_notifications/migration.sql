-- Notifications (issue 16): one table of business events, written in the transaction that causes each
-- event (lib/notifications/record-business-event.ts), and what fans out of it: webhook endpoints with
-- their secrets, deliveries and attempts; the pull API's acknowledgements; the in-portal inbox and each
-- user's preferences; the broker's saved work-queue views. Messages to people (e-mail) stay in
-- outbox_message, which now records its attempts.

-- CreateTable
CREATE TABLE "business_event" (
    "id" BIGSERIAL NOT NULL,
    "type" VARCHAR(60) NOT NULL,
    "version" SMALLINT NOT NULL DEFAULT 1,
    "dms_code" CHAR(6),
    "declaration_id" UUID,
    "company_id" UUID,
    "mrn" CHAR(18),
    "lrn" VARCHAR(22),
    "container_number" VARCHAR(11),
    "payload" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fanned_out_at" TIMESTAMPTZ(3),

    CONSTRAINT "business_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_endpoint" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "created_by_id" UUID NOT NULL,
    "url" VARCHAR(2000) NOT NULL,
    "description" VARCHAR(500) NOT NULL DEFAULT '',
    "event_types" TEXT[],
    "disabled_at" TIMESTAMPTZ(3),
    "disabled_reason" VARCHAR(300),
    "failing_since" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webhook_endpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_secret" (
    "id" UUID NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "secret" VARCHAR(100) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),

    CONSTRAINT "webhook_secret_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_delivery" (
    "id" UUID NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "event_id" BIGINT,
    "test_payload" JSONB,
    "state" VARCHAR(12) NOT NULL DEFAULT 'PENDING',
    "attempt_count" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_attempt" (
    "id" UUID NOT NULL,
    "delivery_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "status_code" INTEGER,
    "latency_ms" INTEGER,
    "error" VARCHAR(500),
    "response_excerpt" VARCHAR(1000),

    CONSTRAINT "webhook_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_ack" (
    "token_id" UUID NOT NULL,
    "event_id" BIGINT NOT NULL,
    "acknowledged_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_ack_pkey" PRIMARY KEY ("token_id","event_id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" BIGSERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "event_id" BIGINT NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "link" VARCHAR(300),
    "channel" VARCHAR(12) NOT NULL,
    "read_at" TIMESTAMPTZ(3),
    "digested_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_preference" (
    "user_id" UUID NOT NULL,
    "event_type" VARCHAR(60) NOT NULL,
    "channel" VARCHAR(12) NOT NULL,

    CONSTRAINT "notification_preference_pkey" PRIMARY KEY ("user_id","event_type")
);

-- CreateTable
CREATE TABLE "work_queue_view" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "filters" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "work_queue_view_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "outbox_message" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "last_error" VARCHAR(500);

-- CreateIndex
CREATE INDEX "business_event_declaration_id_id_idx" ON "business_event"("declaration_id", "id");

-- CreateIndex
CREATE INDEX "business_event_company_id_id_idx" ON "business_event"("company_id", "id");

-- CreateIndex
CREATE INDEX "business_event_occurred_at_idx" ON "business_event"("occurred_at");

-- CreateIndex
CREATE INDEX "webhook_endpoint_company_id_idx" ON "webhook_endpoint"("company_id");

-- CreateIndex
CREATE INDEX "webhook_secret_endpoint_id_idx" ON "webhook_secret"("endpoint_id");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_delivery_endpoint_id_event_id_key" ON "webhook_delivery"("endpoint_id", "event_id");

-- CreateIndex
CREATE INDEX "webhook_delivery_endpoint_id_created_at_idx" ON "webhook_delivery"("endpoint_id", "created_at");

-- CreateIndex
CREATE INDEX "webhook_delivery_event_id_idx" ON "webhook_delivery"("event_id");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_attempt_delivery_id_number_key" ON "webhook_attempt"("delivery_id", "number");

-- CreateIndex
CREATE INDEX "notification_ack_event_id_idx" ON "notification_ack"("event_id");

-- CreateIndex
CREATE UNIQUE INDEX "notification_user_id_event_id_key" ON "notification"("user_id", "event_id");

-- CreateIndex
CREATE INDEX "notification_user_id_read_at_id_idx" ON "notification"("user_id", "read_at", "id");

-- CreateIndex
CREATE INDEX "notification_event_id_idx" ON "notification"("event_id");

-- CreateIndex
CREATE UNIQUE INDEX "work_queue_view_user_id_name_key" ON "work_queue_view"("user_id", "name");

-- AddForeignKey
ALTER TABLE "webhook_secret" ADD CONSTRAINT "webhook_secret_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "business_event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_attempt" ADD CONSTRAINT "webhook_attempt_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "webhook_delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_ack" ADD CONSTRAINT "notification_ack_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "business_event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "business_event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
