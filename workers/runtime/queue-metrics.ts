// The waiting room's metrics on the worker registry: the admission role moves the gauges and
// counters, the worker API's entry-token guard counts refusals; both share one definition.
import { Counter, Gauge, type Registry } from 'prom-client';

/** The queue's metrics on the worker registry, created once per registry. */
export function queueMetrics(registry: Registry) {
  const get = <T>(name: string, make: () => T): T => (registry.getSingleMetric(name) as T | undefined) ?? make();
  return {
    depth: get('queue_waiting_users', () => new Gauge({ name: 'queue_waiting_users', help: 'Users waiting per performance', labelNames: ['performance'], registers: [registry] })),
    active: get('queue_active_users', () => new Gauge({ name: 'queue_active_users', help: 'Admitted users per performance', labelNames: ['performance'], registers: [registry] })),
    admitted: get('queue_admitted_total', () => new Counter({ name: 'queue_admitted_total', help: 'Users admitted', labelNames: ['performance'], registers: [registry] })),
    abandoned: get('queue_abandoned_total', () => new Counter({ name: 'queue_abandoned_total', help: 'Waiting users skipped because their heartbeat stopped', labelNames: ['performance'], registers: [registry] })),
    tokenRejections: get('entry_token_rejections_total', () => new Counter({ name: 'entry_token_rejections_total', help: 'Entry tokens refused, by reason', labelNames: ['reason'], registers: [registry] })),
  };
}
