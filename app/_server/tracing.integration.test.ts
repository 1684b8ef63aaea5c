// One trace per request, read from the tracer's own exporter: a hold goes gateway → worker API
// (over HTTP, joined by the traceparent header) → Redis; a reservation goes gateway → worker
// API → PostgreSQL → outbox row (its traceparent stored) → relay publish → consumer.

import { randomUUID } from 'node:crypto';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signEntryToken } from '../../lib/entry-token/sign-entry-token';
import { resolveEntryTokenKeys } from '../../lib/entry-token/resolve-entry-token-keys';
import { createInProcessTransport } from '../../lib/events/transport/create-in-process-transport';
import { startTracing, type Tracing } from '../../lib/tracing/start-tracing';
import { createPerformanceFixture, createUsers, type PerformanceFixture } from '../../test/support/performance-fixture';
import { Browser, startTestWeb, type TestWeb } from '../../test/support/test-web';
import { createTestWorkerContext } from '../../test/support/worker-context';
import type { RoleHandle } from '../../workers/runtime/context';
import { startConsumer } from '../../workers/runtime/start-consumer';
import { startRelay } from '../../workers/runtime/start-relay';

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let web: TestWeb;
let holds: typeof import('../api/performances/[performanceId]/holds/route');
let reservations: typeof import('../api/performances/[performanceId]/reservations/route');
let fixture: PerformanceFixture;
let fan: Browser;
let entryToken: string;

beforeAll(async () => {
  // Before anything opens a connection or builds the worker API.
  tracing = startTracing({ serviceName: 'openseat-test', exporter });
  web = await startTestWeb();
  holds = await import('../api/performances/[performanceId]/holds/route');
  reservations = await import('../api/performances/[performanceId]/reservations/route');
  const { webConfig } = await import('./config');
  fixture = await createPerformanceFixture(web.database.db, { rows: 1, seatsPerRow: 4 });
  const [userId] = await createUsers(web.database.db, 1);
  fan = new Browser();
  fan.cookies.set('authjs.session-token', await encode({ token: { sub: userId, role: 'USER', name: 'Fan', email: 'fan@example.com' }, secret: web.authSecret, salt: 'authjs.session-token' }));
  entryToken = await signEntryToken(resolveEntryTokenKeys(webConfig()), { userId: userId!, performanceId: fixture.performanceId, admittedUntilMs: Date.now() + 600_000 });
});
afterAll(async () => {
  await web?.stop();
  await tracing?.shutdown();
});

/** Spans of the trace whose root is the gateway span that the given call started. */
async function traceOf(call: () => Promise<Response>, expectStatus: number): Promise<ReadableSpan[]> {
  exporter.reset();
  const response = await call();
  expect(response.status, await response.clone().text()).toBe(expectStatus);
  const root = exporter.getFinishedSpans().find((s) => s.name.startsWith('gateway ') && !s.parentSpanContext);
  expect(root, 'the gateway span').toBeDefined();
  return exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === root!.spanContext().traceId);
}

/** Names from a span up to the trace's root. */
function ancestry(spans: ReadableSpan[], span: ReadableSpan): string[] {
  const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
  const names = [span.name];
  for (let s = byId.get(span.parentSpanContext?.spanId ?? ''); s; s = byId.get(s.parentSpanContext?.spanId ?? '')) names.push(s.name);
  return names;
}

const call = (handler: typeof holds.POST, path: string, json: unknown) =>
  fan.call(handler, 'POST', path, { params: { performanceId: fixture.performanceId }, json, headers: { 'x-entry-token': entryToken, 'idempotency-key': randomUUID() } });

describe('traces', () => {
  it('follow a hold from the gateway through the worker API into Redis', async () => {
    const spans = await traceOf(() => call(holds.POST, `/api/performances/${fixture.performanceId}/holds`, { seats: [fixture.ordinals[0]![0]] }), 201);
    const redis = spans.filter((s) => s.name === 'redis EVALSHA');
    // The gateway's rate limit runs in the gateway; the hold script runs under the worker API.
    const hold = redis.map((s) => ancestry(spans, s)).find((names) => names.some((n) => n.startsWith('request')));
    expect(hold, JSON.stringify(spans.map((s) => ancestry(spans, s)))).toBeDefined();
    expect(hold!.at(-1)).toBe('gateway POST');
    expect(hold).toContain('forward POST');
  });

  it('follow a reservation from the gateway through PostgreSQL and the outbox to a consumer, across the bus', async () => {
    const spans = await traceOf(() => call(reservations.POST, `/api/performances/${fixture.performanceId}/reservations`, { seats: [fixture.ordinals[0]![0]] }), 201);
    const root = spans.find((s) => s.name === 'gateway POST')!;
    expect(spans.some((s) => s.name === 'postgresql insert reservations' && ancestry(spans, s).includes('forward POST'))).toBe(true);

    const row = await web.database.db.outboxEvent.findFirstOrThrow({ where: { type: 'reservation.created' } });
    expect(row.traceparent).toContain(root.spanContext().traceId);

    const ctx = createTestWorkerContext({ database: web.database, redisUrl: inject('redisUrl') });
    const transport = createInProcessTransport();
    let consumed!: () => void;
    const done = new Promise<void>((resolve) => (consumed = resolve));
    const handles: RoleHandle[] = [
      await startConsumer(ctx, { group: 'trace-test', transport, handlers: { 'reservation.created': async () => consumed() } }),
      await startRelay(ctx, { transport, pollMs: 50 }),
    ];
    await done;
    for (const handle of handles) await handle.stop();
    await ctx.redis.quit();

    const consumer = exporter.getFinishedSpans().find((s) => s.name === 'consume reservation.created');
    expect(consumer?.spanContext().traceId).toBe(root.spanContext().traceId);
    const all = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === root.spanContext().traceId);
    expect(ancestry(all, consumer!)).toEqual(['consume reservation.created', 'publish reservation.events', ...ancestry(all, spanOfStoredContext(all, row.traceparent!))]);
  });
});

/** The span whose context the outbox row stored. */
function spanOfStoredContext(spans: ReadableSpan[], traceparent: string): ReadableSpan {
  const spanId = traceparent.split('-')[2];
  const span = spans.find((s) => s.spanContext().spanId === spanId);
  expect(span, `stored span ${spanId}`).toBeDefined();
  return span!;
}

