import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../lib/logging/create-logger';
import { livenessReport } from './liveness-report';
import { LoopLiveness, processLoops } from './loop-liveness';
import { startLivenessServer } from './start-liveness-server';
import { startLoop } from './start-loop';

const logger = createLogger({ name: 'loop-liveness-test', level: 'silent' });
const MINUTE = 60_000;

describe('LoopLiveness', () => {
  it('calls a loop stalled after five intervals of silence, and never before five minutes', () => {
    const liveness = new LoopLiveness();
    liveness.beat('relay.publish', 100, 0);
    liveness.beat('payments.reconcile', 2 * MINUTE, 0);
    expect(liveness.stalled(5 * MINUTE)).toEqual([]);
    expect(liveness.stalled(5 * MINUTE + 1)).toEqual(['relay.publish']);
    expect(liveness.stalled(10 * MINUTE + 1)).toEqual(['relay.publish', 'payments.reconcile']);
    liveness.beat('relay.publish', 100, 10 * MINUTE);
    expect(liveness.stalled(10 * MINUTE + 1)).toEqual(['payments.reconcile']);
    liveness.forget('payments.reconcile');
    expect(liveness.stalled(10 * MINUTE + 1)).toEqual([]);
  });
});

describe('startLoop heartbeats', () => {
  afterEach(() => vi.useRealTimers());

  it('leaves a loop whose tick never returns stalled while a turning loop stays live', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let release!: () => void;
    const hung = startLoop({ name: 'test.hung', intervalMs: 50, logger, tick: () => new Promise<void>((resolve) => (release = resolve)) });
    const turning = startLoop({ name: 'test.turning', intervalMs: 50, logger, tick: async () => {} });
    await vi.advanceTimersByTimeAsync(6 * MINUTE);
    expect(livenessReport(Date.now())).toEqual({ status: 503, body: { status: 'stalled', loops: ['test.hung'] } });

    release();
    await hung.stop();
    await turning.stop();
    expect(livenessReport(Date.now())).toEqual({ status: 200, body: { status: 'live' } });
  });
});

describe('GET /health/live of a process of loop roles', () => {
  it('answers 200 while the loops turn and 503 naming a stalled one', async () => {
    const probe = await startLivenessServer({ port: 0 });
    try {
      const live = async (path = '/health/live') => {
        const response = await fetch(`http://127.0.0.1:${probe.port}${path}`);
        return { status: response.status, body: await response.json() };
      };
      expect(await live()).toEqual({ status: 200, body: { status: 'live' } });
      processLoops.beat('test.silent', 1_000, Date.now() - 10 * MINUTE);
      expect(await live()).toEqual({ status: 503, body: { status: 'stalled', loops: ['test.silent'] } });
      processLoops.forget('test.silent');
      expect(await live()).toEqual({ status: 200, body: { status: 'live' } });
      expect((await live('/metrics')).status).toBe(404);
    } finally {
      await probe.close();
    }
  });
});
