-- scan_partner_request: the signatures of partner administrations' signed requests (RFC 9421) seen within
-- the clock-skew window, so a replayed request is refused by whichever server process receives it
-- (lib/scans/authenticate-scan-partner.ts). Rows older than the window are deleted as new ones arrive.

-- CreateTable
CREATE TABLE "scan_partner_request" (
    "signature_sha256" CHAR(64) NOT NULL,
    "partner_id" UUID NOT NULL,
    "signed_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scan_partner_request_pkey" PRIMARY KEY ("signature_sha256")
);

-- CreateIndex
CREATE INDEX "scan_partner_request_partner_id_received_at_idx" ON "scan_partner_request"("partner_id", "received_at");

-- AddForeignKey
ALTER TABLE "scan_partner_request" ADD CONSTRAINT "scan_partner_request_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "scan_partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;
