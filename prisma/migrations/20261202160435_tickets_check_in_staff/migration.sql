-- CreateEnum
CREATE TYPE "ticket"."TicketRevocationReason" AS ENUM ('TRANSFERRED', 'REFUNDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ticket"."ScanResult" AS ENUM ('VALID', 'ALREADY_USED', 'REVOKED', 'TRANSFERRED', 'REFUNDED', 'WRONG_PERFORMANCE', 'NOT_YET_OPEN', 'UNKNOWN');

-- AlterEnum
ALTER TYPE "auth"."Role" ADD VALUE 'STAFF';

-- AlterEnum
ALTER TYPE "ticket"."TicketStatus" ADD VALUE 'REFUNDED';

-- CreateTable
CREATE TABLE "ticket"."ticket_revocations" (
    "code" TEXT NOT NULL,
    "ticket_id" UUID NOT NULL,
    "performance_id" UUID NOT NULL,
    "reason" "ticket"."TicketRevocationReason" NOT NULL,
    "revoked_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ticket_revocations_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "ticket"."check_ins" (
    "id" UUID NOT NULL,
    "ticket_id" UUID NOT NULL,
    "performance_id" UUID NOT NULL,
    "gate" TEXT NOT NULL,
    "device_id" TEXT NOT NULL,
    "staff_id" UUID,
    "scanned_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "offline" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "check_ins_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket"."ticket_scans" (
    "id" UUID NOT NULL,
    "performance_id" UUID NOT NULL,
    "ticket_id" UUID,
    "device_id" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "gate" TEXT NOT NULL,
    "staff_id" UUID,
    "result" "ticket"."ScanResult" NOT NULL,
    "offline" BOOLEAN NOT NULL DEFAULT false,
    "conflict" BOOLEAN NOT NULL DEFAULT false,
    "scanned_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ticket_scans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket"."event_staff" (
    "event_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "assigned_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "event_staff_pkey" PRIMARY KEY ("event_id", "user_id")
);

-- AlterTable
ALTER TABLE "ticket"."sections" ADD COLUMN "gate" TEXT;

-- AlterTable
ALTER TABLE "ticket"."events" ADD COLUMN "transfers_enabled" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ticket"."tickets" ADD COLUMN "transfer_count" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "ticket_revocations_performance_id_revoked_at_idx" ON "ticket"."ticket_revocations"("performance_id", "revoked_at");

-- CreateIndex
CREATE INDEX "ticket_revocations_ticket_id_idx" ON "ticket"."ticket_revocations"("ticket_id");

-- CreateIndex
CREATE UNIQUE INDEX "check_ins_ticket_id_key" ON "ticket"."check_ins"("ticket_id");

-- CreateIndex
CREATE INDEX "check_ins_performance_id_gate_idx" ON "ticket"."check_ins"("performance_id", "gate");

-- CreateIndex
CREATE INDEX "ticket_scans_performance_id_conflict_idx" ON "ticket"."ticket_scans"("performance_id", "conflict");

-- CreateIndex
CREATE INDEX "ticket_scans_ticket_id_idx" ON "ticket"."ticket_scans"("ticket_id");

-- CreateIndex
CREATE UNIQUE INDEX "ticket_scans_device_id_nonce_key" ON "ticket"."ticket_scans"("device_id", "nonce");

-- CreateIndex
CREATE INDEX "event_staff_user_id_idx" ON "ticket"."event_staff"("user_id");

-- AddForeignKey
ALTER TABLE "ticket"."ticket_revocations" ADD CONSTRAINT "ticket_revocations_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "ticket"."tickets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."check_ins" ADD CONSTRAINT "check_ins_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "ticket"."tickets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."event_staff" ADD CONSTRAINT "event_staff_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "ticket"."events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."event_staff" ADD CONSTRAINT "event_staff_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A ticket has at most one open transfer offer: two offers racing for one ticket cannot both be
-- accepted. Prisma cannot express partial indexes, so it lives here.
CREATE UNIQUE INDEX "ticket_transfers_one_pending_key" ON "ticket"."ticket_transfers"("ticket_id") WHERE "status" = 'PENDING';
