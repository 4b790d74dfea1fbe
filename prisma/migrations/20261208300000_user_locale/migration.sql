-- Languages (issue 19): the portal language a person chose, remembered on their profile so that it
-- follows them to another browser. Null until they choose; then the cookie, else Accept-Language, decides.
-- The CHECK keeps the column to the locales the portal ships (lib/i18n/locales.ts).

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN "locale" VARCHAR(8);
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_locale_check" CHECK ("locale" IN ('en', 'fr', 'es', 'ar'));
