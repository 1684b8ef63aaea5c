// Whether this process's loops still turn. A loop beats when a tick starts and when it ends; a
// loop silent for much longer than its interval is stuck (a tick awaiting a connection that
// never answers), and the process is restarted by its health check rather than left holding
// its role while doing nothing.
export type LoopBeat = { intervalMs: number; lastBeatMs: number };

/** A tick may legitimately run long (the daily reconciliation pages through a day of payments). */
const STALL_FLOOR_MS = 5 * 60_000;
const STALL_INTERVALS = 5;

export class LoopLiveness {
  private readonly beats = new Map<string, LoopBeat>();

  beat(loop: string, intervalMs: number, nowMs: number): void {
    this.beats.set(loop, { intervalMs, lastBeatMs: nowMs });
  }

  /** A stopped loop no longer counts. */
  forget(loop: string): void {
    this.beats.delete(loop);
  }

  /** Loops silent for longer than max(5 intervals, 5 minutes). */
  stalled(nowMs: number): string[] {
    return [...this.beats].filter(([, b]) => nowMs - b.lastBeatMs > Math.max(b.intervalMs * STALL_INTERVALS, STALL_FLOOR_MS)).map(([name]) => name);
  }
}

/** The loops of this process (every role it runs shares it). */
export const processLoops = new LoopLiveness();
