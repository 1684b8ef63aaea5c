// A role made of background loops (admission, reservations, payments, relay, stats).
import type { Role, RoleHandle, WorkerContext } from '../runtime/context';
import { startLoop } from '../runtime/start-loop';

export type LoopSpec = {
  name: string;
  intervalMs: (ctx: WorkerContext) => number;
  tick: (ctx: WorkerContext, signal: AbortSignal) => Promise<void>;
};

export function defineLoopRole(role: string, loops: LoopSpec[]): Role {
  return async (ctx) => {
    const handles: RoleHandle[] = loops.map((loop) =>
      startLoop({
        name: `${role}.${loop.name}`,
        intervalMs: loop.intervalMs(ctx),
        logger: ctx.logger,
        tick: (signal) => loop.tick(ctx, signal),
      }),
    );
    ctx.logger.info({ role, loops: loops.map((l) => l.name) }, 'role started');
    return { stop: async () => void (await Promise.all(handles.map((h) => h.stop()))) };
  };
}
