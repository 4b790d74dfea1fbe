-- Languages (issue 19): HS descriptions per language. English stays in hs_code.description (the HS 2022
-- nomenclature shipped with the product, prisma/data/hs2022); this table holds the translations an
-- operator loads with `npm run tariff:descriptions` (lib/tariff/load-hs-descriptions.ts), one row per
-- code and language. A code without a row is shown in English with a note. The CHECK keeps the locale to
-- the non-English locales the portal ships (lib/i18n/locales.ts).

-- CreateTable
CREATE TABLE "hs_code_description" (
    "code" VARCHAR(6) NOT NULL,
    "locale" VARCHAR(8) NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "hs_code_description_pkey" PRIMARY KEY ("code","locale")
);
ALTER TABLE "hs_code_description" ADD CONSTRAINT "hs_code_description_locale_check" CHECK ("locale" IN ('fr', 'es', 'ar'));
ALTER TABLE "hs_code_description" ADD CONSTRAINT "hs_code_description_description_check" CHECK ("description" <> '');

-- AddForeignKey
ALTER TABLE "hs_code_description" ADD CONSTRAINT "hs_code_description_code_fkey" FOREIGN KEY ("code") REFERENCES "hs_code"("code") ON DELETE CASCADE ON UPDATE CASCADE;
