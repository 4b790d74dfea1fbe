-- Control results and learned risk (issue 14).
--
-- control_result: what the officer found at control, one immutable row per version (a correction is a
-- new version); findings per item with the corrected values and the duties recomputed from the tariff.
-- control_history_import / control_history: past declarations with their control results, imported
-- from CSV (the WCO/DATE transaction layout); every row belongs to one import batch, which can be undone.
-- risk_model: trained model versions with their held-out metrics (shadow until activated).
-- risk_model_score: each model's score of a declaration at submission (the active one and the shadow one).
-- user_role RISK_ANALYST: trains and activates models.

ALTER TYPE "user_role" ADD VALUE 'RISK_ANALYST';

-- CreateEnum
CREATE TYPE "control_outcome" AS ENUM ('NO_DISCREPANCY', 'DISCREPANCY', 'SEIZURE');
CREATE TYPE "control_import_status" AS ENUM ('RUNNING', 'COMPLETED', 'REFUSED', 'UNDONE');
CREATE TYPE "risk_model_status" AS ENUM ('TRAINING', 'SHADOW', 'ACTIVE', 'RETIRED', 'FAILED');

-- CreateTable
CREATE TABLE "control_result" (
    "id" UUID NOT NULL,
    "declaration_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "outcome" "control_outcome" NOT NULL,
    "findings" JSONB NOT NULL,
    "additional_duties" DECIMAL(18,2) NOT NULL,
    "note" VARCHAR(4000),
    "correction_reason" VARCHAR(1000),
    "record" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "recorded_by_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "control_result_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "control_result_declaration_id_version_key" ON "control_result"("declaration_id", "version");
ALTER TABLE "control_result" ADD CONSTRAINT "control_result_declaration_id_fkey" FOREIGN KEY ("declaration_id") REFERENCES "declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "control_result" ADD CONSTRAINT "control_result_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "control_history_import" (
    "id" UUID NOT NULL,
    "status" "control_import_status" NOT NULL DEFAULT 'RUNNING',
    "file_name" VARCHAR(200) NOT NULL,
    "mapping" JSONB NOT NULL,
    "bytes_read" BIGINT NOT NULL DEFAULT 0,
    "rows_read" INTEGER NOT NULL DEFAULT 0,
    "rows_accepted" INTEGER NOT NULL DEFAULT 0,
    "rows_refused" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "undone_at" TIMESTAMPTZ(3),

    CONSTRAINT "control_history_import_pkey" PRIMARY KEY ("id")
);
ALTER TABLE "control_history_import" ADD CONSTRAINT "control_history_import_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "control_history" (
    "sgd_id" VARCHAR(64) NOT NULL,
    "import_id" UUID NOT NULL,
    "sgd_date" DATE NOT NULL,
    "importer_id" VARCHAR(64) NOT NULL,
    "declarant_id" VARCHAR(64) NOT NULL,
    "country" CHAR(2) NOT NULL,
    "office_id" VARCHAR(16) NOT NULL,
    "tariff_code" VARCHAR(10) NOT NULL,
    "quantity" DECIMAL(18,3) NOT NULL,
    "gross_weight" DECIMAL(18,3) NOT NULL,
    "fob_value" DECIMAL(18,2) NOT NULL,
    "cif_value" DECIMAL(18,2) NOT NULL,
    "total_taxes" DECIMAL(18,2) NOT NULL,
    "illicit" BOOLEAN NOT NULL,
    "revenue" DECIMAL(18,2) NOT NULL,

    CONSTRAINT "control_history_pkey" PRIMARY KEY ("sgd_id")
);
CREATE INDEX "control_history_import_id_idx" ON "control_history"("import_id");
CREATE INDEX "control_history_sgd_date_idx" ON "control_history"("sgd_date");
ALTER TABLE "control_history" ADD CONSTRAINT "control_history_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "control_history_import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "risk_model" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "risk_model_status" NOT NULL DEFAULT 'TRAINING',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "progress_message" VARCHAR(200),
    "error" VARCHAR(2000),
    "features" JSONB NOT NULL DEFAULT '[]',
    "parameters" JSONB NOT NULL DEFAULT '{}',
    "window_from" TIMESTAMPTZ(3),
    "window_to" TIMESTAMPTZ(3),
    "train_rows" INTEGER NOT NULL DEFAULT 0,
    "test_rows" INTEGER NOT NULL DEFAULT 0,
    "metrics" JSONB,
    "artifact" JSONB,
    "training_ms" INTEGER,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "trained_at" TIMESTAMPTZ(3),
    "activated_at" TIMESTAMPTZ(3),
    "activated_by_id" UUID,
    "activation_reason" VARCHAR(1000),
    "forced" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "risk_model_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "risk_model_version_key" ON "risk_model"("version");
ALTER TABLE "risk_model" ADD CONSTRAINT "risk_model_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "risk_model_score" (
    "declaration_id" UUID NOT NULL,
    "model_id" UUID NOT NULL,
    "probability" DOUBLE PRECISION NOT NULL,
    "expected_revenue" DECIMAL(18,2) NOT NULL,
    "used" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "risk_model_score_pkey" PRIMARY KEY ("declaration_id", "model_id")
);
CREATE INDEX "risk_model_score_model_id_idx" ON "risk_model_score"("model_id");
ALTER TABLE "risk_model_score" ADD CONSTRAINT "risk_model_score_declaration_id_fkey" FOREIGN KEY ("declaration_id") REFERENCES "declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "risk_model_score" ADD CONSTRAINT "risk_model_score_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "risk_model"("id") ON DELETE CASCADE ON UPDATE CASCADE;
