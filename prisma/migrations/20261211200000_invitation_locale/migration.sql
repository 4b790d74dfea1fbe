-- Languages (issue 19): the invitee's language, chosen by the inviter on the invitation form (default
-- their own). The invitation e-mail is written in it, and it becomes the invitee's profile language
-- (app_user.locale) when they accept. Null: written before, or English text from an inviter without a
-- profile language. The CHECK keeps it to the locales the portal ships, like app_user.locale's.

-- AlterTable
ALTER TABLE "invitation" ADD COLUMN "locale" VARCHAR(8);
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_locale_check" CHECK ("locale" IN ('en', 'fr', 'es', 'ar'));
