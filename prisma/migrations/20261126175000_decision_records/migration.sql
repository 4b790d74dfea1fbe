-- The customs decision (release or rejection) of a declaration as a canonical record, and its SHA-256,
-- which the ledger anchors so that anyone can check a release note against it.

-- AlterTable
ALTER TABLE "declaration" ADD COLUMN "decision_record" TEXT,
ADD COLUMN "decision_sha256" CHAR(64);
