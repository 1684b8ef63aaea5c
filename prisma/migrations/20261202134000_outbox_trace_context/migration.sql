-- The W3C traceparent of the request that appended the event: the relay continues that trace when
-- it publishes, and the consumer's span joins it across Kafka. NULL when nothing was tracing.
ALTER TABLE "common"."outbox_events" ADD COLUMN "traceparent" TEXT;
