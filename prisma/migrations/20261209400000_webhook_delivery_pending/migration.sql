-- An endpoint's deliver-webhooks job reads its pending deliveries on every batch (deliver-webhooks-task.ts).
CREATE INDEX "webhook_delivery_endpoint_id_state_idx" ON "webhook_delivery"("endpoint_id", "state");
