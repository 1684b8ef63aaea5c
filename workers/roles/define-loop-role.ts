// A role made of background loops (admission, reservations, payments, relay, stats), and
// optionally the consumer group of the same name: `consumes: { 'payment.settled': handler }`.
import type { EventHandlers } from '../runtime/start-consumer';
import { startConsumer } from '../runtime/start-consumer';
import { declareConsumerGroup } from '../runtime/consumer-groups';
import { isEventType } from '../../lib/events/catalog';
import type { Role, RoleHandle, WorkerContext } from '../runtime/context';
import { startLoop } from '../runtime/start-loop';

export type LoopSpec = {
  name: string;
  intervalMs: (ctx: WorkerContext) => number;
  tick: (ctx: WorkerContext, signal: AbortSignal) => Promise<void>;
};

export function defineLoopRole(role: string, loops: LoopSpec[], options: { consumes?: EventHandlers } = {}): Role {
  const consumes = options.consumes;
  if (consumes) declareConsumerGroup(role, Object.keys(consumes).filter(isEventType));
  return async (ctx) => {
    const handles: RoleHandle[] = loops.map((loop) =>
      startLoop({
        name: `${role}.${loop.name}`,
        intervalMs: loop.intervalMs(ctx),
        logger: ctx.logger,
        tick: (signal) => loop.tick(ctx, signal),
      }),
    );
    if (consumes) handles.push(await startConsumer(ctx, { group: role, handlers: consumes }));
    ctx.logger.info({ role, loops: loops.map((l) => l.name), consumes: consumes ? Object.keys(consumes) : [] }, 'role started');
    return { stop: async () => void (await Promise.all(handles.map((h) => h.stop()))) };
  };
}
