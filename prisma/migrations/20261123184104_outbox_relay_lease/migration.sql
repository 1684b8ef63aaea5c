-- AlterTable
ALTER TABLE "common"."outbox_events" ADD COLUMN "seq" BIGSERIAL NOT NULL;

-- AlterTable
ALTER TABLE "common"."outbox_events" ADD COLUMN "claimed_until" TIMESTAMPTZ(3);

-- The relay claims unpublished rows in append order (seq); the index holds only the backlog,
-- so a claim stays an index range scan however many published rows await deletion.
CREATE INDEX "outbox_events_unpublished_seq_idx" ON "common"."outbox_events"("seq") WHERE "published_at" IS NULL;
