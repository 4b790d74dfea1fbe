-- webhook_endpoint.payload_format: what an endpoint receives for a declaration's answers: the JSON event
-- (JSON), a WCO DM Response document (XML, application/xml) or a CUSRES interchange (EDIFACT,
-- application/edifact) (lib/interchange/build-event-response.ts). Signed the same way whatever the format.

-- AlterTable
ALTER TABLE "webhook_endpoint" ADD COLUMN "payload_format" VARCHAR(16) NOT NULL DEFAULT 'JSON';
