// /admin/catalog — events and performances (prices, sale windows, status), and the forms that
// create artists, venues, halls, seat maps, events and performances.
import { connection } from 'next/server';
import { listAdminCatalog } from '../../../lib/catalog/admin/list-admin-catalog';
import { CatalogForms, EventStatusButtons } from '../../../components/admin/catalog-forms';
import { EntityEditor } from '../../../components/admin/entity-editor';
import { PerformanceEditor } from '../../../components/admin/performance-editor';
import { formatDateTime } from '../../../components/format';
import { db } from '../../_server/clients';
import { requireAdminPage } from '../../_server/session';

export const metadata = { title: 'Catalog' };

export default async function AdminCatalogPage() {
  await connection();
  await requireAdminPage('/admin/catalog');
  const { artists, venues, events } = await listAdminCatalog(db());
  const halls = venues.flatMap((v) => v.halls.map((h) => ({ id: h.id, name: `${v.name} · ${h.name} (${h.seatCount}석, v${h.seatMapVersion})` })));
  return (
    <section className="space-y-8">
      <h1 className="text-2xl font-bold">공연 관리 Catalog</h1>
      <div className="space-y-6">
        {events.map((event) => (
          <article key={event.id} className="rounded-lg border border-zinc-200 bg-white p-4" aria-label={event.title}>
            <h2 className="font-semibold">
              {event.title} <span className="text-xs font-normal text-zinc-500">({event.status}, {event.slug})</span>
              <EventStatusButtons
                event={{ id: event.id, slug: event.slug, title: event.title, genre: event.genre, description: event.description, artistId: event.artistId, status: event.status }}
              />
            </h2>
            <div className="mt-3 space-y-3">
              {event.performances.map((p) => (
                <PerformanceEditor
                  key={p.id}
                  performance={{
                    id: p.id,
                    eventId: p.eventId,
                    hallId: p.hallId,
                    hallName: p.hall.name,
                    label: `${event.title} — ${formatDateTime(p.startsAt)}`,
                    status: p.status,
                    startsAt: p.startsAt.toISOString(),
                    presaleOpensAt: p.presaleOpensAt?.toISOString() ?? null,
                    presaleClosesAt: p.presaleClosesAt?.toISOString() ?? null,
                    generalSaleOpensAt: p.generalSaleOpensAt.toISOString(),
                    generalSaleClosesAt: p.generalSaleClosesAt.toISOString(),
                    maxTicketsPerPerson: p.maxTicketsPerPerson,
                    prices: p.prices.map((x) => ({ grade: x.grade, amountKrw: x.amountKrw })),
                  }}
                />
              ))}
              {event.performances.length === 0 && <p className="text-sm text-zinc-500">No performances yet.</p>}
            </div>
          </article>
        ))}
      </div>
      <section className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4">
        <h2 className="font-semibold">Artists, venues and halls</h2>
        <ul className="space-y-2" aria-label="Artists">
          {artists.map((a) => (
            <li key={a.id}>
              <EntityEditor
                kind="artists"
                record={{ id: a.id, slug: a.slug, name: a.name, genre: a.genre, description: a.description, imageUrl: a.imageUrl }}
                fields={[{ name: 'name', label: 'Artist name' }]}
              />
            </li>
          ))}
        </ul>
        <ul className="space-y-3" aria-label="Venues">
          {venues.map((v) => (
            <li key={v.id} className="space-y-1">
              <EntityEditor
                kind="venues"
                record={{ id: v.id, slug: v.slug, name: v.name, city: v.city, address: v.address }}
                fields={[
                  { name: 'name', label: 'Venue name' },
                  { name: 'city', label: 'City' },
                  { name: 'address', label: 'Address' },
                ]}
              />
              <ul className="ml-6 space-y-1">
                {v.halls.map((h) => (
                  <li key={h.id}>
                    <EntityEditor kind="halls" record={{ id: h.id, venueId: v.id, name: h.name }} fields={[{ name: 'name', label: `Hall (${h.seatCount}석, map v${h.seatMapVersion})` }]} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
      <CatalogForms
        options={{
          artists: artists.map((a) => ({ id: a.id, name: a.name })),
          venues: venues.map((v) => ({ id: v.id, name: v.name })),
          halls,
          events: events.map((e) => ({ id: e.id, name: e.title })),
        }}
      />
    </section>
  );
}
