// The report of one simulated opening: the invariants (each must be 0), the figures, every
// throughput beside this run's ceilings, and a short summary naming the slowest link.
import type { LoadResult } from '../support/closed-loop-load';
import type { AbuseSummary } from './abuse';
import type { Ceilings } from './ceilings';
import type { FanOutcome, FanResult } from './fan';
import type { FaultLog } from './faults';
import { round, type EndpointSummary } from './http-client';
import type { Invariants } from './invariants';
import type { SimOptions } from './options';
import type { ProcessUsage } from './process-stats';
import type { Sale } from './seed-sale';

type ReportInput = {
  options: SimOptions;
  machine: Record<string, unknown>;
  sale: Sale;
  results: FanResult[];
  invariants: Invariants;
  unsettledAtEnd: number;
  settledAfterMs: number;
  inversions: { inversions: number; ranked: number; unranked: number };
  admission: Record<string, unknown>;
  outbox: Record<string, unknown>;
  confirmation: Record<string, unknown>;
  endpoints: Record<string, EndpointSummary>;
  fanErrors: number;
  processes: Record<string, ProcessUsage>;
  ceilings: Ceilings;
  timing: { opensAtMs: number; saleSeconds: number; totalSeconds: number; allTakenAfterSeconds: number | null; soldOutAfterSeconds: number | null };
  peakQueueDepth: number;
  faults: FaultLog | null;
  abuse: AbuseSummary | null;
};

/** Three significant digits: a status poll can run at 1/10,000 of raw EVALSHA. */
const ratio = (value: number, ceiling: number) => Number((value / ceiling).toPrecision(3));

/** Which ceilings an endpoint's throughput is set against. */
function ceilingsOf(endpoint: string, c: Ceilings): Record<string, LoadResult> {
  if (endpoint.startsWith('GET /api/queue/:id/status')) return { nextConstant: c.nextConstant, rawStatusEvalsha: c.rawStatusEvalsha };
  if (endpoint.includes('/holds')) return { nextToWorkerConstant: c.nextToWorkerConstant, rawHoldEvalsha: c.rawHoldEvalsha };
  if (endpoint.includes(' /api/')) return { nextToWorkerConstant: c.nextToWorkerConstant };
  return {};
}

export function buildReport(input: ReportInput) {
  const { invariants, inversions } = input;
  const outcomes: Partial<Record<FanOutcome, number>> = {};
  for (const r of input.results) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  const failures = input.results.filter((r) => r.failure).slice(0, 10).map((r) => ({ fan: r.index, failure: r.failure }));
  const endpoints = Object.fromEntries(
    Object.entries(input.endpoints).map(([name, e]) => [
      name,
      {
        ...e,
        ofCeiling: Object.fromEntries(
          Object.entries(ceilingsOf(name, input.ceilings)).map(([ceiling, c]) => [ceiling, { mean: ratio(e.meanPerSecond, c.rps), peak: ratio(e.peakPerSecond, c.rps) }]),
        ),
      },
    ]),
  );
  const platformProcesses = Object.entries(input.processes).filter(([name]) => name !== 'loadGenerator');
  const [busiestName, busiest] = platformProcesses.sort(([, a], [, b]) => b.cpuSeconds - a.cpuSeconds)[0] ?? ['none', undefined];
  const platformCpu = platformProcesses.reduce((sum, [, p]) => sum + p.cpuSeconds, 0) || 1;
  const slowestEndpoint = Object.entries(input.endpoints)
    .filter(([name]) => name.includes(' /api/'))
    .sort(([, a], [, b]) => b.p99Ms - a.p99Ms)[0];
  const abuseRefusedWrongly = input.abuse ? Number(input.abuse.wronglyAnswered ?? 0) + Number(input.abuse.stateChanges ?? 0) : 0;
  const checks = {
    oversold: invariants.oversold,
    seatsInTwoLiveReservations: invariants.seatsInTwoLiveReservations,
    paidButNotConfirmed: invariants.paidButNotConfirmed,
    confirmedButNotPaid: invariants.confirmedButNotPaid,
    queueOrderInversions: inversions.inversions,
    ...(input.abuse ? { abuseNotRefusedOrChangedState: abuseRefusedWrongly } : {}),
  };
  return {
    name: 'open-day',
    startedAt: new Date(input.timing.opensAtMs).toISOString(),
    machine: input.machine,
    options: input.options,
    invariantsHold: Object.values(checks).every((v) => v === 0),
    invariants: { ...checks, mustAllBeZero: true },
    sale: {
      hallSeats: invariants.hallSeats,
      seatsSold: invariants.seatsSold,
      soldShare: round(invariants.seatsSold / invariants.hallSeats),
      allSeatsTakenAfterSeconds: input.timing.allTakenAfterSeconds,
      soldOutAfterSeconds: input.timing.soldOutAfterSeconds,
      saleSeconds: round(input.timing.saleSeconds, 1),
      totalRunSeconds: round(input.timing.totalSeconds, 1),
      fans: input.results.length,
      outcomes,
      fanErrors5xxOrNoAnswer: input.fanErrors,
      failures,
      unsettledAtEnd: input.unsettledAtEnd,
      settledAfterSeconds: round(input.settledAfterMs / 1000, 1),
    },
    queue: { inversions, peakDepth: input.peakQueueDepth, admissionRate: input.admission },
    outbox: input.outbox,
    paymentToConfirmation: input.confirmation,
    endpoints,
    ceilings: input.ceilings,
    processes: input.processes,
    slowestLink: {
      process: busiestName,
      cpuShareOfPlatform: busiest ? round(busiest.cpuSeconds / platformCpu) : null,
      coresUsed: busiest?.coresUsed ?? null,
      slowestEndpointByP99: slowestEndpoint ? { endpoint: slowestEndpoint[0], p99Ms: slowestEndpoint[1].p99Ms } : null,
    },
    faults: input.faults,
    abuse: input.abuse,
  };
}

export type OpenDayReport = ReturnType<typeof buildReport>;

export function summarise(report: OpenDayReport): string {
  const s = report.sale;
  const inv = report.invariants;
  const lines = [
    `Ticket-open day, simulated — ${s.fans} fans, ${s.hallSeats} seats, ${report.options.admitPerMinute} admitted/min${report.options.faults ? ', with faults' : ''}${report.options.abuse ? ', with abuse' : ''}`,
    `  invariants ${report.invariantsHold ? 'HOLD' : 'BROKEN'}: oversold ${inv.oversold} · seats in two live reservations ${inv.seatsInTwoLiveReservations} · paid-not-confirmed ${inv.paidButNotConfirmed} · confirmed-not-paid ${inv.confirmedButNotPaid} · queue inversions ${inv.queueOrderInversions}${'abuseNotRefusedOrChangedState' in inv ? ` · abuse not refused ${inv.abuseNotRefusedOrChangedState}` : ''}`,
    `  sold ${s.seatsSold}/${s.hallSeats} (${Math.round(s.soldShare * 100)} %)${s.soldOutAfterSeconds !== null ? `, sold out ${s.soldOutAfterSeconds} s after the opening` : ''}${s.allSeatsTakenAfterSeconds !== null ? `, every seat taken after ${s.allSeatsTakenAfterSeconds} s` : ''}; settled ${s.settledAfterSeconds} s after the last fan`,
    `  fans: ${Object.entries(s.outcomes).map(([k, v]) => `${k} ${v}`).join(', ')}; 5xx/no answer ${s.fanErrors5xxOrNoAnswer}`,
    `  admission: ${JSON.stringify(report.queue.admissionRate)}`,
    `  outbox commit→publish p50 ${report.outbox.p50Ms} ms p99 ${report.outbox.p99Ms} ms (${report.outbox.events} events, ${report.outbox.unpublished} unpublished); paid→confirmed p50 ${report.paymentToConfirmation.p50Ms} ms p99 ${report.paymentToConfirmation.p99Ms} ms`,
    '  endpoint                                              n   mean/s  peak/s   p50    p95    p99 ms   of ceiling (mean)',
    ...Object.entries(report.endpoints).map(
      ([name, e]) =>
        `  ${name.padEnd(50)} ${String(e.requests).padStart(6)} ${String(e.meanPerSecond).padStart(7)} ${String(e.peakPerSecond).padStart(7)} ${String(e.p50Ms).padStart(6)} ${String(e.p95Ms).padStart(6)} ${String(e.p99Ms).padStart(6)}   ${Object.entries(e.ofCeiling).map(([c, r]) => `${c} ${r.mean}`).join(', ')}`,
    ),
    `  ceilings (req/s): Next constant ${report.ceilings.nextConstant.rps}, Next→worker constant ${report.ceilings.nextToWorkerConstant.rps}, raw status EVALSHA ${report.ceilings.rawStatusEvalsha.rps}, raw hold EVALSHA ${report.ceilings.rawHoldEvalsha.rps}`,
    `  CPU s (share): ${Object.entries(report.processes).map(([k, p]) => `${k} ${p.cpuSeconds} (${Math.round(p.cpuShare * 100)} %, ${p.rssMiBPeak} MiB)`).join(', ')}`,
    `  slowest link: ${report.slowestLink.process}, ${Math.round((report.slowestLink.cpuShareOfPlatform ?? 0) * 100)} % of the platform's CPU (${report.slowestLink.coresUsed} cores)${report.slowestLink.slowestEndpointByP99 ? `; slowest endpoint ${report.slowestLink.slowestEndpointByP99.endpoint} (p99 ${report.slowestLink.slowestEndpointByP99.p99Ms} ms)` : ''}`,
  ];
  if (report.faults) lines.push(`  faults: ${report.faults.map((f) => JSON.stringify(f)).join('\n          ')}`);
  if (report.abuse) lines.push(`  abuse: ${JSON.stringify(report.abuse)}`);
  return lines.join('\n');
}
