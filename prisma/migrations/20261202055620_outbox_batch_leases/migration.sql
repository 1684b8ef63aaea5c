-- The relay's lease moves from a column on every event to one row per claimed batch
-- (common.outbox_leases). With the column, each event row was updated twice after its insert
-- (claim: claimed_until and attempts; publish: published_at), and neither update could be HOT
-- because both columns are indexed: a 1,000-event claim plus the mark of the previous batch
-- took 100-150 ms, four times the Kafka publish of the same batch. Now a claim writes one
-- lease row and the event row is written once more, when it is published.

-- Dropping the column drops outbox_events_unpublished_lease_idx with it.
ALTER TABLE "common"."outbox_events" DROP COLUMN "claimed_until";

-- Nothing reads the outbox by aggregate at scale (the claim reads the backlog in seq order).
DROP INDEX "common"."outbox_events_aggregate_id_idx";

-- The backlog's count and oldest created_at (admin page, /metrics) scan the backlog through
-- outbox_events_unpublished_seq_idx as well as through this one; one partial index is enough.
DROP INDEX "common"."outbox_events_unpublished_idx";

-- Retention and published-per-minute only look at published rows: an unpublished row need
-- not be in this index, which saves one index entry per append.
DROP INDEX "common"."outbox_events_published_at_idx";
CREATE INDEX "outbox_events_published_at_idx" ON "common"."outbox_events"("published_at") WHERE "published_at" IS NOT NULL;

-- CreateTable
CREATE TABLE "common"."outbox_leases" (
    "id" UUID NOT NULL,
    "event_ids" UUID[] NOT NULL,
    "aggregate_ids" TEXT[] NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "outbox_leases_pkey" PRIMARY KEY ("id")
);
