-- National tariff lines with duty measures, computed duty lines, payment fields, risk rules and
-- findings, and customs queries.

-- CreateEnum
CREATE TYPE "tax_type" AS ENUM ('DUTY', 'VAT', 'EXCISE');

-- CreateEnum
CREATE TYPE "measure_kind" AS ENUM ('AD_VALOREM', 'SPECIFIC', 'COMPOUND');

-- CreateEnum
CREATE TYPE "risk_rule_kind" AS ENUM ('ORIGIN_WATCHLIST', 'HS_CHAPTER', 'NEW_FILER', 'LOW_VALUE_PER_KG');

-- AlterTable
ALTER TABLE "declaration" ADD COLUMN "duty_total" DECIMAL(18,2),
ADD COLUMN "paid_at" TIMESTAMPTZ(3),
ADD COLUMN "payment_reference" VARCHAR(70);

-- CreateTable
CREATE TABLE "tariff_line" (
    "code" VARCHAR(10) NOT NULL,
    "hs_code" VARCHAR(6) NOT NULL,
    "description" TEXT NOT NULL,
    "supplementary_unit" VARCHAR(3),

    CONSTRAINT "tariff_line_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "duty_measure" (
    "id" UUID NOT NULL,
    "tariff_line_code" VARCHAR(10) NOT NULL,
    "tax_type" "tax_type" NOT NULL,
    "kind" "measure_kind" NOT NULL,
    "ad_valorem_rate" DECIMAL(7,3),
    "specific_rate" DECIMAL(14,4),
    "specific_unit" VARCHAR(3),
    "origin_country" CHAR(2),

    CONSTRAINT "duty_measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "duty_line" (
    "id" UUID NOT NULL,
    "goods_item_id" UUID NOT NULL,
    "tax_type" "tax_type" NOT NULL,
    "base" DECIMAL(18,3) NOT NULL,
    "rate" VARCHAR(100) NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,

    CONSTRAINT "duty_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk_rule" (
    "id" UUID NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "kind" "risk_rule_kind" NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "weight" INTEGER NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by_id" UUID,

    CONSTRAINT "risk_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "yellow_from" INTEGER NOT NULL,
    "red_from" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by_id" UUID,

    CONSTRAINT "risk_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk_finding" (
    "id" UUID NOT NULL,
    "declaration_id" UUID NOT NULL,
    "rule_key" VARCHAR(64) NOT NULL,
    "weight" INTEGER NOT NULL,
    "reason" VARCHAR(1000) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "risk_finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "declaration_query" (
    "id" UUID NOT NULL,
    "declaration_id" UUID NOT NULL,
    "question" VARCHAR(2000) NOT NULL,
    "asked_by_id" UUID NOT NULL,
    "asked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" VARCHAR(2000),
    "answered_by_id" UUID,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "declaration_query_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "tariff_line_hs_code_idx" ON "tariff_line"("hs_code");

-- CreateIndex
CREATE INDEX "duty_measure_tariff_line_code_idx" ON "duty_measure"("tariff_line_code");

-- CreateIndex
CREATE INDEX "duty_line_goods_item_id_idx" ON "duty_line"("goods_item_id");

-- CreateIndex
CREATE UNIQUE INDEX "risk_rule_key_key" ON "risk_rule"("key");

-- CreateIndex
CREATE INDEX "risk_finding_declaration_id_idx" ON "risk_finding"("declaration_id");

-- CreateIndex
CREATE INDEX "declaration_query_declaration_id_idx" ON "declaration_query"("declaration_id");

-- AddForeignKey
ALTER TABLE "tariff_line" ADD CONSTRAINT "tariff_line_hs_code_fkey" FOREIGN KEY ("hs_code") REFERENCES "hs_code"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "duty_measure" ADD CONSTRAINT "duty_measure_tariff_line_code_fkey" FOREIGN KEY ("tariff_line_code") REFERENCES "tariff_line"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "duty_line" ADD CONSTRAINT "duty_line_goods_item_id_fkey" FOREIGN KEY ("goods_item_id") REFERENCES "goods_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_finding" ADD CONSTRAINT "risk_finding_declaration_id_fkey" FOREIGN KEY ("declaration_id") REFERENCES "declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declaration_query" ADD CONSTRAINT "declaration_query_declaration_id_fkey" FOREIGN KEY ("declaration_id") REFERENCES "declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declaration_query" ADD CONSTRAINT "declaration_query_asked_by_id_fkey" FOREIGN KEY ("asked_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declaration_query" ADD CONSTRAINT "declaration_query_answered_by_id_fkey" FOREIGN KEY ("answered_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
