-- The stats read side: per-performance, per-day and per-hour counters, occupancy by grade,
-- payment failures, memberships, the stats role's own view of reservations and payments, and the
-- event log a rebuild replays. Nothing wrote the earlier performance_stats / daily_sales columns,
-- so dropping them loses no data.

-- DropPrimaryKey
ALTER TABLE "stats"."daily_sales" DROP CONSTRAINT "daily_sales_pkey";

-- DropIndex
DROP INDEX "stats"."daily_sales_performance_id_idx";

-- AlterTable
ALTER TABLE "stats"."performance_stats" DROP COLUMN "reservations_count";

-- AlterTable
ALTER TABLE "stats"."performance_stats" DROP COLUMN "cancelled_count";

-- AlterTable
ALTER TABLE "stats"."performance_stats" DROP COLUMN "expired_count";

-- AlterTable
ALTER TABLE "stats"."performance_stats" DROP COLUMN "revenue_krw";

-- AlterTable
ALTER TABLE "stats"."performance_stats" DROP COLUMN "updated_at";

-- AlterTable
ALTER TABLE "stats"."daily_sales" DROP COLUMN "tickets_sold";

-- AlterTable
ALTER TABLE "stats"."daily_sales" DROP COLUMN "revenue_krw";

-- CreateTable
CREATE TABLE "stats"."hourly_sales" (
    "performance_id" UUID NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "reservations_created" INTEGER NOT NULL DEFAULT 0,
    "reservations_expired" INTEGER NOT NULL DEFAULT 0,
    "reservations_cancelled" INTEGER NOT NULL DEFAULT 0,
    "seats_reserved" INTEGER NOT NULL DEFAULT 0,
    "seats_sold" INTEGER NOT NULL DEFAULT 0,
    "seats_refunded" INTEGER NOT NULL DEFAULT 0,
    "sales_krw" BIGINT NOT NULL DEFAULT '0',
    "booking_fee_krw" BIGINT NOT NULL DEFAULT '0',
    "refunded_krw" BIGINT NOT NULL DEFAULT '0',
    "refund_fee_krw" BIGINT NOT NULL DEFAULT '0',
    "booking_fee_refunded_krw" BIGINT NOT NULL DEFAULT '0',
    "payments_settled" INTEGER NOT NULL DEFAULT 0,
    "payments_failed" INTEGER NOT NULL DEFAULT 0,
    "refunds" INTEGER NOT NULL DEFAULT 0,
    "transfers" INTEGER NOT NULL DEFAULT 0,
    "check_ins" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "hourly_sales_pkey" PRIMARY KEY ("performance_id", "hour")
);

-- CreateTable
CREATE TABLE "stats"."grade_occupancy" (
    "performance_id" UUID NOT NULL,
    "grade" TEXT NOT NULL,
    "seats_sold" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "grade_occupancy_pkey" PRIMARY KEY ("performance_id", "grade")
);

-- CreateTable
CREATE TABLE "stats"."payment_failures" (
    "performance_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "payment_failures_pkey" PRIMARY KEY ("performance_id", "day", "reason")
);

-- CreateTable
CREATE TABLE "stats"."membership_daily" (
    "artist_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "new_memberships" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "membership_daily_pkey" PRIMARY KEY ("artist_id", "day")
);

-- CreateTable
CREATE TABLE "stats"."reservations" (
    "reservation_id" UUID NOT NULL,
    "performance_id" UUID NOT NULL,
    "seat_grades" JSONB NOT NULL,
    "confirmed" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "reservations_pkey" PRIMARY KEY ("reservation_id")
);

-- CreateTable
CREATE TABLE "stats"."payments" (
    "payment_id" UUID NOT NULL,
    "performance_id" UUID NOT NULL,
    CONSTRAINT "payments_pkey" PRIMARY KEY ("payment_id")
);

-- CreateTable
CREATE TABLE "stats"."event_log" (
    "seq" BIGSERIAL NOT NULL,
    "event_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "payload" JSONB NOT NULL,
    CONSTRAINT "event_log_pkey" PRIMARY KEY ("seq")
);

-- AlterTable
ALTER TABLE "stats"."performance_stats" ADD COLUMN "reservations_created" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "stats"."performance_stats" ADD COLUMN "reservations_expired" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "stats"."performance_stats" ADD COLUMN "reservations_cancelled" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "stats"."performance_stats" ADD COLUMN "seats_refunded" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "stats"."performance_stats" ADD COLUMN "sales_krw" BIGINT NOT NULL DEFAULT '0';

-- AlterTable
ALTER TABLE "stats"."performance_stats" ADD COLUMN "booking_fee_krw" BIGINT NOT NULL DEFAULT '0';

-- AlterTable
ALTER TABLE "stats"."performance_stats" ADD COLUMN "refund_fee_krw" BIGINT NOT NULL DEFAULT '0';

-- AlterTable
ALTER TABLE "stats"."performance_stats" ADD COLUMN "booking_fee_refunded_krw" BIGINT NOT NULL DEFAULT '0';

-- AlterTable
ALTER TABLE "stats"."performance_stats" ADD COLUMN "payments_settled" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "stats"."performance_stats" ADD COLUMN "payments_failed" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "stats"."performance_stats" ADD COLUMN "refunds" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "stats"."performance_stats" ADD COLUMN "transfers" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "stats"."performance_stats" ADD COLUMN "check_ins" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "stats"."daily_sales" ADD COLUMN "reservations_created" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "stats"."daily_sales" ADD COLUMN "reservations_expired" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "stats"."daily_sales" ADD COLUMN "reservations_cancelled" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "stats"."daily_sales" ADD COLUMN "seats_reserved" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "stats"."daily_sales" ADD COLUMN "seats_sold" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "stats"."daily_sales" ADD COLUMN "seats_refunded" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "stats"."daily_sales" ADD COLUMN "sales_krw" BIGINT NOT NULL DEFAULT '0';

-- AlterTable
ALTER TABLE "stats"."daily_sales" ADD COLUMN "booking_fee_krw" BIGINT NOT NULL DEFAULT '0';

-- AlterTable
ALTER TABLE "stats"."daily_sales" ADD COLUMN "refund_fee_krw" BIGINT NOT NULL DEFAULT '0';

-- AlterTable
ALTER TABLE "stats"."daily_sales" ADD COLUMN "booking_fee_refunded_krw" BIGINT NOT NULL DEFAULT '0';

-- AlterTable
ALTER TABLE "stats"."daily_sales" ADD COLUMN "payments_settled" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "stats"."daily_sales" ADD COLUMN "payments_failed" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "stats"."daily_sales" ADD COLUMN "refunds" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "stats"."daily_sales" ADD COLUMN "transfers" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "stats"."daily_sales" ADD COLUMN "check_ins" INTEGER NOT NULL DEFAULT 0;

-- AddPrimaryKey
ALTER TABLE "stats"."daily_sales" ADD CONSTRAINT "daily_sales_pkey" PRIMARY KEY ("performance_id", "day");

-- CreateIndex
CREATE INDEX "daily_sales_day_idx" ON "stats"."daily_sales"("day");

-- CreateIndex
CREATE INDEX "hourly_sales_hour_idx" ON "stats"."hourly_sales"("hour");

-- CreateIndex
CREATE UNIQUE INDEX "event_log_event_id_key" ON "stats"."event_log"("event_id");

-- AddForeignKey
ALTER TABLE "stats"."hourly_sales" ADD CONSTRAINT "hourly_sales_performance_id_fkey" FOREIGN KEY ("performance_id") REFERENCES "ticket"."performances"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stats"."grade_occupancy" ADD CONSTRAINT "grade_occupancy_performance_id_fkey" FOREIGN KEY ("performance_id") REFERENCES "ticket"."performances"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stats"."payment_failures" ADD CONSTRAINT "payment_failures_performance_id_fkey" FOREIGN KEY ("performance_id") REFERENCES "ticket"."performances"("id") ON DELETE CASCADE ON UPDATE CASCADE;
