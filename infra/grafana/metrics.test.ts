// The project's Prometheus series follow Prometheus's naming conventions (base units, counters
// end in _total, no rates baked into names), and the Grafana dashboard charts only series the
// code registers, so renaming a metric without the dashboard fails here.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' || entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

const registered = ['lib', 'workers', 'app'].flatMap(sourceFiles).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/new (Counter|Gauge|Histogram|Summary)\(\{\s*name: '([^']+)'/g)].map((m) => ({ kind: m[1]!, name: m[2]!, file })),
);
// prom-client's collectDefaultMetrics (workers/runtime/metrics.ts) that the dashboard charts.
const DEFAULTS = ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_p99_seconds'];

describe('Prometheus metrics', () => {
  it('finds the registered metrics', () => {
    expect(registered.map((m) => m.name)).toContain('outbox_oldest_unpublished_age_seconds');
  });

  it('name every series by Prometheus conventions', () => {
    for (const { kind, name, file } of registered) {
      const where = `${name} (${kind}, ${file})`;
      expect(name, where).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(name.endsWith('_total'), where).toBe(kind === 'Counter');
      if (kind === 'Histogram' || kind === 'Summary') expect(name, where).toMatch(/_(seconds|bytes)$/);
      expect(name, where).not.toMatch(/_per_(second|minute|hour)|_(ms|milliseconds|minutes|hours|kb|mb)(_|$)/);
    }
  });

  it('has a Grafana dashboard that charts only series the code registers', () => {
    const dashboard = JSON.parse(readFileSync('infra/grafana/openseat.json', 'utf8')) as { panels: { targets: { expr: string }[] }[] };
    const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));
    const used = new Set(exprs.flatMap((e) => [...e.matchAll(/([a-z_][a-z0-9_]*)\{/g)].map((m) => m[1]!)));
    const known = new Set([
      ...DEFAULTS,
      ...registered.flatMap(({ kind, name }) => (kind === 'Histogram' ? [`${name}_bucket`, `${name}_count`, `${name}_sum`] : [name])),
    ]);
    expect([...used].filter((name) => !known.has(name))).toEqual([]);
    expect(used.size).toBeGreaterThan(15);
  });
});
