-- Cancellation and refunds: each event may depart from the standard cancellation schedule; the
-- schedule in force when a fan pays is copied onto the reservation; refunds record what they
-- give back and what PortOne still held; the daily reconciliation keeps its findings.
-- refunds had no rows before this migration (nothing cancelled paid bookings), so the new NOT NULL
-- columns need no backfill.

-- CreateEnum
CREATE TYPE "payment"."RefundInitiator" AS ENUM ('FAN', 'ORGANISER', 'ADMIN');

-- CreateEnum
CREATE TYPE "payment"."ReconciliationMismatchStatus" AS ENUM ('OPEN', 'RESOLVED');

-- CreateTable
CREATE TABLE "payment"."reconciliation_reports" (
    "id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "our_count" INTEGER NOT NULL,
    "portone_count" INTEGER NOT NULL,
    "mismatch_count" INTEGER NOT NULL,
    "ran_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "reconciliation_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment"."reconciliation_mismatches" (
    "id" UUID NOT NULL,
    "report_id" UUID NOT NULL,
    "portone_payment_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ours" JSONB,
    "theirs" JSONB,
    "status" "payment"."ReconciliationMismatchStatus" NOT NULL DEFAULT 'OPEN',
    "resolved_by_id" UUID,
    "resolution" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    CONSTRAINT "reconciliation_mismatches_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "ticket"."events" ADD COLUMN "cancellation_policy" JSONB;

-- AlterTable
ALTER TABLE "ticket"."reservations" ADD COLUMN "cancellation_policy" JSONB;

-- AlterTable
ALTER TABLE "payment"."refunds" ADD COLUMN "reservation_id" UUID;

-- AlterTable
ALTER TABLE "payment"."refunds" ADD COLUMN "fee_krw" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "payment"."refunds" ADD COLUMN "booking_fee_refund_krw" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "payment"."refunds" ADD COLUMN "reservation_item_ids" UUID[] NOT NULL;

-- AlterTable
ALTER TABLE "payment"."refunds" ADD COLUMN "initiator" "payment"."RefundInitiator" NOT NULL DEFAULT 'FAN';

-- AlterTable
ALTER TABLE "payment"."refunds" ADD COLUMN "cancellable_krw" INTEGER NOT NULL;

-- AlterTable
ALTER TABLE "payment"."refunds" ADD COLUMN "portone_cancellation_id" TEXT;

-- AlterTable
ALTER TABLE "payment"."refunds" ADD COLUMN "refund_account" JSONB;

-- CreateIndex
CREATE INDEX "refunds_reservation_id_idx" ON "payment"."refunds"("reservation_id");

-- CreateIndex
CREATE INDEX "refunds_status_created_at_idx" ON "payment"."refunds"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "reconciliation_reports_day_key" ON "payment"."reconciliation_reports"("day");

-- CreateIndex
CREATE INDEX "reconciliation_mismatches_status_idx" ON "payment"."reconciliation_mismatches"("status");

-- CreateIndex
CREATE UNIQUE INDEX "reconciliation_mismatches_report_id_portone_payment_id_kind_key" ON "payment"."reconciliation_mismatches"("report_id", "portone_payment_id", "kind");

-- AddForeignKey
ALTER TABLE "payment"."reconciliation_mismatches" ADD CONSTRAINT "reconciliation_mismatches_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "payment"."reconciliation_reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A second cancel of the same payment waits until the first is complete or failed: each one is
-- sent with the cancellable amount the previous left behind.
CREATE UNIQUE INDEX "refunds_one_in_flight_key" ON "payment"."refunds"("payment_id") WHERE "status" = 'REQUESTED';
