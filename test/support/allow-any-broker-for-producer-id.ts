// kafkajs sends the idempotent producer's InitProducerId to the controller. Kafka accepts it
// on any broker when there is no transactional id (KIP-98; kafkajs's own comment says "we can
// request the PID from any broker"), but librdkafka's mock cluster names node 0 as controller
// while its brokers are 1..3, so the lookup fails with "Controller broker with id 0 not found".
// This patch keeps kafkajs's lookup and, only when the named controller is not a known broker,
// falls back to a connected one. It patches kafkajs's Cluster prototype, so it holds for the
// whole process: test and bench code that talks to the mock cluster calls it before its first
// producer, and child processes that run a production entry point against the mock get it
// through `--import` of kafka-mock-cluster-preload.ts. The production transport never applies it.
import { createRequire } from 'node:module';

type Broker = unknown;
type ClusterLike = {
  findControllerBroker(): Promise<Broker>;
  findBroker(options: { nodeId: string }): Promise<Broker>;
  brokerPool: { getNodeIds(): string[] };
};

const PATCHED = Symbol.for('openseat.kafkajs.controllerFallback');

export function allowAnyBrokerForProducerId(): void {
  const require = createRequire(import.meta.url);
  const Cluster = require('kafkajs/src/cluster/index.js') as { prototype: ClusterLike & { [PATCHED]?: true } };
  if (Cluster.prototype[PATCHED]) return;
  const original = Cluster.prototype.findControllerBroker;
  Cluster.prototype.findControllerBroker = async function (this: ClusterLike) {
    try {
      return await original.call(this);
    } catch (error) {
      if ((error as Error).name !== 'KafkaJSBrokerNotFound') throw error;
      const [nodeId] = this.brokerPool.getNodeIds();
      if (nodeId === undefined) throw error;
      return this.findBroker({ nodeId });
    }
  };
  Cluster.prototype[PATCHED] = true;
}
