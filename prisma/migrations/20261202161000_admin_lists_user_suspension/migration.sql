-- Admins suspend users (suspended_at) instead of deleting them; the CSV exports walk a date range
-- in (time, id) order a batch at a time, so each of their tables gets that index.
-- AlterTable
ALTER TABLE "auth"."users" ADD COLUMN "suspended_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "reservations_confirmed_at_id_idx" ON "ticket"."reservations"("confirmed_at", "id");

-- CreateIndex
CREATE INDEX "payments_created_at_id_idx" ON "payment"."payments"("created_at", "id");

-- CreateIndex
CREATE INDEX "refunds_created_at_id_idx" ON "payment"."refunds"("created_at", "id");
