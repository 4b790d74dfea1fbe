-- The language an outbox e-mail was written in (the recipient's profile language when it was queued), so
-- the sender can label its HTML part (lang, and dir="rtl" for Arabic). Null: written before, or English
-- text for someone without a profile language (an invitation to a new address).
ALTER TABLE "outbox_message" ADD COLUMN "locale" VARCHAR(8);
