// /admin/catalog — events and performances (prices, sale windows, status), and the forms that
// create artists, venues, halls, seat maps, events and performances.
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { listAdminCatalog } from '../../../lib/catalog/admin/list-admin-catalog';
import { CatalogForms, EventStatusButtons } from '../../../components/admin/catalog-forms';
import { EntityEditor } from '../../../components/admin/entity-editor';
import { EventTransfersSwitch } from '../../../components/admin/event-transfers-switch';
import { PerformanceEditor } from '../../../components/admin/performance-editor';
import { db } from '../../_server/clients';
import { getFormat } from '../../_server/get-format';
import { requireAdminPage } from '../../_server/session';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.catalog'))('title') };
}

export default async function AdminCatalogPage() {
  await connection();
  await requireAdminPage('/admin/catalog');
  const [{ artists, venues, events }, t, tStatus, format] = await Promise.all([listAdminCatalog(db()), getTranslations('admin.catalog'), getTranslations('admin.status'), getFormat()]);
  const halls = venues.flatMap((v) =>
    v.halls.map((h) => ({ id: h.id, timeZone: v.timeZone, name: t('hallOption', { venue: v.name, hall: h.name, seats: format.number(h.seatCount), version: h.seatMapVersion }) })),
  );
  return (
    <section className="space-y-8">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <div className="space-y-6">
        {events.map((event) => (
          <article key={event.id} className="rounded-lg border border-zinc-200 bg-white p-4" aria-label={event.title}>
            <h2 className="font-semibold">
              {event.title} <span className="text-xs font-normal text-zinc-600">({tStatus(event.status)}, {event.slug})</span>
              <EventStatusButtons
                event={{ id: event.id, slug: event.slug, title: event.title, genre: event.genre, description: event.description, artistId: event.artistId, status: event.status }}
              />
            </h2>
            <EventTransfersSwitch
              event={{ id: event.id, slug: event.slug, title: event.title, genre: event.genre, description: event.description, artistId: event.artistId, status: event.status, transfersEnabled: event.transfersEnabled }}
            />
            <div className="mt-3 space-y-3">
              {event.performances.map((p) => (
                <PerformanceEditor
                  key={p.id}
                  performance={{
                    id: p.id,
                    eventId: p.eventId,
                    hallId: p.hallId,
                    hallName: p.hall.name,
                    timeZone: p.hall.venue.timeZone,
                    label: `${event.title} — ${format.dateTime(p.startsAt, p.hall.venue.timeZone)}`,
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
              {event.performances.length === 0 && <p className="text-sm text-zinc-600">{t('noPerformances')}</p>}
            </div>
          </article>
        ))}
      </div>
      <section className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4">
        <h2 className="font-semibold">{t('entities')}</h2>
        <ul className="space-y-2" aria-label={t('artists')}>
          {artists.map((a) => (
            <li key={a.id}>
              <EntityEditor
                kind="artists"
                record={{ id: a.id, slug: a.slug, name: a.name, genre: a.genre, description: a.description, imageUrl: a.imageUrl }}
                fields={[{ name: 'name', label: t('artistName') }]}
              />
            </li>
          ))}
        </ul>
        <ul className="space-y-3" aria-label={t('venues')}>
          {venues.map((v) => (
            <li key={v.id} className="space-y-1">
              <EntityEditor
                kind="venues"
                record={{ id: v.id, slug: v.slug, name: v.name, city: v.city, address: v.address, timeZone: v.timeZone }}
                fields={[
                  { name: 'name', label: t('venueName') },
                  { name: 'city', label: t('city') },
                  { name: 'address', label: t('address') },
                  { name: 'timeZone', label: t('timeZone') },
                ]}
              />
              <ul className="ml-6 space-y-1">
                {v.halls.map((h) => (
                  <li key={h.id}>
                    <EntityEditor kind="halls" record={{ id: h.id, venueId: v.id, name: h.name }} fields={[{ name: 'name', label: t('hallField', { seats: format.number(h.seatCount), version: h.seatMapVersion }) }]} />
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
