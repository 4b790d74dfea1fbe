-- Single window: other agencies' licences, permits and certificates (LPCO), issue 13 (docs/permits.md).
--
-- agency: border agencies other than customs; app_user.agency_id binds an AGENCY_OFFICER to one.
-- permit_rule: requirement rules as data (current version); permit_rule_version keeps every version as
--   it was, so a declaration keeps the version that applied at submission.
-- permit_application → permit: the LPCO lifecycle; permit_balance_entry: the history of a
--   quantity-managed permit's balance, which a CHECK keeps from ever going below zero.
-- declaration_permit_requirement: each goods item's requirements and what satisfies each one.

-- AlterEnum (the new value is not used in this transaction, as PostgreSQL requires)
ALTER TYPE "user_role" ADD VALUE 'AGENCY_OFFICER';

-- CreateEnum
CREATE TYPE "agency_kind" AS ENUM ('VETERINARY', 'PLANT_HEALTH', 'HEALTH', 'CONFORMITY', 'WILDLIFE', 'STRATEGIC_GOODS', 'OTHER');
CREATE TYPE "trade_direction" AS ENUM ('IMPORT', 'EXPORT', 'TRANSIT');
CREATE TYPE "permit_severity" AS ENUM ('REQUIRED', 'MAY_BE_REQUIRED');
CREATE TYPE "permit_application_status" AS ENUM ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'INFO_REQUESTED', 'APPROVED', 'REJECTED');
CREATE TYPE "permit_status" AS ENUM ('ACTIVE', 'REVOKED', 'EXHAUSTED');
CREATE TYPE "permit_balance_kind" AS ENUM ('RESERVE', 'WRITE_OFF', 'RETURN');

-- CreateTable
CREATE TABLE "agency" (
    "id" UUID NOT NULL,
    "code" VARCHAR(16) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "kind" "agency_kind" NOT NULL,
    "contact_email" VARCHAR(254) NOT NULL,
    "contact_phone" VARCHAR(40),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "agency_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "agency_code_key" ON "agency"("code");

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN "agency_id" UUID;
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "permit_rule" (
    "id" UUID NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "agency_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "document_code" VARCHAR(3) NOT NULL,
    "hs_prefix" VARCHAR(10) NOT NULL,
    "origin_include" TEXT[],
    "origin_exclude" TEXT[],
    "direction" "trade_direction" NOT NULL,
    "procedure_codes" TEXT[],
    "severity" "permit_severity" NOT NULL,
    "validity_days" INTEGER NOT NULL,
    "quantity_managed" BOOLEAN NOT NULL,
    "quantity_unit" VARCHAR(3),
    "legal_basis" VARCHAR(300) NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "retired_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "permit_rule_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "permit_rule_hs_prefix" CHECK ("hs_prefix" ~ '^[0-9]{2,10}$')
);
CREATE UNIQUE INDEX "permit_rule_key_key" ON "permit_rule"("key");
CREATE INDEX "permit_rule_hs_prefix_direction_idx" ON "permit_rule"("hs_prefix", "direction");
CREATE INDEX "permit_rule_agency_id_idx" ON "permit_rule"("agency_id");
ALTER TABLE "permit_rule" ADD CONSTRAINT "permit_rule_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "permit_rule_version" (
    "id" UUID NOT NULL,
    "rule_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "retired" BOOLEAN NOT NULL DEFAULT false,
    "changed_by_id" UUID,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "permit_rule_version_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "permit_rule_version_rule_id_version_key" ON "permit_rule_version"("rule_id", "version");
ALTER TABLE "permit_rule_version" ADD CONSTRAINT "permit_rule_version_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "permit_rule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "permit_application" (
    "id" UUID NOT NULL,
    "number" VARCHAR(20) NOT NULL,
    "agency_id" UUID NOT NULL,
    "rule_id" UUID,
    "rule_version" INTEGER,
    "document_code" VARCHAR(3) NOT NULL,
    "direction" "trade_direction" NOT NULL,
    "applicant_id" UUID NOT NULL,
    "filer_company_id" UUID NOT NULL,
    "created_by_id" UUID NOT NULL,
    "declaration_id" UUID,
    "status" "permit_application_status" NOT NULL DEFAULT 'DRAFT',
    "goods" JSONB NOT NULL,
    "counterparty" JSONB,
    "requested_quantity" DECIMAL(14,3),
    "quantity_unit" VARCHAR(3),
    "purpose" VARCHAR(1000),
    "info_request" VARCHAR(1000),
    "info_answer" VARCHAR(2000),
    "decision_reason" VARCHAR(1000),
    "agency_note" VARCHAR(2000),
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "submitted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "permit_application_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "permit_application_number_key" ON "permit_application"("number");
CREATE INDEX "permit_application_agency_id_status_submitted_at_idx" ON "permit_application"("agency_id", "status", "submitted_at");
CREATE INDEX "permit_application_applicant_id_created_at_idx" ON "permit_application"("applicant_id", "created_at");
CREATE INDEX "permit_application_declaration_id_idx" ON "permit_application"("declaration_id");
ALTER TABLE "permit_application" ADD CONSTRAINT "permit_application_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "permit_application" ADD CONSTRAINT "permit_application_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "permit_rule"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "permit_application" ADD CONSTRAINT "permit_application_applicant_id_fkey" FOREIGN KEY ("applicant_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "permit_application" ADD CONSTRAINT "permit_application_declaration_id_fkey" FOREIGN KEY ("declaration_id") REFERENCES "declaration"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "permit" (
    "id" UUID NOT NULL,
    "number" VARCHAR(40) NOT NULL,
    "application_id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "holder_id" UUID NOT NULL,
    "document_code" VARCHAR(3) NOT NULL,
    "commodity_codes" TEXT[],
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "valid_until" TIMESTAMPTZ(3) NOT NULL,
    "status" "permit_status" NOT NULL DEFAULT 'ACTIVE',
    "quantity_unit" VARCHAR(3),
    "total_quantity" DECIMAL(14,3),
    "available" DECIMAL(14,3),
    "reserved" DECIMAL(14,3) NOT NULL DEFAULT 0,
    "drawn" DECIMAL(14,3) NOT NULL DEFAULT 0,
    "decision_record" TEXT NOT NULL,
    "decision_sha256" CHAR(64) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_reason" VARCHAR(1000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "permit_pkey" PRIMARY KEY ("id"),
    -- The guarantee behind "never overdrawn": a draw that would go below zero fails, whatever the caller.
    CONSTRAINT "permit_balance_not_negative" CHECK ("available" IS NULL OR ("available" >= 0 AND "reserved" >= 0 AND "available" + "reserved" + "drawn" = "total_quantity")),
    CONSTRAINT "permit_validity" CHECK ("valid_until" > "valid_from")
);
CREATE UNIQUE INDEX "permit_number_key" ON "permit"("number");
CREATE UNIQUE INDEX "permit_application_id_key" ON "permit"("application_id");
CREATE INDEX "permit_holder_id_idx" ON "permit"("holder_id");
ALTER TABLE "permit" ADD CONSTRAINT "permit_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "permit_application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "permit" ADD CONSTRAINT "permit_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "permit" ADD CONSTRAINT "permit_holder_id_fkey" FOREIGN KEY ("holder_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "permit_balance_entry" (
    "id" BIGSERIAL NOT NULL,
    "permit_id" UUID NOT NULL,
    "declaration_id" UUID,
    "kind" "permit_balance_kind" NOT NULL,
    "quantity" DECIMAL(14,3) NOT NULL,
    "available_after" DECIMAL(14,3) NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "permit_balance_entry_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "permit_balance_entry_permit_id_at_idx" ON "permit_balance_entry"("permit_id", "at");
ALTER TABLE "permit_balance_entry" ADD CONSTRAINT "permit_balance_entry_permit_id_fkey" FOREIGN KEY ("permit_id") REFERENCES "permit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "declaration_permit_requirement" (
    "id" UUID NOT NULL,
    "declaration_id" UUID NOT NULL,
    "item_sequence" SMALLINT NOT NULL,
    "rule_id" UUID NOT NULL,
    "rule_version" INTEGER,
    "permit_id" UUID,
    "external_reference" VARCHAR(70),
    "external_confirmed_at" TIMESTAMPTZ(3),
    "external_confirmed_by_id" UUID,
    "disclaim_code" VARCHAR(8),
    "disclaim_reason" VARCHAR(500),
    "reserved_quantity" DECIMAL(14,3),
    "drawn_quantity" DECIMAL(14,3),
    "waived_reason" VARCHAR(1000),
    "waived_by_id" UUID,
    "waived_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "declaration_permit_requirement_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "declaration_permit_requirement_declaration_id_item_sequence_key" ON "declaration_permit_requirement"("declaration_id", "item_sequence", "rule_id");
CREATE INDEX "declaration_permit_requirement_permit_id_idx" ON "declaration_permit_requirement"("permit_id");
ALTER TABLE "declaration_permit_requirement" ADD CONSTRAINT "declaration_permit_requirement_declaration_id_fkey" FOREIGN KEY ("declaration_id") REFERENCES "declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "declaration_permit_requirement" ADD CONSTRAINT "declaration_permit_requirement_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "permit_rule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "declaration_permit_requirement" ADD CONSTRAINT "declaration_permit_requirement_permit_id_fkey" FOREIGN KEY ("permit_id") REFERENCES "permit"("id") ON DELETE SET NULL ON UPDATE CASCADE;
