-- spreadsheet_filing: a bulk filing from a spreadsheet run as a background job
-- (lib/interchange/file-spreadsheet-task.ts). The sheet is kept as read (header, rows, mapping) so the
-- job can be retried; each declaration's outcome is appended to results as it is filed, so the portal's
-- progress bar reads done / total and the report reads results.

-- CreateTable
CREATE TABLE "spreadsheet_filing" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "file_name" VARCHAR(200) NOT NULL,
    "submit" BOOLEAN NOT NULL,
    "status" VARCHAR(16) NOT NULL DEFAULT 'QUEUED',
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "sheet" JSONB NOT NULL,
    "results" JSONB NOT NULL DEFAULT '[]',
    "failure" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "spreadsheet_filing_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "spreadsheet_filing_company_id_created_at_idx" ON "spreadsheet_filing"("company_id", "created_at");
