-- Parties, users, declarations with containers and goods items, versions, status history,
-- idempotency keys and the audit trail.

-- CreateEnum
CREATE TYPE "party_role" AS ENUM ('IMPORTER', 'EXPORTER', 'BROKER', 'CARRIER');

-- CreateEnum
CREATE TYPE "user_role" AS ENUM ('TRADER', 'BROKER', 'OFFICER', 'ADMIN');

-- CreateEnum
CREATE TYPE "declaration_status" AS ENUM ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RISK_ASSESSED', 'UNDER_CONTROL', 'QUERY', 'DUTY_ASSESSED', 'PAID', 'RELEASED', 'REJECTED', 'CANCEL_REQUESTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "risk_lane" AS ENUM ('GREEN', 'YELLOW', 'RED');

-- CreateEnum
CREATE TYPE "declaration_type" AS ENUM ('IM', 'EX', 'CO');

-- CreateEnum
CREATE TYPE "representation_status" AS ENUM ('DIRECT', 'INDIRECT');

-- CreateTable
CREATE TABLE "company" (
    "id" UUID NOT NULL,
    "eori" VARCHAR(17) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "street" VARCHAR(200) NOT NULL,
    "city" VARCHAR(100) NOT NULL,
    "postcode" VARCHAR(20),
    "country" CHAR(2) NOT NULL,
    "roles" "party_role"[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "role" "user_role" NOT NULL,
    "company_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "declaration" (
    "id" UUID NOT NULL,
    "lrn" VARCHAR(22) NOT NULL,
    "mrn" CHAR(18),
    "status" "declaration_status" NOT NULL DEFAULT 'DRAFT',
    "lane" "risk_lane",
    "risk_score" INTEGER,
    "type" "declaration_type" NOT NULL,
    "additional_type" CHAR(1) NOT NULL,
    "procedure_code" CHAR(4),
    "additional_procedure" CHAR(3),
    "declarant_id" UUID NOT NULL,
    "importer_id" UUID,
    "exporter_id" UUID,
    "representative_id" UUID,
    "representation_status" "representation_status",
    "incoterm" VARCHAR(3),
    "incoterm_place" CHAR(5),
    "transport_mode" SMALLINT,
    "transport_document" VARCHAR(70),
    "office_of_entry" CHAR(8),
    "office_of_declaration" CHAR(8),
    "office_of_exit" CHAR(8),
    "invoice_currency" CHAR(3),
    "invoice_amount" DECIMAL(18,2),
    "exchange_rate" DECIMAL(18,6),
    "freight" DECIMAL(18,2),
    "insurance" DECIMAL(18,2),
    "total_packages" INTEGER,
    "gross_mass" DECIMAL(14,3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "submitted_at" TIMESTAMPTZ(3),
    "released_at" TIMESTAMPTZ(3),

    CONSTRAINT "declaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transport_equipment" (
    "id" UUID NOT NULL,
    "declaration_id" UUID NOT NULL,
    "sequence" SMALLINT NOT NULL,
    "container_number" CHAR(11) NOT NULL,
    "seals" TEXT[],

    CONSTRAINT "transport_equipment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "goods_item" (
    "id" UUID NOT NULL,
    "declaration_id" UUID NOT NULL,
    "sequence" SMALLINT NOT NULL,
    "commodity_code" VARCHAR(10) NOT NULL,
    "description" VARCHAR(512) NOT NULL,
    "origin_country" CHAR(2) NOT NULL,
    "preference_code" CHAR(3),
    "package_kind" VARCHAR(2) NOT NULL,
    "package_count" INTEGER NOT NULL,
    "marks" VARCHAR(512),
    "gross_mass" DECIMAL(14,3) NOT NULL,
    "net_mass" DECIMAL(14,3) NOT NULL,
    "supplementary_quantity" DECIMAL(14,3),
    "supplementary_unit" VARCHAR(3),
    "item_price" DECIMAL(18,2) NOT NULL,
    "customs_value" DECIMAL(18,2),
    "statistical_value" DECIMAL(18,2),
    "valuation_method" SMALLINT NOT NULL DEFAULT 1,
    "procedure_code" CHAR(4),
    "document_refs" TEXT[],

    CONSTRAINT "goods_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "declaration_version" (
    "id" UUID NOT NULL,
    "declaration_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "reason" VARCHAR(500),
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "declaration_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "declaration_status_change" (
    "id" BIGSERIAL NOT NULL,
    "declaration_id" UUID NOT NULL,
    "from_status" "declaration_status",
    "to_status" "declaration_status" NOT NULL,
    "actor_id" UUID,
    "reason" VARCHAR(1000),
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "declaration_status_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_key" (
    "scope" VARCHAR(64) NOT NULL,
    "key" VARCHAR(128) NOT NULL,
    "operation" VARCHAR(64) NOT NULL,
    "result_id" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_key_pkey" PRIMARY KEY ("scope","key")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "company_id" UUID,
    "action" VARCHAR(64) NOT NULL,
    "target_type" VARCHAR(64) NOT NULL,
    "target_id" VARCHAR(64) NOT NULL,
    "request_id" VARCHAR(64),
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "company_eori_key" ON "company"("eori");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_company_id_idx" ON "app_user"("company_id");

-- CreateIndex
CREATE UNIQUE INDEX "declaration_mrn_key" ON "declaration"("mrn");

-- CreateIndex
CREATE INDEX "declaration_status_risk_score_idx" ON "declaration"("status", "risk_score");

-- CreateIndex
CREATE INDEX "declaration_importer_id_idx" ON "declaration"("importer_id");

-- CreateIndex
CREATE INDEX "declaration_exporter_id_idx" ON "declaration"("exporter_id");

-- CreateIndex
CREATE INDEX "declaration_representative_id_idx" ON "declaration"("representative_id");

-- CreateIndex
CREATE INDEX "declaration_created_at_idx" ON "declaration"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "declaration_declarant_id_lrn_key" ON "declaration"("declarant_id", "lrn");

-- CreateIndex
CREATE INDEX "transport_equipment_container_number_idx" ON "transport_equipment"("container_number");

-- CreateIndex
CREATE UNIQUE INDEX "transport_equipment_declaration_id_container_number_key" ON "transport_equipment"("declaration_id", "container_number");

-- CreateIndex
CREATE UNIQUE INDEX "transport_equipment_declaration_id_sequence_key" ON "transport_equipment"("declaration_id", "sequence");

-- CreateIndex
CREATE INDEX "goods_item_commodity_code_idx" ON "goods_item"("commodity_code");

-- CreateIndex
CREATE UNIQUE INDEX "goods_item_declaration_id_sequence_key" ON "goods_item"("declaration_id", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "declaration_version_declaration_id_version_key" ON "declaration_version"("declaration_id", "version");

-- CreateIndex
CREATE INDEX "declaration_status_change_declaration_id_at_idx" ON "declaration_status_change"("declaration_id", "at");

-- CreateIndex
CREATE INDEX "audit_event_target_type_target_id_idx" ON "audit_event"("target_type", "target_id");

-- CreateIndex
CREATE INDEX "audit_event_company_id_at_idx" ON "audit_event"("company_id", "at");

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declaration" ADD CONSTRAINT "declaration_declarant_id_fkey" FOREIGN KEY ("declarant_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declaration" ADD CONSTRAINT "declaration_importer_id_fkey" FOREIGN KEY ("importer_id") REFERENCES "company"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declaration" ADD CONSTRAINT "declaration_exporter_id_fkey" FOREIGN KEY ("exporter_id") REFERENCES "company"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declaration" ADD CONSTRAINT "declaration_representative_id_fkey" FOREIGN KEY ("representative_id") REFERENCES "company"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declaration" ADD CONSTRAINT "declaration_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transport_equipment" ADD CONSTRAINT "transport_equipment_declaration_id_fkey" FOREIGN KEY ("declaration_id") REFERENCES "declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goods_item" ADD CONSTRAINT "goods_item_declaration_id_fkey" FOREIGN KEY ("declaration_id") REFERENCES "declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declaration_version" ADD CONSTRAINT "declaration_version_declaration_id_fkey" FOREIGN KEY ("declaration_id") REFERENCES "declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declaration_version" ADD CONSTRAINT "declaration_version_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declaration_status_change" ADD CONSTRAINT "declaration_status_change_declaration_id_fkey" FOREIGN KEY ("declaration_id") REFERENCES "declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declaration_status_change" ADD CONSTRAINT "declaration_status_change_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The audit trail and the status history are append-only: no path may rewrite them.
CREATE FUNCTION "refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_event_append_only" BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

CREATE TRIGGER "declaration_version_append_only" BEFORE UPDATE ON "declaration_version"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
