// The outbox end to end over Kafka (librdkafka's mock cluster, real wire protocol): exactly
// once in effect and in order, dead letters and replay, frozen brokers, a SIGKILLed relay.
import { defineOutboxSuite } from '../../test/support/outbox-suite';

defineOutboxSuite('kafka');
