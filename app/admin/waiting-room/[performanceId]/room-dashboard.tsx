'use client';
// The admin's live view of one waiting room: counts every 2 s, the queue-depth chart from
// stats.queue_samples, and live controls (each change is audited by the worker API).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RoomOverview } from '../../../../lib/queue/get-room-overview';
import type { RoomSettingsPatch } from '../../../../lib/queue/room-settings';
import { formatZoneLabel } from '../../../../lib/i18n/format-zone-label';
import { useFormat } from '../../../../components/i18n/use-format';

export function RoomDashboard({ performanceId, timeZone }: { performanceId: string; timeZone: string }) {
  const t = useTranslations('admin');
  const format = useFormat();
  const client = useQueryClient();
  const key = ['admin-room', performanceId];
  const overview = useQuery({
    queryKey: key,
    queryFn: async () => {
      const response = await fetch(`/api/admin/waiting-room/${performanceId}`, { cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as RoomOverview;
    },
    refetchInterval: 2_000,
  });
  const update = useMutation({
    mutationFn: async (patch: RoomSettingsPatch) => {
      const response = await fetch(`/api/admin/waiting-room/${performanceId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(patch),
      });
      if (!response.ok) throw new Error(((await response.json()) as { error?: { message?: string } }).error?.message ?? `HTTP ${response.status}`);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
  const [rate, setRate] = useState('');
  const [capacity, setCapacity] = useState('');

  if (overview.isPending) return <p className="text-zinc-600">{t('common.loading')}</p>;
  if (overview.isError) return <p className="text-red-700">{t('room.loadError')}</p>;
  const { settings, live, samples } = overview.data;
  const chart = samples.map((s) => ({ time: format.dateTime(s.at, timeZone, 'time'), [t('room.chartWaiting')]: s.waiting, [t('room.chartActive')]: s.active }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch: RoomSettingsPatch = {};
    if (rate) patch.admitPerMinute = Number(rate);
    if (capacity) patch.maxActive = Number(capacity);
    update.mutate(patch);
  };

  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-bold">{t('room.title')}</h1>
      <p className="text-sm text-zinc-600" data-testid="room-zone">{t.rich('common.zone', { zone: formatZoneLabel(timeZone, new Date(settings.opensAt)), id: (chunks) => <span translate="no">{chunks}</span> })}</p>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4" data-testid="room-counts">
        {[
          [t('room.waiting'), live.waiting],
          [t('room.active'), live.active],
          [t('room.admittedPerMinute'), live.admittedPerMinute],
          [t('room.abandoned'), live.abandoned],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-zinc-200 bg-white p-4">
            <dt className="text-xs uppercase text-zinc-600">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{format.number(Number(value))}</dd>
          </div>
        ))}
      </dl>

      <div className="h-72 rounded-lg border border-zinc-200 bg-white p-4">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={chart}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="time" minTickGap={40} />
            <YAxis />
            <Tooltip />
            <Legend />
            <Line type="monotone" dataKey={t('room.chartWaiting')} stroke="#e11d48" dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey={t('room.chartActive')} stroke="#0f766e" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>

      <div className="flex flex-wrap items-end gap-4 rounded-lg border border-zinc-200 bg-white p-4">
        <p className="text-sm text-zinc-700">
          {t('room.summary', {
            mode: t(`rooms.modes.${settings.mode}`),
            opens: format.dateTime(settings.opensAt, timeZone),
            rate: settings.admitPerMinute,
            capacity: settings.maxActive,
            session: settings.activeSessionSeconds,
            idle: settings.idleTimeoutSeconds,
            measured: live.measuredPerMinute,
          })}
        </p>
        <button
          type="button"
          className="rounded-md bg-zinc-900 px-4 py-2 text-white"
          onClick={() => update.mutate({ paused: !settings.paused })}
          disabled={update.isPending}
        >
          {settings.paused ? t('room.resume') : t('room.pause')}
        </button>
        <select
          className="rounded-md border px-2 py-2"
          value={settings.mode}
          onChange={(event) => update.mutate({ mode: event.target.value as 'SCHEDULED' | 'ON' | 'OFF' })}
          aria-label={t('room.modeLabel')}
        >
          {(['SCHEDULED', 'ON', 'OFF'] as const).map((mode) => (
            <option key={mode} value={mode}>
              {t(`rooms.modes.${mode}`)}
            </option>
          ))}
        </select>
        <form onSubmit={submit} className="flex items-end gap-2">
          <label className="text-sm">
            {t('room.admitPerMinute')}
            <input className="block w-28 rounded-md border px-2 py-1" inputMode="numeric" value={rate} onChange={(e) => setRate(e.target.value)} placeholder={String(settings.admitPerMinute)} />
          </label>
          <label className="text-sm">
            {t('room.maxActive')}
            <input className="block w-28 rounded-md border px-2 py-1" inputMode="numeric" value={capacity} onChange={(e) => setCapacity(e.target.value)} placeholder={String(settings.maxActive)} />
          </label>
          <button type="submit" className="rounded-md bg-rose-700 px-4 py-2 text-white" disabled={update.isPending}>
            {t('room.apply')}
          </button>
        </form>
        {update.isError && <p className="text-sm text-red-700">{update.error.message}</p>}
      </div>
    </section>
  );
}
