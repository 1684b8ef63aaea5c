'use client';
// The admin catalog's create forms (artist, venue, hall, event, performance, event status) and
// the seat-map tools (import CSV/JSON, draw rectangular blocks). Each posts to the admin API
// and refreshes the page; a rejected import lists its bad lines.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent, type ReactNode } from 'react';
import { callAdminApi, type AdminResult } from './call-admin-api';

type Option = { id: string; name: string };
export type CatalogFormOptions = { artists: Option[]; venues: Option[]; halls: Option[]; events: Option[] };

const input = 'mt-0.5 block w-full rounded border border-zinc-300 px-2 py-1 text-sm';
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const optional = (form: FormData, name: string) => text(form, name) || null;
const instant = (form: FormData, name: string) => (text(form, name) ? new Date(text(form, name)).toISOString() : null);

function AdminForm({ title, submit, children }: { title: string; submit: (form: FormData) => Promise<AdminResult>; children: ReactNode }) {
  const router = useRouter();
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
            Done.
          </p>
        )}
        {result && !result.ok && (
          <div role="alert" className="text-sm text-red-700">
            <p>{result.message}</p>
            {result.lines.length > 0 && (
              <ul className="mt-1 max-h-40 list-disc overflow-auto pl-5">
                {result.lines.map((l, i) => (
                  <li key={i}>
                    Line {l.line}: {l.message}
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

const Field = ({ label, name, type = 'text', required = false, placeholder }: { label: string; name: string; type?: string; required?: boolean; placeholder?: string }) => (
  <label className="block text-xs">
    {label}
    <input name={name} type={type} required={required} placeholder={placeholder} className={input} />
  </label>
);
const Select = ({ label, name, options, required = false }: { label: string; name: string; options: Option[]; required?: boolean }) => (
  <label className="block text-xs">
    {label}
    <select name={name} required={required} className={input} defaultValue="">
      <option value="">{required ? 'Choose…' : 'None'}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  </label>
);
const GENRES = ['CONCERT', 'MUSICAL', 'THEATER', 'CLASSIC', 'SPORTS', 'EXHIBITION', 'FAMILY', 'OTHER'];

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
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <AdminForm
        title="Create artist"
        submit={(f) => callAdminApi('POST', '/artists', { slug: text(f, 'slug'), name: text(f, 'name'), genre: text(f, 'genre'), description: optional(f, 'description') })}
      >
        <Field label="Slug" name="slug" required placeholder="aurora-lane" />
        <Field label="Name" name="name" required />
        <label className="block text-xs">
          Genre
          <select name="genre" className={input}>
            {GENRES.map((g) => (
              <option key={g}>{g}</option>
            ))}
          </select>
        </label>
        <Field label="Description" name="description" />
      </AdminForm>

      <AdminForm title="Create venue" submit={(f) => callAdminApi('POST', '/venues', { slug: text(f, 'slug'), name: text(f, 'name'), city: text(f, 'city'), address: text(f, 'address') })}>
        <Field label="Slug" name="slug" required />
        <Field label="Name" name="name" required />
        <Field label="City" name="city" required />
        <Field label="Address" name="address" required />
      </AdminForm>

      <AdminForm title="Create hall" submit={(f) => callAdminApi('POST', '/halls', { venueId: text(f, 'venueId'), name: text(f, 'name') })}>
        <Select label="Venue" name="venueId" options={options.venues} required />
        <Field label="Hall name" name="name" required />
      </AdminForm>

      <AdminForm
        title="Import seat map"
        submit={async (f) => {
          const file = f.get('file');
          const content = file instanceof File && file.size > 0 ? await file.text() : text(f, 'content');
          return callAdminApi('PUT', `/halls/${text(f, 'hallId')}/seat-map`, { format: text(f, 'format'), content });
        }}
      >
        <Select label="Hall" name="hallId" options={options.halls} required />
        <label className="block text-xs">
          Format
          <select name="format" className={input}>
            <option value="csv">CSV (section,row,number,x,y,grade)</option>
            <option value="json">JSON ([{'{'}section,row,number,x,y,grade{'}'}, …])</option>
          </select>
        </label>
        <label className="block text-xs">
          File
          <input name="file" type="file" accept=".csv,.json,text/csv,application/json" className="mt-0.5 block text-sm" />
        </label>
        <label className="block text-xs">
          …or paste the content
          <textarea name="content" rows={4} className={`${input} font-mono`} placeholder={'section,row,number,x,y,grade\n101,A,1,100,120,R'} />
        </label>
      </AdminForm>

      <AdminForm
        title="Draw seat blocks"
        submit={(f) => {
          let blocks: unknown;
          try {
            blocks = JSON.parse(text(f, 'blocks'));
          } catch {
            return Promise.resolve({ ok: false, message: 'Blocks must be JSON', lines: [] });
          }
          return callAdminApi('PUT', `/halls/${text(f, 'hallId')}/seat-blocks`, { blocks });
        }}
      >
        <Select label="Hall" name="hallId" options={options.halls} required />
        <label className="block text-xs">
          Blocks (JSON)
          <textarea
            name="blocks"
            rows={5}
            required
            className={`${input} font-mono`}
            defaultValue={JSON.stringify([{ section: 'A', rows: 10, seatsPerRow: 20, originX: 40, originY: 80, grades: [{ fromRow: 0, grade: 'R' }, { fromRow: 5, grade: 'S' }] }], null, 1)}
          />
        </label>
      </AdminForm>

      <AdminForm
        title="Create event"
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
        <Field label="Slug" name="slug" required />
        <Field label="Title" name="title" required />
        <Select label="Artist" name="artistId" options={options.artists} />
        <label className="block text-xs">
          Genre
          <select name="genre" className={input}>
            {GENRES.map((g) => (
              <option key={g}>{g}</option>
            ))}
          </select>
        </label>
        <Field label="Description" name="description" />
        <label className="block text-xs">
          Status
          <select name="status" className={input}>
            <option>DRAFT</option>
            <option>PUBLISHED</option>
          </select>
        </label>
      </AdminForm>

      <AdminForm
        title="Create performance"
        submit={(f) =>
          callAdminApi('POST', '/performances', {
            eventId: text(f, 'eventId'),
            hallId: text(f, 'hallId'),
            startsAt: instant(f, 'startsAt'),
            presaleOpensAt: instant(f, 'presaleOpensAt'),
            presaleClosesAt: instant(f, 'presaleClosesAt'),
            generalSaleOpensAt: instant(f, 'generalSaleOpensAt'),
            generalSaleClosesAt: instant(f, 'generalSaleClosesAt'),
            maxTicketsPerPerson: Number(text(f, 'maxTicketsPerPerson') || 4),
            prices: parsePrices(text(f, 'prices')),
          })
        }
      >
        <Select label="Event" name="eventId" options={options.events} required />
        <Select label="Hall" name="hallId" options={options.halls} required />
        <Field label="Starts at" name="startsAt" type="datetime-local" required />
        <Field label="Presale opens (optional)" name="presaleOpensAt" type="datetime-local" />
        <Field label="Presale closes (optional)" name="presaleClosesAt" type="datetime-local" />
        <Field label="General sale opens" name="generalSaleOpensAt" type="datetime-local" required />
        <Field label="General sale closes" name="generalSaleClosesAt" type="datetime-local" required />
        <Field label="Max tickets per person" name="maxTicketsPerPerson" type="number" />
        <Field label="Prices (grade=KRW, comma separated)" name="prices" required placeholder="VIP=198000, R=165000, S=143000, A=121000" />
      </AdminForm>
    </div>
  );
}

export function EventStatusButtons({ event }: { event: { id: string; slug: string; title: string; genre: string; description: string; artistId: string | null; status: string } }) {
  const router = useRouter();
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
          Publish event
        </button>
      )}
      {event.status === 'PUBLISHED' && (
        <button type="button" className="underline" onClick={() => setStatus('DRAFT')}>
          Unpublish event
        </button>
      )}
      {error && <span role="alert" className="text-red-700">{error}</span>}
    </span>
  );
}
