// One event transport per worker process (per WorkerContext), shared by the relay and every
// consumer role in it: Kafka when KAFKA_BROKERS is set, otherwise in-process, where the relay
// delivers to the groups subscribed in this same process. Roles acquire it and release it on
// stop; the last release closes it.
import { createInProcessTransport } from '../../lib/events/transport/create-in-process-transport';
import { createKafkaTransport } from '../../lib/events/transport/create-kafka-transport';
import type { EventTransport } from '../../lib/events/transport/event-transport';
import { declaredConsumerGroups } from './consumer-groups';
import type { WorkerContext } from './context';
import { outboxMetrics } from './outbox-metrics';

type Bus = { transport: EventTransport; users: number };
const buses = new WeakMap<WorkerContext, Bus>();

function busOf(ctx: WorkerContext): Bus {
  let bus = buses.get(ctx);
  if (!bus) {
    const brokers = ctx.config.KAFKA_BROKERS;
    const transport = brokers?.length
      ? createKafkaTransport({
          brokers,
          clientId: `${ctx.config.KAFKA_CLIENT_ID}-${ctx.config.WORKER_ROLE.join('-')}`,
          logger: ctx.logger,
          sessionTimeoutMs: ctx.config.KAFKA_SESSION_TIMEOUT_MS,
          maxWaitTimeMs: ctx.config.KAFKA_MAX_WAIT_MS,
          scram: ctx.config.KAFKA_SASL_USERNAME && ctx.config.KAFKA_SASL_PASSWORD ? { username: ctx.config.KAFKA_SASL_USERNAME, password: ctx.config.KAFKA_SASL_PASSWORD } : undefined,
        })
      : createInProcessTransport({
          pendingByTopic: async () => {
            const rows = await ctx.db.$queryRaw<{ topic: string; count: bigint }[]>`
              SELECT topic, count(*) AS count FROM common.outbox_events WHERE published_at IS NULL GROUP BY topic`;
            return new Map(rows.map((r) => [r.topic, Number(r.count)]));
          },
        });
    bus = { transport, users: 0 };
    buses.set(ctx, bus);
    const groups = declaredConsumerGroups();
    outboxMetrics(ctx).setLagSource(() => transport.consumerLag(groups));
  }
  return bus;
}

/** The process's transport without holding it open (admin routes, metrics). */
export function eventBusOf(ctx: WorkerContext): EventTransport {
  return busOf(ctx).transport;
}

export function acquireEventBus(ctx: WorkerContext): { transport: EventTransport; release(): Promise<void> } {
  const bus = busOf(ctx);
  bus.users += 1;
  let released = false;
  return {
    transport: bus.transport,
    async release() {
      if (released) return;
      released = true;
      bus.users -= 1;
      if (bus.users === 0) {
        buses.delete(ctx);
        await bus.transport.close();
      }
    },
  };
}
