-- Payments with PortOne v2: the two PortOne states between READY and PAID, a reservation waiting
-- for a virtual-account deposit, the booking fee (per event, snapshotted on the reservation and the
-- payment), the amount breakdown and method details, and webhook deliveries kept verbatim.
-- payment_webhooks held nothing before this (no endpoint wrote it), so raw_body can be NOT NULL.

-- AlterEnum
ALTER TYPE "ticket"."ReservationStatus" ADD VALUE 'AWAITING_DEPOSIT';

-- AlterEnum
ALTER TYPE "payment"."PaymentStatus" ADD VALUE 'PAY_PENDING';

-- AlterEnum
ALTER TYPE "payment"."PaymentStatus" ADD VALUE 'VIRTUAL_ACCOUNT_ISSUED';

-- AlterTable
ALTER TABLE "payment"."payment_webhooks" DROP COLUMN "payload";

-- AlterTable
ALTER TABLE "ticket"."events" ADD COLUMN "booking_fee_krw" INTEGER;

-- AlterTable
ALTER TABLE "ticket"."reservations" ADD COLUMN "booking_fee_krw" INTEGER;

-- AlterTable
ALTER TABLE "payment"."payments" ADD COLUMN "live_reservation_id" UUID;

-- AlterTable
ALTER TABLE "payment"."payments" ADD COLUMN "tickets_krw" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "payment"."payments" ADD COLUMN "booking_fee_krw" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "payment"."payments" ADD COLUMN "currency" TEXT NOT NULL DEFAULT 'KRW';

-- AlterTable
ALTER TABLE "payment"."payments" ADD COLUMN "order_name" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "payment"."payments" ADD COLUMN "checkout_snapshot" JSONB;

-- AlterTable
ALTER TABLE "payment"."payments" ADD COLUMN "easy_pay_provider" TEXT;

-- AlterTable
ALTER TABLE "payment"."payments" ADD COLUMN "method_detail" JSONB;

-- AlterTable
ALTER TABLE "payment"."payments" ADD COLUMN "virtual_account_bank" TEXT;

-- AlterTable
ALTER TABLE "payment"."payments" ADD COLUMN "virtual_account_number" TEXT;

-- AlterTable
ALTER TABLE "payment"."payments" ADD COLUMN "virtual_account_holder" TEXT;

-- AlterTable
ALTER TABLE "payment"."payments" ADD COLUMN "virtual_account_due_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "payment"."payments" ADD COLUMN "cancel_reason" TEXT;

-- AlterTable
ALTER TABLE "payment"."payments" ADD COLUMN "cancelled_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "payment"."payments" ADD COLUMN "checked_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "payment"."payment_webhooks" ADD COLUMN "portone_payment_id" TEXT;

-- AlterTable
ALTER TABLE "payment"."payment_webhooks" ADD COLUMN "raw_body" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "payment"."payment_webhooks" ADD COLUMN "headers" JSONB NOT NULL;

-- AlterTable
ALTER TABLE "payment"."payment_webhooks" ADD COLUMN "processed_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "payment"."payment_webhooks" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "payment"."payment_webhooks" ADD COLUMN "last_error" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "payments_live_reservation_id_key" ON "payment"."payments"("live_reservation_id");

-- CreateIndex
CREATE INDEX "payment_webhooks_portone_payment_id_idx" ON "payment"."payment_webhooks"("portone_payment_id");
