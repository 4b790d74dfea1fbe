-- HS 2022 nomenclature: sections, chapters, headings, subheadings; and a record of loaded datasets.

-- CreateTable
CREATE TABLE "hs_section" (
    "id" VARCHAR(5) NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "hs_section_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "hs_code" (
    "code" VARCHAR(6) NOT NULL,
    "description" TEXT NOT NULL,
    "level" SMALLINT NOT NULL,
    "parent_code" VARCHAR(6),
    "section_id" VARCHAR(5),

    CONSTRAINT "hs_code_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "reference_dataset" (
    "name" TEXT NOT NULL,
    "checksum" CHAR(64) NOT NULL,
    "rows" INTEGER NOT NULL,
    "loaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reference_dataset_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "hs_section_position_key" ON "hs_section"("position");

-- CreateIndex
CREATE INDEX "hs_code_parent_code_idx" ON "hs_code"("parent_code");

-- CreateIndex
CREATE INDEX "hs_code_section_id_idx" ON "hs_code"("section_id");

-- AddForeignKey
ALTER TABLE "hs_code" ADD CONSTRAINT "hs_code_section_id_fkey" FOREIGN KEY ("section_id") REFERENCES "hs_section"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hs_code" ADD CONSTRAINT "hs_code_parent_code_fkey" FOREIGN KEY ("parent_code") REFERENCES "hs_code"("code") ON DELETE SET NULL ON UPDATE CASCADE;
