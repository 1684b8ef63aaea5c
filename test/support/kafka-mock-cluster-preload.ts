// `node --import tsx --import ./test/support/kafka-mock-cluster-preload.ts <entry>`: runs a
// production entry point (workers/main.ts, the relay test process) against librdkafka's mock
// cluster, which needs the controller-lookup fallback before the first producer connects.
import { allowAnyBrokerForProducerId } from './allow-any-broker-for-producer-id';

allowAnyBrokerForProducerId();
