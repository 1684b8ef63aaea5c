'use client';
// One performance in the admin catalog: prices per grade, sale windows, per-person limit, and
// publish / unpublish / cancel. Saving replaces the prices and writes the audit log.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { callAdminApi } from './call-admin-api';

export type EditablePerformance = {
  id: string;
  eventId: string;
  hallId: string;
  hallName: string;
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

/** ISO → the value a datetime-local input shows (the browser's local time). */
export const toLocalInput = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: FormDataEntryValue | null) => (value ? new Date(String(value)).toISOString() : null);

const input = 'mt-0.5 block w-full rounded border border-zinc-300 px-2 py-1 text-sm';

export function PerformanceEditor({ performance }: { performance: EditablePerformance }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await callAdminApi('PATCH', `/performances/${performance.id}`, {
      eventId: performance.eventId,
      hallId: performance.hallId,
      startsAt: fromLocalInput(form.get('startsAt')),
      presaleOpensAt: fromLocalInput(form.get('presaleOpensAt')),
      presaleClosesAt: fromLocalInput(form.get('presaleClosesAt')),
      generalSaleOpensAt: fromLocalInput(form.get('generalSaleOpensAt')),
      generalSaleClosesAt: fromLocalInput(form.get('generalSaleClosesAt')),
      maxTicketsPerPerson: Number(form.get('maxTicketsPerPerson')),
      prices: performance.prices.map((p) => ({ grade: p.grade, amountKrw: Number(form.get(`price-${p.grade}`)) })),
    });
    setBusy(false);
    setMessage(result.ok ? { ok: true, text: 'Saved' } : { ok: false, text: result.message });
    if (result.ok) router.refresh();
  }

  async function changeStatus(action: 'publish' | 'unpublish' | 'cancel') {
    if (action === 'cancel' && !window.confirm('Cancel this performance? It cannot be reopened.')) return;
    setBusy(true);
    const result = await callAdminApi('POST', `/performances/${performance.id}/status`, { action });
    setBusy(false);
    setMessage(result.ok ? { ok: true, text: `Status: ${action}` } : { ok: false, text: result.message });
    if (result.ok) router.refresh();
  }

  return (
    <form onSubmit={save} className="rounded border border-zinc-200 p-3">
      <fieldset disabled={busy}>
        <legend className="font-medium">
          {performance.label} <span className="text-xs text-zinc-500">({performance.status}, {performance.hallName})</span>
        </legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          <label className="text-xs">
            Starts at
            <input name="startsAt" type="datetime-local" defaultValue={toLocalInput(performance.startsAt)} className={input} required />
          </label>
          <label className="text-xs">
            Presale opens
            <input name="presaleOpensAt" type="datetime-local" defaultValue={toLocalInput(performance.presaleOpensAt)} className={input} />
          </label>
          <label className="text-xs">
            Presale closes
            <input name="presaleClosesAt" type="datetime-local" defaultValue={toLocalInput(performance.presaleClosesAt)} className={input} />
          </label>
          <label className="text-xs">
            General sale opens
            <input name="generalSaleOpensAt" type="datetime-local" defaultValue={toLocalInput(performance.generalSaleOpensAt)} className={input} required />
          </label>
          <label className="text-xs">
            General sale closes
            <input name="generalSaleClosesAt" type="datetime-local" defaultValue={toLocalInput(performance.generalSaleClosesAt)} className={input} required />
          </label>
          <label className="text-xs">
            Max tickets per person
            <input name="maxTicketsPerPerson" type="number" min={1} max={20} defaultValue={performance.maxTicketsPerPerson} className={input} required />
          </label>
          {performance.prices.map((p) => (
            <label key={p.grade} className="text-xs">
              {p.grade} price
              <input name={`price-${p.grade}`} type="number" min={0} step={1000} defaultValue={p.amountKrw} className={input} required />
            </label>
          ))}
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <button type="submit" className="rounded bg-zinc-900 px-3 py-1 text-sm text-white">
            Save performance
          </button>
          {performance.status !== 'PUBLISHED' && performance.status !== 'CANCELLED' && (
            <button type="button" onClick={() => changeStatus('publish')} className="rounded border px-3 py-1 text-sm">
              Publish
            </button>
          )}
          {performance.status === 'PUBLISHED' && (
            <button type="button" onClick={() => changeStatus('unpublish')} className="rounded border px-3 py-1 text-sm">
              Unpublish
            </button>
          )}
          {performance.status !== 'CANCELLED' && (
            <button type="button" onClick={() => changeStatus('cancel')} className="rounded border border-red-300 px-3 py-1 text-sm text-red-700">
              Cancel performance
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
