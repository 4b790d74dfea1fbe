-- Everyday work (issue 20): declaration templates, officer claims and saved queue views, and the
-- index the clearance statistics read the status history through.

-- CreateTable
CREATE TABLE "declaration_template" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "body" JSONB NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "declaration_template_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "declaration_claim" (
    "declaration_id" UUID NOT NULL,
    "officer_id" UUID NOT NULL,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "declaration_claim_pkey" PRIMARY KEY ("declaration_id")
);

-- CreateTable
CREATE TABLE "officer_queue_view" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "filter" JSONB NOT NULL,
    "order_by" VARCHAR(32) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "officer_queue_view_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "declaration_template_company_id_name_key" ON "declaration_template"("company_id", "name");

-- CreateIndex
CREATE INDEX "declaration_claim_officer_id_idx" ON "declaration_claim"("officer_id");

-- CreateIndex
CREATE UNIQUE INDEX "officer_queue_view_user_id_name_key" ON "officer_queue_view"("user_id", "name");

-- CreateIndex
CREATE INDEX "declaration_status_change_to_status_at_idx" ON "declaration_status_change"("to_status", "at");

-- AddForeignKey
ALTER TABLE "declaration_template" ADD CONSTRAINT "declaration_template_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declaration_template" ADD CONSTRAINT "declaration_template_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declaration_claim" ADD CONSTRAINT "declaration_claim_declaration_id_fkey" FOREIGN KEY ("declaration_id") REFERENCES "declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declaration_claim" ADD CONSTRAINT "declaration_claim_officer_id_fkey" FOREIGN KEY ("officer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "officer_queue_view" ADD CONSTRAINT "officer_queue_view_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
