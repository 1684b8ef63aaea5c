// A background loop for roles: runs `tick` every `intervalMs` (never two ticks at once), logs
// and counts failures without dying, and on stop() waits for the tick in flight to finish.
// Every tick's start and end is a heartbeat for the process's liveness probe.
import type { Logger } from '../../lib/logging/create-logger';
import type { RoleHandle } from './context';
import { processLoops } from './loop-liveness';

export function startLoop(options: {
  name: string;
  intervalMs: number;
  logger: Logger;
  tick: (signal: AbortSignal) => Promise<void>;
  onError?: (error: unknown) => void;
}): RoleHandle {
  const beat = () => processLoops.beat(options.name, options.intervalMs, Date.now());
  const controller = new AbortController();
  let inFlight: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const run = () => {
    beat();
    inFlight = options
      .tick(controller.signal)
      .catch((error) => {
        options.onError?.(error);
        options.logger.error({ err: error, loop: options.name }, 'loop tick failed');
      })
      .finally(() => {
        beat();
        if (!controller.signal.aborted) timer = setTimeout(run, options.intervalMs);
      });
  };
  run();

  return {
    async stop() {
      controller.abort();
      clearTimeout(timer);
      await inFlight;
      processLoops.forget(options.name);
    },
  };
}
