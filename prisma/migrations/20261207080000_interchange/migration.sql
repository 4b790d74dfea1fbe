-- Standard interchange (issue 18).
--
-- interchange_message: each message (WCO DM XML declaration, EDIFACT CUSDEC message, spreadsheet
-- declaration) that filed a declaration, by its sender's reference per filer company and format, with
-- the answer it got: a repeated message answers the same (idempotency), a reference reused for other
-- content (another SHA-256) is refused. Refused messages create nothing, so are not kept. No foreign
-- keys: the row is a receipt, kept as long as the answer may be asked for again.
--
-- spreadsheet_mapping: a company's saved column mappings for bulk filing from spreadsheets.

-- CreateTable
CREATE TABLE "interchange_message" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" UUID NOT NULL,
    "format" VARCHAR(16) NOT NULL,
    "reference" VARCHAR(140) NOT NULL,
    "content_sha256" CHAR(64) NOT NULL,
    "declaration_id" UUID NOT NULL,
    "outcome" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "interchange_message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "interchange_message_company_id_format_reference_key" ON "interchange_message"("company_id", "format", "reference");

-- CreateIndex
CREATE INDEX "interchange_message_declaration_id_idx" ON "interchange_message"("declaration_id");

-- CreateTable
CREATE TABLE "spreadsheet_mapping" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "columns" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "spreadsheet_mapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "spreadsheet_mapping_company_id_name_key" ON "spreadsheet_mapping"("company_id", "name");
