// The waiting room through the gateway's own route handlers: a signed-in fan joins, then polls
// the status with nothing but the queue ticket cookie the join set.
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, startTestWeb, type TestWeb } from '../../../test/support/test-web';

let web: TestWeb;
let join: typeof import('./[performanceId]/join/route');
let status: typeof import('./[performanceId]/status/route');
let performanceId: string;
let fan: { id: string };

beforeAll(async () => {
  web = await startTestWeb();
  join = await import('./[performanceId]/join/route');
  status = await import('./[performanceId]/status/route');
  const db = web.database.db;
  fan = await db.user.create({ data: { email: 'queue-fan@example.com', name: 'Fan' } });
  const venue = await db.venue.create({ data: { slug: 'queue-venue', name: 'Venue', city: 'Seoul', address: 'Somewhere' } });
  const hall = await db.hall.create({ data: { venueId: venue.id, name: 'Hall' } });
  const event = await db.event.create({ data: { slug: 'queue-event', title: 'Event', status: 'PUBLISHED' } });
  const day = 86_400_000;
  const performance = await db.performance.create({
    data: {
      eventId: event.id,
      hallId: hall.id,
      status: 'PUBLISHED',
      startsAt: new Date(Date.now() + 30 * day),
      generalSaleOpensAt: new Date(Date.now() - day),
      generalSaleClosesAt: new Date(Date.now() + 29 * day),
      waitingRoom: { create: { mode: 'ON' } },
    },
  });
  performanceId = performance.id;
});
afterAll(async () => {
  await web.stop();
});

describe('waiting-room routes', () => {
  it('answers the status poll from the queue ticket cookie set at join', async () => {
    const browser = new Browser();
    browser.cookies.set('authjs.session-token', await encode({ token: { sub: fan.id, role: 'USER' }, secret: web.authSecret, salt: 'authjs.session-token' }));
    const joined = await browser.call(join.POST, 'POST', `/api/queue/${performanceId}/join`, { params: { performanceId } });
    expect(joined.status).toBe(200);
    expect([...browser.cookies.keys()]).toContain(`os_queue_${performanceId}`);
    browser.cookies.delete('authjs.session-token');
    const polled = await browser.call(status.GET, 'GET', `/api/queue/${performanceId}/status`, { params: { performanceId } });
    expect(await polled.json()).toMatchObject({ state: expect.stringMatching(/^(waiting|admitted)$/) });
  });
});
