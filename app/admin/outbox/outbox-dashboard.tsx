'use client';
// Polls GET /api/admin/outbox every 5 s; the replay button POSTs and refreshes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useFormat } from '../../../components/i18n/use-format';
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

// Operators read the bus on the service's home clock: events belong to no single venue.
const OPS_ZONE = 'Asia/Seoul';

function formatAge(seconds: number | null, t: ReturnType<typeof useTranslations<'admin.outbox.age'>>): string {
  if (seconds === null) return '—';
  if (seconds < 60) return t('seconds', { n: seconds.toFixed(1) });
  if (seconds < 3600) return t('minutes', { m: Math.floor(seconds / 60), s: Math.round(seconds % 60) });
  return t('hours', { n: (seconds / 3600).toFixed(1) });
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm">
      <p className="text-xs font-medium uppercase tracking-wide text-zinc-600">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </p>
    </div>
  );
}

export function OutboxDashboard() {
  const t = useTranslations('admin.outbox');
  const tAge = useTranslations('admin.outbox.age');
  const tCommon = useTranslations('admin.common');
  const format = useFormat();
  const queryClient = useQueryClient();
  const { data, error, isPending } = useQuery({ queryKey: ['admin-outbox'], queryFn: fetchOverview, refetchInterval: 5_000 });
  const replayMutation = useMutation({
    mutationFn: replay,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['admin-outbox'] }),
  });

  if (isPending) return <p className="text-zinc-600">{tCommon('loading')}</p>;
  if (error || !data) return <p className="text-rose-700">{t.rich('loadError', { error: String(error), raw: (chunks) => <span translate="no">{chunks}</span> })}</p>;

  const lastMinutes = data.publishedPerMinute.slice(-5);
  const perMinute = lastMinutes.length ? lastMinutes[lastMinutes.length - 1]!.count : 0;
  const waiting = data.deadLetters.reduce((sum, d) => sum + d.waiting, 0);

  return (
    <div className="space-y-8">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t('backlog')} value={format.number(data.backlog)} testId="outbox-backlog" />
        <Stat label={t('oldest')} value={formatAge(data.oldestUnpublishedAgeSeconds, tAge)} testId="outbox-oldest" />
        <Stat label={t('rate')} value={format.number(perMinute)} testId="outbox-rate" />
        <Stat label={t('deadLettersWaiting')} value={format.number(waiting)} testId="outbox-dead-letters" />
      </div>

      <div>
        <h2 className="mb-2 text-lg font-semibold">{t('perMinute')}</h2>
        {data.publishedPerMinute.length === 0 ? (
          <p className="text-sm text-zinc-600">{t('nothingPublished')}</p>
        ) : (
          <ol className="flex items-end gap-1" aria-label={t('perMinuteLabel')}>
            {data.publishedPerMinute.map((m) => {
              const max = Math.max(...data.publishedPerMinute.map((x) => x.count));
              return (
                <li key={m.minute} className="flex flex-col items-center text-[10px] text-zinc-600" title={`${m.minute}: ${m.count}`}>
                  <span className="w-6 rounded-t bg-rose-500" style={{ height: `${Math.max(2, (m.count / max) * 80)}px` }} />
                  {format.dateTime(m.minute, OPS_ZONE, 'time')}
                </li>
              );
            })}
          </ol>
        )}
      </div>

      <div>
        <h2 className="mb-2 text-lg font-semibold">
          {t('consumerLag')} <span className="text-sm font-normal text-zinc-600">(<span translate="no">{data.transport}</span>)</span>
        </h2>
        {data.consumerLagError && <p className="mb-2 text-sm text-amber-700">{t.rich('lagUnavailable', { error: data.consumerLagError, raw: (chunks) => <span translate="no">{chunks}</span> })}</p>}
        {data.consumerLag.length === 0 ? (
          <p className="text-sm text-zinc-600">{t('noGroups')}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-zinc-600">
              <tr>
                <th className="py-1">{t('group')}</th>
                <th>{t('topic')}</th>
                <th className="text-right">{t('lag')}</th>
              </tr>
            </thead>
            <tbody>
              {data.consumerLag.map((row) => (
                <tr key={`${row.group}/${row.topic}`} className="border-t border-zinc-200">
                  <td className="py-1 font-mono" translate="no">{row.group}</td>
                  <td className="font-mono" translate="no">{row.topic}</td>
                  <td className="text-right tabular-nums">{format.number(row.lag)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <div>
        <h2 className="mb-2 text-lg font-semibold">{t('deadLetters')}</h2>
        {replayMutation.error && <p className="mb-2 text-sm text-rose-700">{replayMutation.error.message}</p>}
        {data.deadLetterList.length === 0 ? (
          <p className="text-sm text-zinc-600">{t('noDeadLetters')}</p>
        ) : (
          <table className="w-full text-left text-sm" aria-label={t('deadLetters')}>
            <thead className="text-zinc-600">
              <tr>
                <th className="py-1">{t('when')}</th>
                <th>{t('group')}</th>
                <th>{t('event')}</th>
                <th>{t('error')}</th>
                <th>{t('source')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.deadLetterList.map((letter) => (
                <tr key={letter.id} className="border-t border-zinc-200 align-top" data-testid="dead-letter">
                  <td className="py-1 whitespace-nowrap">{format.dateTime(letter.createdAt, OPS_ZONE)}</td>
                  <td className="font-mono" translate="no">{letter.group}</td>
                  <td>
                    <span className="font-mono" translate="no">{letter.type}</span>
                    <br />
                    <span className="font-mono text-xs text-zinc-600" translate="no">{letter.aggregateId}</span>
                  </td>
                  <td className="max-w-xs break-words text-rose-700">
                    <span translate="no">{letter.error}</span> <span className="text-zinc-600">({t('attempts', { count: letter.attempts })})</span>
                  </td>
                  <td className="font-mono text-xs" translate="no">
                    {letter.topic}
                    {letter.sourcePartition !== null && ` [${letter.sourcePartition}] @${letter.sourceOffset}`}
                  </td>
                  <td className="text-right">
                    {letter.replayedAt ? (
                      <span className="text-xs text-zinc-600">{t('replayed', { time: format.dateTime(letter.replayedAt, OPS_ZONE, 'time') })}</span>
                    ) : (
                      <button
                        type="button"
                        className="rounded bg-zinc-900 px-3 py-1 text-xs font-medium text-white disabled:opacity-50"
                        disabled={replayMutation.isPending}
                        onClick={() => replayMutation.mutate(letter.id)}
                      >
                        {t('replay')}
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
