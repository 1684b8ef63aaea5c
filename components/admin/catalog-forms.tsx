'use client';
// The admin catalog's create forms (artist, venue, hall, event, performance, event status) and
// the seat-map tools (import CSV/JSON, draw rectangular blocks). Each posts to the admin API
// and refreshes the page; a rejected import lists its bad lines.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent, type ReactNode } from 'react';
import { GENRES } from '../../lib/catalog/genres';
import { callAdminApi, type AdminResult } from './call-admin-api';
import { fromZonedInput } from './zoned-time';

type Option = { id: string; name: string };
export type CatalogFormOptions = { artists: Option[]; venues: Option[]; halls: (Option & { timeZone: string })[]; events: Option[] };

const input = 'mt-0.5 block w-full rounded border border-zinc-300 px-2 py-1 text-sm';
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const optional = (form: FormData, name: string) => text(form, name) || null;

function AdminForm({ title, submit, children }: { title: string; submit: (form: FormData) => Promise<AdminResult>; children: ReactNode }) {
  const router = useRouter();
  const t = useTranslations('admin.common');
  const [result, setResult] = useState<AdminResult | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    setBusy(true);
    const outcome = await submit(new FormData(formElement)).catch((e: unknown): AdminResult => ({ ok: false, message: String(e), lines: [] }));
    setBusy(false);
    setResult(outcome);
    if (outcome.ok) {
      formElement.reset();
      router.refresh();
    }
  }
  return (
    <form onSubmit={onSubmit} className="rounded-lg border border-zinc-200 bg-white p-4" aria-label={title}>
      <fieldset disabled={busy} className="space-y-2">
        <legend className="font-semibold">{title}</legend>
        {children}
        <button type="submit" className="rounded bg-zinc-900 px-3 py-1 text-sm text-white">
          {title}
        </button>
        {result?.ok && (
          <p role="status" className="text-sm text-emerald-700">
            {t('done')}
          </p>
        )}
        {result && !result.ok && (
          <div role="alert" className="text-sm text-red-700">
            <p>{result.message}</p>
            {result.lines.length > 0 && (
              <ul className="mt-1 max-h-40 list-disc overflow-auto pl-5">
                {result.lines.map((l, i) => (
                  <li key={i}>
                    {t('line', { line: l.line, message: l.message })}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </fieldset>
    </form>
  );
}

const Field = ({ label, name, type = 'text', required = false, placeholder, defaultValue }: { label: string; name: string; type?: string; required?: boolean; placeholder?: string; defaultValue?: string }) => (
  <label className="block text-xs">
    {label}
    {/* Placeholders are examples of identifiers (slugs, zones, grade=price), not prose. */}
    <input name={name} type={type} required={required} placeholder={placeholder} defaultValue={defaultValue} className={input} translate="no" />
  </label>
);
function Select({ label, name, options, required = false }: { label: string; name: string; options: Option[]; required?: boolean }) {
  const t = useTranslations('admin.common');
  return (
  <label className="block text-xs">
    {label}
    <select name={name} required={required} className={input} defaultValue="">
      <option value="">{required ? t('choose') : t('none')}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  </label>
  );
}

/** "VIP=198000, R=165000" → [{grade, amountKrw}] */
const parsePrices = (value: string) =>
  value
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [grade, amount] = part.split('=').map((s) => s.trim());
      return { grade: grade ?? '', amountKrw: Number(amount) };
    });

export function CatalogForms({ options }: { options: CatalogFormOptions }) {
  const t = useTranslations('admin.catalog.forms');
  const tGenre = useTranslations('events.genres');
  const tStatus = useTranslations('admin.status');
  const tPerf = useTranslations('admin.catalog.performance');
  const zoneOf = (hallId: string) => options.halls.find((h) => h.id === hallId)?.timeZone ?? 'Asia/Seoul';
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <AdminForm
        title={t('createArtist')}
        submit={(f) => callAdminApi('POST', '/artists', { slug: text(f, 'slug'), name: text(f, 'name'), genre: text(f, 'genre'), description: optional(f, 'description') })}
      >
        <Field label={t('slug')} name="slug" required placeholder="aurora-lane" />
        <Field label={t('name')} name="name" required />
        <label className="block text-xs">
          {t('genre')}
          <select name="genre" className={input}>
            {GENRES.map((g) => (
              <option key={g} value={g}>
                {tGenre(g)}
              </option>
            ))}
          </select>
        </label>
        <Field label={t('description')} name="description" />
      </AdminForm>

      <AdminForm
        title={t('createVenue')}
        submit={(f) => callAdminApi('POST', '/venues', { slug: text(f, 'slug'), name: text(f, 'name'), city: text(f, 'city'), address: text(f, 'address'), timeZone: text(f, 'timeZone') })}
      >
        <Field label={t('slug')} name="slug" required />
        <Field label={t('name')} name="name" required />
        <Field label={t('city')} name="city" required />
        <Field label={t('address')} name="address" required />
        <Field label={t('timeZone')} name="timeZone" required placeholder="Asia/Seoul" defaultValue="Asia/Seoul" />
      </AdminForm>

      <AdminForm title={t('createHall')} submit={(f) => callAdminApi('POST', '/halls', { venueId: text(f, 'venueId'), name: text(f, 'name') })}>
        <Select label={t('venue')} name="venueId" options={options.venues} required />
        <Field label={t('hallName')} name="name" required />
      </AdminForm>

      <AdminForm
        title={t('importSeatMap')}
        submit={async (f) => {
          const file = f.get('file');
          const content = file instanceof File && file.size > 0 ? await file.text() : text(f, 'content');
          return callAdminApi('PUT', `/halls/${text(f, 'hallId')}/seat-map`, { format: text(f, 'format'), content });
        }}
      >
        <Select label={t('hall')} name="hallId" options={options.halls} required />
        <label className="block text-xs">
          {t('format')}
          <select name="format" className={input}>
            <option value="csv" translate="no">
              CSV (section,row,number,x,y,grade)
            </option>
            <option value="json" translate="no">
              JSON ([{'{'}section,row,number,x,y,grade{'}'}, …])
            </option>
          </select>
        </label>
        <label className="block text-xs">
          {t('file')}
          <input name="file" type="file" accept=".csv,.json,text/csv,application/json" className="mt-0.5 block text-sm" />
        </label>
        <label className="block text-xs">
          {t('paste')}
          <textarea translate="no" name="content" rows={4} className={`${input} font-mono`} placeholder={'section,row,number,x,y,grade\n101,A,1,100,120,R'} />
        </label>
      </AdminForm>

      <AdminForm
        title={t('drawBlocks')}
        submit={(f) => {
          let blocks: unknown;
          try {
            blocks = JSON.parse(text(f, 'blocks'));
          } catch {
            return Promise.resolve({ ok: false, message: t('blocksInvalid'), lines: [] });
          }
          return callAdminApi('PUT', `/halls/${text(f, 'hallId')}/seat-blocks`, { blocks });
        }}
      >
        <Select label={t('hall')} name="hallId" options={options.halls} required />
        <label className="block text-xs">
          {t('blocks')}
          <textarea
            name="blocks"
            translate="no"
            rows={5}
            required
            className={`${input} font-mono`}
            defaultValue={JSON.stringify([{ section: 'A', rows: 10, seatsPerRow: 20, originX: 40, originY: 80, grades: [{ fromRow: 0, grade: 'R' }, { fromRow: 5, grade: 'S' }] }], null, 1)}
          />
        </label>
      </AdminForm>

      <AdminForm
        title={t('createEvent')}
        submit={(f) =>
          callAdminApi('POST', '/events', {
            slug: text(f, 'slug'),
            title: text(f, 'title'),
            artistId: optional(f, 'artistId'),
            genre: text(f, 'genre'),
            description: text(f, 'description'),
            status: text(f, 'status'),
          })
        }
      >
        <Field label={t('slug')} name="slug" required />
        <Field label={t('title')} name="title" required />
        <Select label={t('artist')} name="artistId" options={options.artists} />
        <label className="block text-xs">
          {t('genre')}
          <select name="genre" className={input}>
            {GENRES.map((g) => (
              <option key={g} value={g}>
                {tGenre(g)}
              </option>
            ))}
          </select>
        </label>
        <Field label={t('description')} name="description" />
        <label className="block text-xs">
          {t('status')}
          <select name="status" className={input}>
            <option value="DRAFT">{tStatus('DRAFT')}</option>
            <option value="PUBLISHED">{tStatus('PUBLISHED')}</option>
          </select>
        </label>
      </AdminForm>

      <AdminForm
        title={t('createPerformance')}
        submit={(f) =>
          callAdminApi('POST', '/performances', {
            eventId: text(f, 'eventId'),
            hallId: text(f, 'hallId'),
            ...Object.fromEntries(
              ['startsAt', 'presaleOpensAt', 'presaleClosesAt', 'generalSaleOpensAt', 'generalSaleClosesAt'].map((name) => [name, fromZonedInput(f.get(name), zoneOf(text(f, 'hallId')))]),
            ),
            maxTicketsPerPerson: Number(text(f, 'maxTicketsPerPerson') || 4),
            prices: parsePrices(text(f, 'prices')),
          })
        }
      >
        <Select label={t('event')} name="eventId" options={options.events} required />
        <Select label={t('hall')} name="hallId" options={options.halls} required />
        <p className="text-xs text-zinc-600">{t('zoneHint')}</p>
        <Field label={tPerf('startsAt')} name="startsAt" type="datetime-local" required />
        <Field label={t('presaleOpensOptional')} name="presaleOpensAt" type="datetime-local" />
        <Field label={t('presaleClosesOptional')} name="presaleClosesAt" type="datetime-local" />
        <Field label={tPerf('generalOpens')} name="generalSaleOpensAt" type="datetime-local" required />
        <Field label={tPerf('generalCloses')} name="generalSaleClosesAt" type="datetime-local" required />
        <Field label={tPerf('maxTickets')} name="maxTicketsPerPerson" type="number" />
        <Field label={t('prices')} name="prices" required placeholder="VIP=198000, R=165000, S=143000, A=121000" />
      </AdminForm>
    </div>
  );
}

export function EventStatusButtons({ event }: { event: { id: string; slug: string; title: string; genre: string; description: string; artistId: string | null; status: string } }) {
  const router = useRouter();
  const t = useTranslations('admin.catalog');
  const [error, setError] = useState<string | null>(null);
  const setStatus = async (status: 'DRAFT' | 'PUBLISHED' | 'CANCELLED') => {
    const result = await callAdminApi('PATCH', `/events/${event.id}`, { ...event, status });
    setError(result.ok ? null : result.message);
    if (result.ok) router.refresh();
  };
  return (
    <span className="ml-2 inline-flex gap-2 text-xs">
      {event.status !== 'PUBLISHED' && (
        <button type="button" className="underline" onClick={() => setStatus('PUBLISHED')}>
          {t('publishEvent')}
        </button>
      )}
      {event.status === 'PUBLISHED' && (
        <button type="button" className="underline" onClick={() => setStatus('DRAFT')}>
          {t('unpublishEvent')}
        </button>
      )}
      {error && <span role="alert" className="text-red-700">{error}</span>}
    </span>
  );
}
