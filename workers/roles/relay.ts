// The `relay` role: outbox → bus. With Kafka it publishes; in-process (no KAFKA_BROKERS) it
// delivers to the consumer groups of the roles running in this same process (`all` on a laptop).
import type { Role } from '../runtime/context';
import { declaredConsumerGroups } from '../runtime/consumer-groups';
import { acquireEventBus } from '../runtime/event-bus';
import { startRelay } from '../runtime/start-relay';

export const relayRole: Role = async (ctx) => {
  const bus = acquireEventBus(ctx);
  if (bus.transport.kind === 'in-process' && 'expectGroups' in bus.transport) {
    const groups = declaredConsumerGroups().map((g) => g.group);
    const here = groups.filter((g) => (ctx.config.WORKER_ROLE as string[]).includes(g));
    const elsewhere = groups.filter((g) => !here.includes(g));
    if (elsewhere.length) {
      ctx.logger.warn({ elsewhere }, 'in-process transport: these consumer groups run in no role of this process and will not receive events; set KAFKA_BROKERS or run them here');
    }
    (bus.transport as { expectGroups(groups: string[]): void }).expectGroups(here);
  }
  const relay = await startRelay(ctx, { transport: bus.transport });
  return {
    async stop() {
      await relay.stop();
      await bus.release();
    },
  };
};
