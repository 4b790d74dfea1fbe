-- Terminal gates that open by themselves (issue 17, the gates half).
--
-- user_role TERMINAL_OPERATOR: staff of a terminal operator company; they watch their company's gates.
--
-- gate: registered data managed by platform administrators: a stable code the readers send, a name, the
-- terminal's UN/LOCODE (the EPCIS read point of its decisions) and its direction (IN: arriving at the
-- terminal, OUT: departing). operator_company_id names the terminal operator company whose readers
-- (API tokens with gate:decide) and people may ask and watch; null = customs' own gate.
--
-- gate_event: one decision (OPEN or HOLD) with its reasons, per reader request: (gate_id, request_key)
-- is unique, so a reader that retries with the same request id gets the same decision, not a second one.
-- arrived_at: the first read of this container at this gate since its last OPEN there, so that the
-- wait (decided_at - arrived_at of an OPEN) is known without scanning history. No foreign keys to the
-- shipment, user or company rows: a decision is a receipt kept as long as the gate's history.

-- AlterEnum
ALTER TYPE "user_role" ADD VALUE 'TERMINAL_OPERATOR';

-- CreateTable
CREATE TABLE "gate" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" VARCHAR(35) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "locode" CHAR(5) NOT NULL,
    "direction" VARCHAR(3) NOT NULL,
    "operator_company_id" UUID,
    "retired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gate_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "gate_direction_check" CHECK ("direction" IN ('IN', 'OUT'))
);

-- CreateIndex
CREATE UNIQUE INDEX "gate_code_key" ON "gate"("code");

-- CreateTable
CREATE TABLE "gate_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "gate_id" UUID NOT NULL,
    "request_key" VARCHAR(100) NOT NULL,
    "container_number" CHAR(11) NOT NULL,
    "shipment_id" UUID NOT NULL,
    "declaration_id" UUID NOT NULL,
    "decision" VARCHAR(4) NOT NULL,
    "reasons" JSONB NOT NULL,
    "epcis_event_id" VARCHAR(100),
    "actor_id" UUID NOT NULL,
    "company_id" UUID,
    "token_id" UUID,
    "arrived_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gate_event_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "gate_event_decision_check" CHECK ("decision" IN ('OPEN', 'HOLD'))
);

-- CreateIndex
CREATE UNIQUE INDEX "gate_event_gate_id_request_key_key" ON "gate_event"("gate_id", "request_key");

-- CreateIndex
CREATE INDEX "gate_event_gate_id_decided_at_idx" ON "gate_event"("gate_id", "decided_at");

-- CreateIndex
CREATE INDEX "gate_event_decided_at_idx" ON "gate_event"("decided_at");

-- CreateIndex
CREATE INDEX "gate_event_container_number_gate_id_decided_at_idx" ON "gate_event"("container_number", "gate_id", "decided_at");

-- AddForeignKey
ALTER TABLE "gate_event" ADD CONSTRAINT "gate_event_gate_id_fkey" FOREIGN KEY ("gate_id") REFERENCES "gate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
