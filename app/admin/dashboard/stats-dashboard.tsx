'use client';
// The statistics dashboard: filters (date range, event), headline figures and six charts, polled
// every 3 s with TanStack Query so a sale can be watched without reloading.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../../components/i18n/use-format';
import type { DashboardStats } from '../../../lib/stats/get-dashboard-stats';

const REFRESH_MS = 3_000;
const COLORS = { seats: '#1d4ed8', revenue: '#be123c', waiting: '#b45309', admitted: '#047857', failures: '#b91c1c' };

type Filter = { from: string; to: string; eventId: string };

async function fetchStats(filter: Filter): Promise<DashboardStats> {
  const query = new URLSearchParams({ from: filter.from, to: filter.to, ...(filter.eventId ? { eventId: filter.eventId } : {}) });
  const response = await fetch(`/api/admin/stats?${query}`, { cache: 'no-store' });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
  }
  return (await response.json()) as DashboardStats;
}

async function rebuild(): Promise<{ events: number }> {
  const response = await fetch('/api/admin/stats/rebuild', { method: 'POST' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as { events: number };
}

function Figure({ id, title, note, empty, emptyText, children }: { id: string; title: string; note?: string; empty: boolean; emptyText: string; children: ReactNode }) {
  return (
    <figure className="rounded-lg border border-zinc-200 bg-white p-4" aria-labelledby={`${id}-title`} data-testid={id}>
      <figcaption>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        {note && <p className="text-xs text-zinc-600">{note}</p>}
      </figcaption>
      {empty ? (
        <p className="flex h-64 items-center justify-center text-sm text-zinc-600">{emptyText}</p>
      ) : (
        <div className="mt-2 h-64">
          <ResponsiveContainer width="100%" height="100%">
            {children as React.ReactElement}
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}

function Kpi({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white p-4">
      <dt className="text-xs text-zinc-600">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export function StatsDashboard({ initialRange }: { initialRange: { from: string; to: string } }) {
  const t = useTranslations('dashboard');
  const format = useFormat();
  const client = useQueryClient();
  const [filter, setFilter] = useState<Filter>({ ...initialRange, eventId: '' });
  const stats = useQuery({ queryKey: ['admin-stats', filter], queryFn: () => fetchStats(filter), refetchInterval: REFRESH_MS, placeholderData: keepPreviousData });
  const rebuildMutation = useMutation({ mutationFn: rebuild, onSuccess: () => client.invalidateQueries({ queryKey: ['admin-stats'] }) });

  const filters = (
    <form className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-zinc-200 bg-white p-4" onSubmit={(event) => event.preventDefault()}>
      <label className="text-sm">
        {t('filters.from')}
        <input type="date" className="block rounded-md border px-2 py-1" value={filter.from} max={filter.to} onChange={(e) => e.target.value && setFilter({ ...filter, from: e.target.value })} />
      </label>
      <label className="text-sm">
        {t('filters.to')}
        <input type="date" className="block rounded-md border px-2 py-1" value={filter.to} min={filter.from} onChange={(e) => e.target.value && setFilter({ ...filter, to: e.target.value })} />
      </label>
      <label className="text-sm">
        {t('filters.event')}
        <select className="block max-w-xs rounded-md border px-2 py-1" value={filter.eventId} onChange={(e) => setFilter({ ...filter, eventId: e.target.value })}>
          <option value="">{t('filters.allEvents')}</option>
          {stats.data?.events.map((event) => (
            <option key={event.id} value={event.id}>
              {event.title}
            </option>
          ))}
        </select>
      </label>
      <p className="text-xs text-zinc-600" aria-live="polite">
        {stats.isFetching ? t('refreshing') : t('refreshEvery', { seconds: REFRESH_MS / 1000 })}
      </p>
      <button
        type="button"
        className="ml-auto rounded-md border border-zinc-300 px-3 py-1 text-sm"
        disabled={rebuildMutation.isPending}
        onClick={() => window.confirm(t('rebuild.confirm')) && rebuildMutation.mutate()}
      >
        {rebuildMutation.isPending ? t('rebuild.running') : t('rebuild.button')}
      </button>
      {rebuildMutation.isSuccess && <p className="w-full text-sm text-emerald-800">{t('rebuild.done', { events: rebuildMutation.data.events })}</p>}
      {rebuildMutation.isError && <p className="w-full text-sm text-red-700">{t('rebuild.failed', { error: rebuildMutation.error.message })}</p>}
    </form>
  );

  if (stats.isPending) return (<>{filters}<p className="text-zinc-600">{t('loading')}</p></>);
  if (stats.isError) return (<>{filters}<p className="text-red-700">{t('loadError', { error: stats.error.message })}</p></>);
  const data = stats.data;
  const { totals } = data;
  const bucketLabel = (bucket: string) => (data.granularity === 'hour' ? format.dateTime(bucket, data.timeZone, 'short') : format.dateTime(`${bucket}T12:00:00Z`, 'UTC', 'date'));
  const seatsKey = t('series.seats');
  const revenueKey = t('series.revenue');
  const series = data.series.map((point) => ({ label: bucketLabel(point.bucket), [seatsKey]: point.seatsSold, [revenueKey]: point.netRevenueKrw }));
  const funnel = (['joined', 'admitted', 'held', 'reserved', 'paid', 'checkedIn'] as const).map((stage) => ({ stage: t(`funnel.${stage}`), [t('funnel.count')]: data.funnel[stage] }));
  const shareKey = t('occupancy.share');
  // A percentage, not sold-vs-capacity bars: 2 seats sold of 7,000 would not show as a bar at all.
  const occupancy = data.occupancy.map((row) => ({ grade: row.grade, sold: row.sold, capacity: row.capacity, [shareKey]: row.capacity ? Math.round((row.sold / row.capacity) * 1_000) / 10 : 0 }));
  const occupancyTooltip = (value: unknown, _name: unknown, item: { payload?: { sold: number; capacity: number } }) =>
    t('occupancy.tooltip', { share: String(value), sold: format.number(item.payload?.sold ?? 0), capacity: format.number(item.payload?.capacity ?? 0) });
  const waiting = data.waitingRoom.map((point) => ({ time: format.dateTime(point.at, data.timeZone, 'time'), [t('waiting.depth')]: point.waiting, [t('waiting.admitted')]: point.admitted }));
  const failures = data.failures.map((row) => ({ reason: row.reason, [t('payments.failures')]: row.count }));
  const krwTick = (value: number) => format.number(value);
  const axisLabel = (value: string, side: 'left' | 'right' = 'left') => ({ value, angle: side === 'left' ? -90 : 90, position: side === 'left' ? 'insideLeft' : 'insideRight', style: { fill: '#3f3f46', fontSize: 12 } }) as const;

  return (
    <>
      {filters}
      <p className="mb-3 text-xs text-zinc-600">{t('zoneNote', { zone: data.timeZone })}</p>
      <dl className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Kpi label={t('kpi.sold')} value={t('units.seatsValue', { n: format.number(totals.netSeatsSold) })} testId="kpi-sold" />
        <Kpi label={t('kpi.revenue')} value={format.krw(totals.netRevenueKrw)} testId="kpi-revenue" />
        <Kpi label={t('kpi.bookingFees')} value={format.krw(totals.bookingFeeKrw - totals.bookingFeeRefundedKrw)} testId="kpi-fees" />
        <Kpi label={t('kpi.refunds')} value={t('kpi.refundsValue', { amount: format.krw(totals.refundedKrw), fee: format.krw(totals.refundFeeKrw), n: totals.refunds })} testId="kpi-refunds" />
        <Kpi
          label={t('kpi.successRate')}
          value={totals.paymentSuccessRate === null ? '—' : `${(totals.paymentSuccessRate * 100).toFixed(1)}%`}
          testId="kpi-success"
        />
        <Kpi label={t('kpi.transfers')} value={format.number(totals.transfers)} testId="kpi-transfers" />
        <Kpi label={t('kpi.checkIns')} value={format.number(totals.checkIns)} testId="kpi-checkins" />
        <Kpi label={t('kpi.memberships')} value={format.number(totals.newMemberships)} testId="kpi-memberships" />
      </dl>

      <div className="grid gap-6 xl:grid-cols-2">
        <Figure id="chart-sales" title={t('series.title')} note={t(`series.note.${data.granularity}`)} empty={data.series.every((p) => p.seatsSold === 0 && p.netRevenueKrw === 0)} emptyText={t('series.empty')}>
          <ComposedChart data={series}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" minTickGap={30} tick={{ fontSize: 11 }} />
            <YAxis yAxisId="seats" allowDecimals={false} label={axisLabel(t('units.seats'))} />
            <YAxis yAxisId="krw" orientation="right" width={90} tickFormatter={krwTick} label={axisLabel(t('units.krw'), 'right')} />
            <Tooltip />
            <Legend />
            <Bar yAxisId="seats" dataKey={seatsKey} fill={COLORS.seats} isAnimationActive={false} />
            <Line yAxisId="krw" dataKey={revenueKey} stroke={COLORS.revenue} dot={false} isAnimationActive={false} />
          </ComposedChart>
        </Figure>

        <Figure id="chart-occupancy" title={t('occupancy.title')} note={t('occupancy.note')} empty={data.occupancy.length === 0} emptyText={t('occupancy.empty')}>
          <BarChart data={occupancy}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="grade" />
            <YAxis domain={[0, 100]} label={axisLabel(t('units.percent'))} />
            <Tooltip formatter={occupancyTooltip} />
            <Bar dataKey={shareKey} fill={COLORS.seats} isAnimationActive={false} />
          </BarChart>
        </Figure>

        <Figure id="chart-funnel" title={t('funnel.title')} note={t('funnel.note')} empty={Object.values(data.funnel).every((n) => n === 0)} emptyText={t('funnel.empty')}>
          <BarChart data={funnel} layout="vertical" margin={{ left: 24, bottom: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} label={{ value: t('units.peopleOrSeats'), position: 'insideBottom', offset: -2, style: { fill: '#3f3f46', fontSize: 12 } }} />
            <YAxis type="category" dataKey="stage" width={110} />
            <Tooltip />
            <Bar dataKey={t('funnel.count')} fill={COLORS.seats} isAnimationActive={false} />
          </BarChart>
        </Figure>

        <Figure id="chart-waiting" title={t('waiting.title')} note={t('waiting.note', { waiting: format.number(data.live.waiting), active: format.number(data.live.active) })} empty={data.waitingRoom.length === 0} emptyText={t('waiting.empty')}>
          <LineChart data={waiting}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="time" minTickGap={40} />
            <YAxis yAxisId="people" allowDecimals={false} label={axisLabel(t('units.people'))} />
            <YAxis yAxisId="rate" orientation="right" allowDecimals={false} label={axisLabel(t('units.perMinute'), 'right')} />
            <Tooltip />
            <Legend />
            <Line yAxisId="people" dataKey={t('waiting.depth')} stroke={COLORS.waiting} dot={false} isAnimationActive={false} />
            <Line yAxisId="rate" dataKey={t('waiting.admitted')} stroke={COLORS.admitted} dot={false} isAnimationActive={false} />
          </LineChart>
        </Figure>

        <Figure
          id="chart-payments"
          title={t('payments.title')}
          note={t('payments.note', { settled: format.number(totals.paymentsSettled), failed: format.number(totals.paymentsFailed) })}
          empty={data.failures.length === 0}
          emptyText={totals.paymentsSettled ? t('payments.noFailures') : t('payments.empty')}
        >
          <BarChart data={failures} layout="vertical" margin={{ left: 24, bottom: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} label={{ value: t('units.payments'), position: 'insideBottom', offset: -2, style: { fill: '#3f3f46', fontSize: 12 } }} />
            <YAxis type="category" dataKey="reason" width={160} tick={{ fontSize: 11 }} />
            <Tooltip />
            <Bar dataKey={t('payments.failures')} fill={COLORS.failures} isAnimationActive={false} />
          </BarChart>
        </Figure>

        <section className="rounded-lg border border-zinc-200 bg-white p-4" aria-labelledby="top-events-title" data-testid="top-events">
          <h2 id="top-events-title" className="text-lg font-semibold">
            {t('top.title')}
          </h2>
          {data.topEvents.length === 0 ? (
            <p className="flex h-64 items-center justify-center text-sm text-zinc-600">{t('top.empty')}</p>
          ) : (
            <table className="mt-2 w-full text-sm">
              <thead>
                <tr className="text-left text-zinc-600">
                  <th scope="col">{t('top.event')}</th>
                  <th scope="col" className="text-right">{t('top.seats')}</th>
                  <th scope="col" className="text-right">{t('top.revenue')}</th>
                </tr>
              </thead>
              <tbody>
                {data.topEvents.map((row) => (
                  <tr key={row.eventId} className="border-t border-zinc-100">
                    <td className="py-1">{row.title}</td>
                    <td className="text-right tabular-nums">{format.number(row.seatsSold)}</td>
                    <td className="text-right tabular-nums">{format.krw(row.netRevenueKrw)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </>
  );
}
