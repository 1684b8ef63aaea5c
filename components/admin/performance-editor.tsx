'use client';
// One performance in the admin catalog: prices per grade, sale windows, per-person limit, and
// publish / unpublish / cancel. Saving replaces the prices and writes the audit log. Every time
// is typed and shown on the venue's clock, with its zone next to the fields.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { formatZoneLabel } from '../../lib/i18n/format-zone-label';
import { callAdminApi } from './call-admin-api';
import { fromZonedInput, toZonedInput } from './zoned-time';

export type EditablePerformance = {
  id: string;
  eventId: string;
  hallId: string;
  hallName: string;
  timeZone: string;
  label: string;
  status: 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
  startsAt: string;
  presaleOpensAt: string | null;
  presaleClosesAt: string | null;
  generalSaleOpensAt: string;
  generalSaleClosesAt: string;
  maxTicketsPerPerson: number;
  prices: { grade: string; amountKrw: number }[];
};

const input = 'mt-0.5 block w-full rounded border border-zinc-300 px-2 py-1 text-sm';
const TIME_FIELDS = [
  ['startsAt', 'startsAt', true],
  ['presaleOpensAt', 'presaleOpens', false],
  ['presaleClosesAt', 'presaleCloses', false],
  ['generalSaleOpensAt', 'generalOpens', true],
  ['generalSaleClosesAt', 'generalCloses', true],
] as const;

export function PerformanceEditor({ performance }: { performance: EditablePerformance }) {
  const router = useRouter();
  const t = useTranslations('admin');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const zone = performance.timeZone;
  const zoneId = `zone-${performance.id}`;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await callAdminApi('PATCH', `/performances/${performance.id}`, {
      eventId: performance.eventId,
      hallId: performance.hallId,
      ...Object.fromEntries(TIME_FIELDS.map(([name]) => [name, fromZonedInput(form.get(name), zone)])),
      maxTicketsPerPerson: Number(form.get('maxTicketsPerPerson')),
      prices: performance.prices.map((p) => ({ grade: p.grade, amountKrw: Number(form.get(`price-${p.grade}`)) })),
    });
    setBusy(false);
    setMessage(result.ok ? { ok: true, text: t('common.saved') } : { ok: false, text: result.message });
    if (result.ok) router.refresh();
  }

  async function changeStatus(action: 'publish' | 'unpublish' | 'cancel') {
    if (action === 'cancel' && !window.confirm(t('catalog.performance.cancelConfirm'))) return;
    setBusy(true);
    const result = await callAdminApi('POST', `/performances/${performance.id}/status`, { action });
    setBusy(false);
    setMessage(result.ok ? { ok: true, text: t('catalog.performance.statusChanged', { status: t(`catalog.performance.${action}`) }) } : { ok: false, text: result.message });
    if (result.ok) router.refresh();
  }

  return (
    <form onSubmit={save} className="rounded border border-zinc-200 p-3" data-testid="performance-editor" data-performance-id={performance.id}>
      <fieldset disabled={busy}>
        <legend className="font-medium">
          {performance.label}{' '}
          <span className="text-xs text-zinc-600">
            ({t(`status.${performance.status}`)}, {performance.hallName})
          </span>
        </legend>
        <p id={zoneId} className="mt-1 text-xs text-zinc-600" data-testid="performance-zone">
          {t.rich('common.zone', { zone: formatZoneLabel(zone, new Date(performance.startsAt)) , id: (chunks) => <span translate="no">{chunks}</span> })}
        </p>
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          {TIME_FIELDS.map(([name, label, required]) => (
            <label key={name} className="text-xs">
              {t(`catalog.performance.${label}`)}
              <input name={name} type="datetime-local" defaultValue={toZonedInput(performance[name], zone)} className={input} required={required} aria-describedby={zoneId} />
            </label>
          ))}
          <label className="text-xs">
            {t('catalog.performance.maxTickets')}
            <input name="maxTicketsPerPerson" type="number" min={1} max={20} defaultValue={performance.maxTicketsPerPerson} className={input} required />
          </label>
          {performance.prices.map((p) => (
            <label key={p.grade} className="text-xs">
              {t('catalog.performance.price', { grade: p.grade })}
              <input name={`price-${p.grade}`} type="number" min={0} step={1000} defaultValue={p.amountKrw} className={input} required />
            </label>
          ))}
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <button type="submit" className="rounded bg-zinc-900 px-3 py-1 text-sm text-white">
            {t('catalog.performance.save')}
          </button>
          {performance.status !== 'PUBLISHED' && performance.status !== 'CANCELLED' && (
            <button type="button" onClick={() => changeStatus('publish')} className="rounded border px-3 py-1 text-sm">
              {t('catalog.performance.publish')}
            </button>
          )}
          {performance.status === 'PUBLISHED' && (
            <button type="button" onClick={() => changeStatus('unpublish')} className="rounded border px-3 py-1 text-sm">
              {t('catalog.performance.unpublish')}
            </button>
          )}
          {performance.status !== 'CANCELLED' && (
            <button type="button" onClick={() => changeStatus('cancel')} className="rounded border border-red-300 px-3 py-1 text-sm text-red-700">
              {t('catalog.performance.cancel')}
            </button>
          )}
          {message && (
            <span role={message.ok ? 'status' : 'alert'} className={`text-sm ${message.ok ? 'text-emerald-700' : 'text-red-700'}`}>
              {message.text}
            </span>
          )}
        </div>
      </fieldset>
    </form>
  );
}
