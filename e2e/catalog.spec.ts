import { expect, test } from '@playwright/test';
import { signUpNewFan } from './support/sign-up';

test('browse → filter → event page → the 5,248-seat map: zoom, and choose a seat with the keyboard', async ({ page }) => {
  // The 5,248-seat map renders in ≈ 45 s of this test's 60 s on a shared 2-core machine: headroom.
  test.setTimeout(120_000);
  // Booking goes through the waiting room, which needs a signed-in fan.
  await signUpNewFan(page, 'Browser');
  await page.goto('/events');
  const cards = page.getByTestId('event-card');
  await expect(cards).toHaveCount(3);

  // Filter by genre: only the classical concert is left.
  await page.getByLabel('Genre').selectOption('CLASSIC');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/genre=CLASSIC/);
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('한빛 필하모닉');

  // Filter by venue and text.
  await page.goto('/events');
  await page.getByLabel('Venue').selectOption({ label: 'KSPO DOME' });
  await page.getByLabel('Search').fill('aurora');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(cards).toHaveCount(1);
  await cards.first().getByRole('link', { name: /AURORA LANE/ }).click();

  // The event page: three performances, each with its sale state and the prices per grade.
  await expect(page.getByRole('heading', { level: 1, name: /AURORA LANE WORLD TOUR/ })).toBeVisible();
  const performances = page.getByTestId('performance');
  await expect(performances).toHaveCount(3);
  await expect(performances.nth(0).getByTestId('sale-phase')).toHaveAttribute('data-phase', 'on_sale');
  await expect(performances.nth(1).getByTestId('sale-phase')).toHaveAttribute('data-phase', 'presale');
  await expect(performances.nth(2).getByTestId('sale-phase')).toHaveAttribute('data-phase', 'before_sale');
  await expect(performances.nth(2).getByTestId('sale-countdown')).toContainText(/\d+ min/);
  await expect(performances.nth(0).getByTestId('price-R')).toContainText('165,000');
  await performances.nth(0).getByRole('link', { name: /Book seats/ }).click();

  // The seat map: every seat of the arena in one SVG, with live availability.
  // The waiting room admits at once while nobody is ahead, then hands over to the seat map.
  await expect(page.getByRole('heading', { name: /Choose seats/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('svg.seat-map rect.seat')).toHaveCount(5_248);
  await expect(page.getByTestId('availability-summary')).toContainText('5,248 available');

  // Zoom in with the toolbar and out with the keyboard's minus key later.
  const viewport = page.getByTestId('seat-map-viewport');
  await expect(viewport).toHaveAttribute('data-zoom', '1.00');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(viewport).toHaveAttribute('data-zoom', '1.50');

  // Keyboard: the map has one tab stop; arrows move between seats; Enter chooses one.
  const first = page.locator('rect.seat[tabindex="0"]');
  await expect(first).toHaveCount(1);
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const focused = page.locator('rect.seat:focus');
  await expect(focused).toHaveAttribute('aria-label', /^.+, row .+, seat \d+, (VIP|R|S|A) grade, ₩[\d,]+, available$/);
  const label = (await focused.getAttribute('aria-label'))!;
  await page.keyboard.press('Enter');
  await expect(focused).toHaveAttribute('aria-checked', 'true');
  const chosen = page.getByRole('list', { name: 'Chosen seats list' }).getByRole('listitem');
  await expect(chosen).toHaveCount(1);
  const price = label.match(/₩(\d{1,3}(?:,\d{3})*)/)![1]!;
  await expect(page.getByTestId('seat-total')).toContainText(price);
  await expect(page.getByRole('button', { name: /Hold seats/ })).toBeEnabled();

  // Space on the same seat un-chooses it.
  await page.keyboard.press(' ');
  await expect(chosen).toHaveCount(0);
});

test('the public catalog API: cursor pages, 400s naming the parameter, compact availability, immutable static map', async ({ request }) => {
  const first = await request.get('/api/events?limit=2');
  expect(first.status()).toBe(200);
  const page1 = (await first.json()) as { events: { slug: string }[]; nextCursor: string | null };
  expect(page1.events).toHaveLength(2);
  const second = (await (await request.get(`/api/events?limit=2&cursor=${page1.nextCursor}`)).json()) as { events: { slug: string }[]; nextCursor: string | null };
  expect(second.events.map((e) => e.slug)).not.toContain(page1.events[0]!.slug);
  expect(second.nextCursor).toBeNull();

  const bad = await request.get('/api/events?genre=JAZZ');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.field).toBe('genre');

  const event = (await (await request.get('/api/events/aurora-lane-seoul-2027')).json()).event as { performances: { id: string }[] };
  const performance = (await (await request.get(`/api/catalog/performances/${event.performances[0]!.id}`)).json()).performance as {
    hall: { id: string; seatMapVersion: number };
  };
  const availability = await request.get(`/api/catalog/performances/${event.performances[0]!.id}/availability`);
  expect(availability.status()).toBe(200);
  expect(availability.headers()['cache-control']).toBe('public, max-age=1');
  expect((await availability.body()).length).toBeLessThan(20_480);
  expect(Buffer.from((await availability.json()).state, 'base64').length).toBe(1_312);

  const map = await request.get(`/api/catalog/halls/${performance.hall.id}/seat-map?v=${performance.hall.seatMapVersion}`);
  expect(map.headers()['cache-control']).toContain('immutable');
  expect((await map.json()).seatCount).toBe(5_248);
});

test('an admin edits a price and the customer page shows the new price', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('admin@openseat.dev');
  await page.getByLabel('Password').fill('Admin!2345');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/sign-in/);

  await page.goto('/admin/catalog');
  const performance = page.getByRole('group', { name: /한빛 필하모닉 신년음악회/ }).first();
  await performance.getByLabel('R price').fill('125000');
  await performance.getByRole('button', { name: 'Save performance' }).click();
  await expect(performance.getByRole('status')).toHaveText('Saved.');

  await page.goto('/events/hanbit-new-year-2027');
  await expect(page.getByTestId('performance').first().getByTestId('price-R')).toContainText('125,000');
});
