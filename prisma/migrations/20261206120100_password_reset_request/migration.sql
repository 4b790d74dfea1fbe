-- "Forgot password" requests, queued: the request path only inserts a row (the same work whether or not
-- the email has an account, so its timing tells nothing); lib/auth/process-password-reset-requests.ts
-- looks the account up and sends the link afterwards.

-- CreateTable
CREATE TABLE "password_reset_request" (
    "id" BIGSERIAL NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "request_id" VARCHAR(64),
    "ip" VARCHAR(45),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "password_reset_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "password_reset_request_processed_at_id_idx" ON "password_reset_request"("processed_at", "id");
