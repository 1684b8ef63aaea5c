'use client';
// Polls GET /api/admin/outbox every 5 s; the replay button POSTs and refreshes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OutboxStatus } from '../../../lib/events/get-outbox-status';
import type { DeadLetterView } from '../../../lib/events/list-dead-letters';
import type { ConsumerLag } from '../../../lib/events/transport/event-transport';

type Overview = OutboxStatus & {
  transport: 'kafka' | 'in-process';
  consumerLag: ConsumerLag[];
  consumerLagError: string | null;
  deadLetterList: DeadLetterView[];
};

async function fetchOverview(): Promise<Overview> {
  const response = await fetch('/api/admin/outbox', { cache: 'no-store' });
  if (!response.ok) throw new Error(`outbox: HTTP ${response.status}`);
  return (await response.json()) as Overview;
}

async function replay(id: string): Promise<void> {
  const response = await fetch(`/api/admin/outbox/dead-letters/${encodeURIComponent(id)}/replay`, { method: 'POST' });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `replay: HTTP ${response.status}`);
  }
}

function formatAge(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm">
      <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </p>
    </div>
  );
}

export function OutboxDashboard() {
  const queryClient = useQueryClient();
  const { data, error, isPending } = useQuery({ queryKey: ['admin-outbox'], queryFn: fetchOverview, refetchInterval: 5_000 });
  const replayMutation = useMutation({
    mutationFn: replay,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['admin-outbox'] }),
  });

  if (isPending) return <p className="text-zinc-600">Loading…</p>;
  if (error || !data) return <p className="text-rose-700">Could not load the outbox: {String(error)}</p>;

  const lastMinutes = data.publishedPerMinute.slice(-5);
  const perMinute = lastMinutes.length ? lastMinutes[lastMinutes.length - 1]!.count : 0;
  const waiting = data.deadLetters.reduce((sum, d) => sum + d.waiting, 0);

  return (
    <div className="space-y-8">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Backlog (unpublished)" value={data.backlog.toLocaleString()} testId="outbox-backlog" />
        <Stat label="Oldest unpublished" value={formatAge(data.oldestUnpublishedAgeSeconds)} testId="outbox-oldest" />
        <Stat label="Published / min (this minute)" value={perMinute.toLocaleString()} testId="outbox-rate" />
        <Stat label="Dead letters waiting" value={waiting.toLocaleString()} testId="outbox-dead-letters" />
      </div>

      <div>
        <h2 className="mb-2 text-lg font-semibold">Published per minute</h2>
        {data.publishedPerMinute.length === 0 ? (
          <p className="text-sm text-zinc-600">Nothing published in the last 15 minutes.</p>
        ) : (
          <ol className="flex items-end gap-1" aria-label="Published per minute, last 15 minutes">
            {data.publishedPerMinute.map((m) => {
              const max = Math.max(...data.publishedPerMinute.map((x) => x.count));
              return (
                <li key={m.minute} className="flex flex-col items-center text-[10px] text-zinc-500" title={`${m.minute}: ${m.count}`}>
                  <span className="w-6 rounded-t bg-rose-500" style={{ height: `${Math.max(2, (m.count / max) * 80)}px` }} />
                  {new Date(m.minute).toLocaleTimeString('ko-KR', { hour: '2-digit', minute: '2-digit' })}
                </li>
              );
            })}
          </ol>
        )}
      </div>

      <div>
        <h2 className="mb-2 text-lg font-semibold">
          Consumer lag <span className="text-sm font-normal text-zinc-500">({data.transport} transport)</span>
        </h2>
        {data.consumerLagError && <p className="mb-2 text-sm text-amber-700">Lag unavailable: {data.consumerLagError}</p>}
        {data.consumerLag.length === 0 ? (
          <p className="text-sm text-zinc-600">No consumer groups registered.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-zinc-500">
              <tr>
                <th className="py-1">Group</th>
                <th>Topic</th>
                <th className="text-right">Lag</th>
              </tr>
            </thead>
            <tbody>
              {data.consumerLag.map((row) => (
                <tr key={`${row.group}/${row.topic}`} className="border-t border-zinc-200">
                  <td className="py-1 font-mono">{row.group}</td>
                  <td className="font-mono">{row.topic}</td>
                  <td className="text-right tabular-nums">{row.lag.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <div>
        <h2 className="mb-2 text-lg font-semibold">Dead letters</h2>
        {replayMutation.error && <p className="mb-2 text-sm text-rose-700">{replayMutation.error.message}</p>}
        {data.deadLetterList.length === 0 ? (
          <p className="text-sm text-zinc-600">No dead letters.</p>
        ) : (
          <table className="w-full text-left text-sm" aria-label="Dead letters">
            <thead className="text-zinc-500">
              <tr>
                <th className="py-1">When</th>
                <th>Group</th>
                <th>Event</th>
                <th>Error</th>
                <th>Source</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.deadLetterList.map((letter) => (
                <tr key={letter.id} className="border-t border-zinc-200 align-top" data-testid="dead-letter">
                  <td className="py-1 whitespace-nowrap">{new Date(letter.createdAt).toLocaleString('ko-KR')}</td>
                  <td className="font-mono">{letter.group}</td>
                  <td>
                    <span className="font-mono">{letter.type}</span>
                    <br />
                    <span className="font-mono text-xs text-zinc-500">{letter.aggregateId}</span>
                  </td>
                  <td className="max-w-xs break-words text-rose-700">
                    {letter.error} <span className="text-zinc-500">({letter.attempts} attempts)</span>
                  </td>
                  <td className="font-mono text-xs">
                    {letter.topic}
                    {letter.sourcePartition !== null && ` [${letter.sourcePartition}] @${letter.sourceOffset}`}
                  </td>
                  <td className="text-right">
                    {letter.replayedAt ? (
                      <span className="text-xs text-zinc-500">replayed {new Date(letter.replayedAt).toLocaleTimeString('ko-KR')}</span>
                    ) : (
                      <button
                        type="button"
                        className="rounded bg-zinc-900 px-3 py-1 text-xs font-medium text-white disabled:opacity-50"
                        disabled={replayMutation.isPending}
                        onClick={() => replayMutation.mutate(letter.id)}
                      >
                        Replay
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
