-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "auth";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "common";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "community";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "payment";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "stats";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "ticket";

-- CreateEnum
CREATE TYPE "auth"."Role" AS ENUM ('USER', 'ADMIN');

-- CreateEnum
CREATE TYPE "ticket"."Genre" AS ENUM ('CONCERT', 'MUSICAL', 'THEATER', 'CLASSIC', 'SPORTS', 'EXHIBITION', 'FAMILY', 'OTHER');

-- CreateEnum
CREATE TYPE "ticket"."PublishStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ticket"."WaitingRoomMode" AS ENUM ('SCHEDULED', 'ON', 'OFF');

-- CreateEnum
CREATE TYPE "ticket"."ReservationStatus" AS ENUM ('PENDING', 'CONFIRMED', 'CANCELLED', 'EXPIRED', 'REFUNDED');

-- CreateEnum
CREATE TYPE "ticket"."TicketStatus" AS ENUM ('ISSUED', 'USED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ticket"."TransferStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "ticket"."MembershipStatus" AS ENUM ('PENDING', 'ACTIVE', 'EXPIRED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "payment"."PaymentPurpose" AS ENUM ('RESERVATION', 'MEMBERSHIP');

-- CreateEnum
CREATE TYPE "payment"."PaymentStatus" AS ENUM ('READY', 'PAID', 'FAILED', 'CANCELLED', 'PARTIAL_CANCELLED');

-- CreateEnum
CREATE TYPE "payment"."RefundStatus" AS ENUM ('REQUESTED', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "community"."Board" AS ENUM ('NOTICE', 'FREE', 'ARTIST', 'QNA');

-- CreateEnum
CREATE TYPE "community"."ContentStatus" AS ENUM ('VISIBLE', 'HIDDEN', 'DELETED');

-- CreateEnum
CREATE TYPE "community"."ReportTarget" AS ENUM ('POST', 'COMMENT', 'REVIEW');

-- CreateEnum
CREATE TYPE "community"."ReportStatus" AS ENUM ('OPEN', 'RESOLVED', 'DISMISSED');

-- CreateTable
CREATE TABLE "auth"."users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "email_verified" TIMESTAMPTZ(3),
    "image" TEXT,
    "phone" TEXT,
    "password_hash" TEXT,
    "role" "auth"."Role" NOT NULL DEFAULT 'USER',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth"."accounts" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,
    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth"."sessions" (
    "id" UUID NOT NULL,
    "session_token" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth"."verification_tokens" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "verification_tokens_pkey" PRIMARY KEY ("identifier", "token")
);

-- CreateTable
CREATE TABLE "ticket"."artists" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "genre" "ticket"."Genre" NOT NULL DEFAULT 'CONCERT',
    "description" TEXT,
    "image_url" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "artists_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket"."venues" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "venues_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket"."halls" (
    "id" UUID NOT NULL,
    "venue_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "seat_map_version" INTEGER NOT NULL DEFAULT 1,
    "seat_count" INTEGER NOT NULL DEFAULT 0,
    "width" INTEGER NOT NULL DEFAULT 1000,
    "height" INTEGER NOT NULL DEFAULT 800,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "halls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket"."sections" (
    "id" UUID NOT NULL,
    "hall_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "sections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket"."seats" (
    "id" UUID NOT NULL,
    "hall_id" UUID NOT NULL,
    "section_id" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "row_label" TEXT NOT NULL,
    "row_index" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "x" INTEGER NOT NULL,
    "y" INTEGER NOT NULL,
    "grade" TEXT NOT NULL,
    CONSTRAINT "seats_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket"."events" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "artist_id" UUID,
    "genre" "ticket"."Genre" NOT NULL DEFAULT 'CONCERT',
    "description" TEXT NOT NULL DEFAULT '',
    "poster_url" TEXT,
    "status" "ticket"."PublishStatus" NOT NULL DEFAULT 'DRAFT',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket"."performances" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "hall_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "status" "ticket"."PublishStatus" NOT NULL DEFAULT 'DRAFT',
    "presale_opens_at" TIMESTAMPTZ(3),
    "presale_closes_at" TIMESTAMPTZ(3),
    "general_sale_opens_at" TIMESTAMPTZ(3) NOT NULL,
    "general_sale_closes_at" TIMESTAMPTZ(3) NOT NULL,
    "max_tickets_per_person" INTEGER NOT NULL DEFAULT 4,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "performances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket"."performance_prices" (
    "performance_id" UUID NOT NULL,
    "grade" TEXT NOT NULL,
    "amount_krw" INTEGER NOT NULL,
    CONSTRAINT "performance_prices_pkey" PRIMARY KEY ("performance_id", "grade")
);

-- CreateTable
CREATE TABLE "ticket"."waiting_room_settings" (
    "performance_id" UUID NOT NULL,
    "mode" "ticket"."WaitingRoomMode" NOT NULL DEFAULT 'SCHEDULED',
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "admit_per_minute" INTEGER NOT NULL DEFAULT 600,
    "max_active" INTEGER NOT NULL DEFAULT 1000,
    "active_session_seconds" INTEGER NOT NULL DEFAULT 600,
    "idle_timeout_seconds" INTEGER NOT NULL DEFAULT 60,
    "pre_queue_minutes" INTEGER NOT NULL DEFAULT 30,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "waiting_room_settings_pkey" PRIMARY KEY ("performance_id")
);

-- CreateTable
CREATE TABLE "ticket"."waiting_room_audits" (
    "id" UUID NOT NULL,
    "performance_id" UUID NOT NULL,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "waiting_room_audits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket"."reservations" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "performance_id" UUID NOT NULL,
    "status" "ticket"."ReservationStatus" NOT NULL DEFAULT 'PENDING',
    "total_krw" INTEGER NOT NULL,
    "payment_deadline" TIMESTAMPTZ(3) NOT NULL,
    "idempotency_key" TEXT,
    "request_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "confirmed_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    CONSTRAINT "reservations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket"."reservation_items" (
    "id" UUID NOT NULL,
    "reservation_id" UUID NOT NULL,
    "performance_id" UUID NOT NULL,
    "seat_id" UUID NOT NULL,
    "grade" TEXT NOT NULL,
    "price_krw" INTEGER NOT NULL,
    "live" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "reservation_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket"."tickets" (
    "id" UUID NOT NULL,
    "reservation_item_id" UUID NOT NULL,
    "performance_id" UUID NOT NULL,
    "seat_id" UUID NOT NULL,
    "owner_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "status" "ticket"."TicketStatus" NOT NULL DEFAULT 'ISSUED',
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "used_at" TIMESTAMPTZ(3),
    CONSTRAINT "tickets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket"."ticket_transfers" (
    "id" UUID NOT NULL,
    "ticket_id" UUID NOT NULL,
    "from_user_id" UUID NOT NULL,
    "to_user_id" UUID,
    "to_email" TEXT NOT NULL,
    "status" "ticket"."TransferStatus" NOT NULL DEFAULT 'PENDING',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "responded_at" TIMESTAMPTZ(3),
    CONSTRAINT "ticket_transfers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket"."membership_plans" (
    "id" UUID NOT NULL,
    "artist_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "price_krw" INTEGER NOT NULL,
    "duration_days" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "membership_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket"."memberships" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "artist_id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "status" "ticket"."MembershipStatus" NOT NULL DEFAULT 'PENDING',
    "starts_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment"."payments" (
    "id" UUID NOT NULL,
    "portone_payment_id" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "purpose" "payment"."PaymentPurpose" NOT NULL,
    "reservation_id" UUID,
    "membership_id" UUID,
    "amount_krw" INTEGER NOT NULL,
    "cancelled_krw" INTEGER NOT NULL DEFAULT 0,
    "status" "payment"."PaymentStatus" NOT NULL DEFAULT 'READY',
    "method" TEXT,
    "pg_tx_id" TEXT,
    "failure_reason" TEXT,
    "paid_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment"."refunds" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "amount_krw" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "payment"."RefundStatus" NOT NULL DEFAULT 'REQUESTED',
    "requested_by_id" UUID,
    "failure_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),
    CONSTRAINT "refunds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment"."payment_webhooks" (
    "webhook_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "payment_webhooks_pkey" PRIMARY KEY ("webhook_id")
);

-- CreateTable
CREATE TABLE "stats"."performance_stats" (
    "performance_id" UUID NOT NULL,
    "seats_reserved" INTEGER NOT NULL DEFAULT 0,
    "seats_sold" INTEGER NOT NULL DEFAULT 0,
    "reservations_count" INTEGER NOT NULL DEFAULT 0,
    "cancelled_count" INTEGER NOT NULL DEFAULT 0,
    "expired_count" INTEGER NOT NULL DEFAULT 0,
    "revenue_krw" BIGINT NOT NULL DEFAULT '0',
    "refunded_krw" BIGINT NOT NULL DEFAULT '0',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "performance_stats_pkey" PRIMARY KEY ("performance_id")
);

-- CreateTable
CREATE TABLE "stats"."daily_sales" (
    "day" DATE NOT NULL,
    "performance_id" UUID NOT NULL,
    "tickets_sold" INTEGER NOT NULL DEFAULT 0,
    "revenue_krw" BIGINT NOT NULL DEFAULT '0',
    "refunded_krw" BIGINT NOT NULL DEFAULT '0',
    CONSTRAINT "daily_sales_pkey" PRIMARY KEY ("day", "performance_id")
);

-- CreateTable
CREATE TABLE "stats"."queue_samples" (
    "id" BIGSERIAL NOT NULL,
    "performance_id" UUID NOT NULL,
    "sampled_at" TIMESTAMPTZ(3) NOT NULL,
    "waiting" INTEGER NOT NULL,
    "active" INTEGER NOT NULL,
    "admitted" INTEGER NOT NULL,
    "abandoned" INTEGER NOT NULL,
    CONSTRAINT "queue_samples_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "community"."posts" (
    "id" UUID NOT NULL,
    "board" "community"."Board" NOT NULL,
    "artist_id" UUID,
    "author_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "community"."ContentStatus" NOT NULL DEFAULT 'VISIBLE',
    "view_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "community"."comments" (
    "id" UUID NOT NULL,
    "post_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "parent_id" UUID,
    "body" TEXT NOT NULL,
    "status" "community"."ContentStatus" NOT NULL DEFAULT 'VISIBLE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "community"."reviews" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "performance_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "rating" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "status" "community"."ContentStatus" NOT NULL DEFAULT 'VISIBLE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "community"."reports" (
    "id" UUID NOT NULL,
    "reporter_id" UUID NOT NULL,
    "target_type" "community"."ReportTarget" NOT NULL,
    "target_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "community"."ReportStatus" NOT NULL DEFAULT 'OPEN',
    "resolved_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "common"."admin_audit_logs" (
    "id" UUID NOT NULL,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "request_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "admin_audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "common"."outbox_events" (
    "id" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "aggregate_type" TEXT NOT NULL,
    "aggregate_id" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "common"."processed_events" (
    "consumer_group" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "processed_events_pkey" PRIMARY KEY ("consumer_group", "event_id")
);

-- CreateTable
CREATE TABLE "common"."dead_letters" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "consumer_group" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "aggregate_id" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "error" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "source_partition" INTEGER,
    "source_offset" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replayed_at" TIMESTAMPTZ(3),
    CONSTRAINT "dead_letters_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "auth"."users"("email");

-- CreateIndex
CREATE INDEX "accounts_user_id_idx" ON "auth"."accounts"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_provider_provider_account_id_key" ON "auth"."accounts"("provider", "provider_account_id");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_session_token_key" ON "auth"."sessions"("session_token");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "auth"."sessions"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "artists_slug_key" ON "ticket"."artists"("slug");

-- CreateIndex
CREATE INDEX "artists_name_idx" ON "ticket"."artists"("name");

-- CreateIndex
CREATE UNIQUE INDEX "venues_slug_key" ON "ticket"."venues"("slug");

-- CreateIndex
CREATE INDEX "venues_city_idx" ON "ticket"."venues"("city");

-- CreateIndex
CREATE UNIQUE INDEX "halls_venue_id_name_key" ON "ticket"."halls"("venue_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "sections_hall_id_name_key" ON "ticket"."sections"("hall_id", "name");

-- CreateIndex
CREATE INDEX "seats_hall_id_grade_row_index_idx" ON "ticket"."seats"("hall_id", "grade", "row_index");

-- CreateIndex
CREATE UNIQUE INDEX "seats_hall_id_ordinal_key" ON "ticket"."seats"("hall_id", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "seats_section_id_row_label_number_key" ON "ticket"."seats"("section_id", "row_label", "number");

-- CreateIndex
CREATE UNIQUE INDEX "events_slug_key" ON "ticket"."events"("slug");

-- CreateIndex
CREATE INDEX "events_artist_id_idx" ON "ticket"."events"("artist_id");

-- CreateIndex
CREATE INDEX "events_status_genre_idx" ON "ticket"."events"("status", "genre");

-- CreateIndex
CREATE INDEX "performances_event_id_idx" ON "ticket"."performances"("event_id");

-- CreateIndex
CREATE INDEX "performances_hall_id_idx" ON "ticket"."performances"("hall_id");

-- CreateIndex
CREATE INDEX "performances_status_starts_at_idx" ON "ticket"."performances"("status", "starts_at");

-- CreateIndex
CREATE INDEX "waiting_room_audits_performance_id_created_at_idx" ON "ticket"."waiting_room_audits"("performance_id", "created_at");

-- CreateIndex
CREATE INDEX "waiting_room_audits_actor_id_idx" ON "ticket"."waiting_room_audits"("actor_id");

-- CreateIndex
CREATE INDEX "reservations_performance_id_status_idx" ON "ticket"."reservations"("performance_id", "status");

-- CreateIndex
CREATE INDEX "reservations_status_payment_deadline_idx" ON "ticket"."reservations"("status", "payment_deadline");

-- CreateIndex
CREATE INDEX "reservations_user_id_created_at_idx" ON "ticket"."reservations"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "reservations_user_id_idempotency_key_key" ON "ticket"."reservations"("user_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "reservation_items_reservation_id_idx" ON "ticket"."reservation_items"("reservation_id");

-- CreateIndex
CREATE INDEX "reservation_items_performance_id_seat_id_idx" ON "ticket"."reservation_items"("performance_id", "seat_id");

-- CreateIndex
CREATE INDEX "reservation_items_seat_id_idx" ON "ticket"."reservation_items"("seat_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_reservation_item_id_key" ON "ticket"."tickets"("reservation_item_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_code_key" ON "ticket"."tickets"("code");

-- CreateIndex
CREATE INDEX "tickets_owner_id_idx" ON "ticket"."tickets"("owner_id");

-- CreateIndex
CREATE INDEX "tickets_performance_id_idx" ON "ticket"."tickets"("performance_id");

-- CreateIndex
CREATE INDEX "tickets_seat_id_idx" ON "ticket"."tickets"("seat_id");

-- CreateIndex
CREATE INDEX "ticket_transfers_ticket_id_status_idx" ON "ticket"."ticket_transfers"("ticket_id", "status");

-- CreateIndex
CREATE INDEX "ticket_transfers_from_user_id_idx" ON "ticket"."ticket_transfers"("from_user_id");

-- CreateIndex
CREATE INDEX "ticket_transfers_to_user_id_idx" ON "ticket"."ticket_transfers"("to_user_id");

-- CreateIndex
CREATE INDEX "ticket_transfers_to_email_status_idx" ON "ticket"."ticket_transfers"("to_email", "status");

-- CreateIndex
CREATE INDEX "membership_plans_artist_id_idx" ON "ticket"."membership_plans"("artist_id");

-- CreateIndex
CREATE INDEX "memberships_user_id_artist_id_status_idx" ON "ticket"."memberships"("user_id", "artist_id", "status");

-- CreateIndex
CREATE INDEX "memberships_artist_id_idx" ON "ticket"."memberships"("artist_id");

-- CreateIndex
CREATE INDEX "memberships_plan_id_idx" ON "ticket"."memberships"("plan_id");

-- CreateIndex
CREATE UNIQUE INDEX "payments_portone_payment_id_key" ON "payment"."payments"("portone_payment_id");

-- CreateIndex
CREATE INDEX "payments_user_id_created_at_idx" ON "payment"."payments"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "payments_reservation_id_idx" ON "payment"."payments"("reservation_id");

-- CreateIndex
CREATE INDEX "payments_membership_id_idx" ON "payment"."payments"("membership_id");

-- CreateIndex
CREATE INDEX "payments_status_created_at_idx" ON "payment"."payments"("status", "created_at");

-- CreateIndex
CREATE INDEX "refunds_payment_id_idx" ON "payment"."refunds"("payment_id");

-- CreateIndex
CREATE INDEX "refunds_requested_by_id_idx" ON "payment"."refunds"("requested_by_id");

-- CreateIndex
CREATE INDEX "payment_webhooks_received_at_idx" ON "payment"."payment_webhooks"("received_at");

-- CreateIndex
CREATE INDEX "daily_sales_performance_id_idx" ON "stats"."daily_sales"("performance_id");

-- CreateIndex
CREATE INDEX "queue_samples_performance_id_sampled_at_idx" ON "stats"."queue_samples"("performance_id", "sampled_at");

-- CreateIndex
CREATE INDEX "posts_board_status_created_at_idx" ON "community"."posts"("board", "status", "created_at");

-- CreateIndex
CREATE INDEX "posts_artist_id_created_at_idx" ON "community"."posts"("artist_id", "created_at");

-- CreateIndex
CREATE INDEX "posts_author_id_idx" ON "community"."posts"("author_id");

-- CreateIndex
CREATE INDEX "comments_post_id_created_at_idx" ON "community"."comments"("post_id", "created_at");

-- CreateIndex
CREATE INDEX "comments_author_id_idx" ON "community"."comments"("author_id");

-- CreateIndex
CREATE INDEX "comments_parent_id_idx" ON "community"."comments"("parent_id");

-- CreateIndex
CREATE INDEX "reviews_event_id_created_at_idx" ON "community"."reviews"("event_id", "created_at");

-- CreateIndex
CREATE INDEX "reviews_performance_id_idx" ON "community"."reviews"("performance_id");

-- CreateIndex
CREATE UNIQUE INDEX "reviews_user_id_performance_id_key" ON "community"."reviews"("user_id", "performance_id");

-- CreateIndex
CREATE INDEX "reports_status_created_at_idx" ON "community"."reports"("status", "created_at");

-- CreateIndex
CREATE INDEX "reports_target_type_target_id_idx" ON "community"."reports"("target_type", "target_id");

-- CreateIndex
CREATE INDEX "reports_resolved_by_id_idx" ON "community"."reports"("resolved_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "reports_reporter_id_target_type_target_id_key" ON "community"."reports"("reporter_id", "target_type", "target_id");

-- CreateIndex
CREATE INDEX "admin_audit_logs_entity_type_entity_id_created_at_idx" ON "common"."admin_audit_logs"("entity_type", "entity_id", "created_at");

-- CreateIndex
CREATE INDEX "admin_audit_logs_actor_id_created_at_idx" ON "common"."admin_audit_logs"("actor_id", "created_at");

-- CreateIndex
CREATE INDEX "outbox_events_published_at_idx" ON "common"."outbox_events"("published_at");

-- CreateIndex
CREATE INDEX "outbox_events_aggregate_id_idx" ON "common"."outbox_events"("aggregate_id");

-- CreateIndex
CREATE INDEX "processed_events_processed_at_idx" ON "common"."processed_events"("processed_at");

-- CreateIndex
CREATE INDEX "dead_letters_consumer_group_created_at_idx" ON "common"."dead_letters"("consumer_group", "created_at");

-- CreateIndex
CREATE INDEX "dead_letters_event_id_idx" ON "common"."dead_letters"("event_id");

-- AddForeignKey
ALTER TABLE "auth"."accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auth"."sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."halls" ADD CONSTRAINT "halls_venue_id_fkey" FOREIGN KEY ("venue_id") REFERENCES "ticket"."venues"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."sections" ADD CONSTRAINT "sections_hall_id_fkey" FOREIGN KEY ("hall_id") REFERENCES "ticket"."halls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."seats" ADD CONSTRAINT "seats_hall_id_fkey" FOREIGN KEY ("hall_id") REFERENCES "ticket"."halls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."seats" ADD CONSTRAINT "seats_section_id_fkey" FOREIGN KEY ("section_id") REFERENCES "ticket"."sections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."events" ADD CONSTRAINT "events_artist_id_fkey" FOREIGN KEY ("artist_id") REFERENCES "ticket"."artists"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."performances" ADD CONSTRAINT "performances_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "ticket"."events"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."performances" ADD CONSTRAINT "performances_hall_id_fkey" FOREIGN KEY ("hall_id") REFERENCES "ticket"."halls"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."performance_prices" ADD CONSTRAINT "performance_prices_performance_id_fkey" FOREIGN KEY ("performance_id") REFERENCES "ticket"."performances"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."waiting_room_settings" ADD CONSTRAINT "waiting_room_settings_performance_id_fkey" FOREIGN KEY ("performance_id") REFERENCES "ticket"."performances"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."waiting_room_audits" ADD CONSTRAINT "waiting_room_audits_performance_id_fkey" FOREIGN KEY ("performance_id") REFERENCES "ticket"."performances"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."waiting_room_audits" ADD CONSTRAINT "waiting_room_audits_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "auth"."users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."reservations" ADD CONSTRAINT "reservations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."reservations" ADD CONSTRAINT "reservations_performance_id_fkey" FOREIGN KEY ("performance_id") REFERENCES "ticket"."performances"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."reservation_items" ADD CONSTRAINT "reservation_items_reservation_id_fkey" FOREIGN KEY ("reservation_id") REFERENCES "ticket"."reservations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."reservation_items" ADD CONSTRAINT "reservation_items_performance_id_fkey" FOREIGN KEY ("performance_id") REFERENCES "ticket"."performances"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."reservation_items" ADD CONSTRAINT "reservation_items_seat_id_fkey" FOREIGN KEY ("seat_id") REFERENCES "ticket"."seats"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."tickets" ADD CONSTRAINT "tickets_reservation_item_id_fkey" FOREIGN KEY ("reservation_item_id") REFERENCES "ticket"."reservation_items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."tickets" ADD CONSTRAINT "tickets_performance_id_fkey" FOREIGN KEY ("performance_id") REFERENCES "ticket"."performances"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."tickets" ADD CONSTRAINT "tickets_seat_id_fkey" FOREIGN KEY ("seat_id") REFERENCES "ticket"."seats"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."tickets" ADD CONSTRAINT "tickets_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "auth"."users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."ticket_transfers" ADD CONSTRAINT "ticket_transfers_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "ticket"."tickets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."ticket_transfers" ADD CONSTRAINT "ticket_transfers_from_user_id_fkey" FOREIGN KEY ("from_user_id") REFERENCES "auth"."users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."ticket_transfers" ADD CONSTRAINT "ticket_transfers_to_user_id_fkey" FOREIGN KEY ("to_user_id") REFERENCES "auth"."users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."membership_plans" ADD CONSTRAINT "membership_plans_artist_id_fkey" FOREIGN KEY ("artist_id") REFERENCES "ticket"."artists"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."memberships" ADD CONSTRAINT "memberships_artist_id_fkey" FOREIGN KEY ("artist_id") REFERENCES "ticket"."artists"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket"."memberships" ADD CONSTRAINT "memberships_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "ticket"."membership_plans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment"."payments" ADD CONSTRAINT "payments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment"."payments" ADD CONSTRAINT "payments_reservation_id_fkey" FOREIGN KEY ("reservation_id") REFERENCES "ticket"."reservations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment"."payments" ADD CONSTRAINT "payments_membership_id_fkey" FOREIGN KEY ("membership_id") REFERENCES "ticket"."memberships"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment"."refunds" ADD CONSTRAINT "refunds_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"."payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment"."refunds" ADD CONSTRAINT "refunds_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "auth"."users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stats"."performance_stats" ADD CONSTRAINT "performance_stats_performance_id_fkey" FOREIGN KEY ("performance_id") REFERENCES "ticket"."performances"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stats"."daily_sales" ADD CONSTRAINT "daily_sales_performance_id_fkey" FOREIGN KEY ("performance_id") REFERENCES "ticket"."performances"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stats"."queue_samples" ADD CONSTRAINT "queue_samples_performance_id_fkey" FOREIGN KEY ("performance_id") REFERENCES "ticket"."performances"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community"."posts" ADD CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "auth"."users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community"."posts" ADD CONSTRAINT "posts_artist_id_fkey" FOREIGN KEY ("artist_id") REFERENCES "ticket"."artists"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community"."comments" ADD CONSTRAINT "comments_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "community"."posts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community"."comments" ADD CONSTRAINT "comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "auth"."users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community"."comments" ADD CONSTRAINT "comments_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "community"."comments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community"."reviews" ADD CONSTRAINT "reviews_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "ticket"."events"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community"."reviews" ADD CONSTRAINT "reviews_performance_id_fkey" FOREIGN KEY ("performance_id") REFERENCES "ticket"."performances"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community"."reviews" ADD CONSTRAINT "reviews_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community"."reports" ADD CONSTRAINT "reports_reporter_id_fkey" FOREIGN KEY ("reporter_id") REFERENCES "auth"."users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community"."reports" ADD CONSTRAINT "reports_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "auth"."users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "common"."admin_audit_logs" ADD CONSTRAINT "admin_audit_logs_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "auth"."users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Written by hand: partial indexes, which schema.prisma cannot express.

-- Invariant 1: a seat of a performance is in at most one live (PENDING or CONFIRMED)
-- reservation. Redis holds are the fast first word; this index is the last.
CREATE UNIQUE INDEX "reservation_items_live_seat_key" ON "ticket"."reservation_items"("performance_id", "seat_id") WHERE "live";

-- The relay claims the oldest unpublished events; published rows (the vast majority once
-- the relay keeps up) stay out of this index.
CREATE INDEX "outbox_events_unpublished_idx" ON "common"."outbox_events"("created_at") WHERE "published_at" IS NULL;

-- Reservations role scans only what can still expire.
CREATE INDEX "reservations_pending_deadline_idx" ON "ticket"."reservations"("payment_deadline") WHERE "status" = 'PENDING';
