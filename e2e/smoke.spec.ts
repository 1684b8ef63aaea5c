import { expect, test } from '@playwright/test';

test('the home page lists the demo events, served through the gateway', async ({ page, request }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Upcoming events' })).toBeVisible();
  const cards = page.getByTestId('event-card');
  await expect(cards.filter({ hasText: 'AURORA LANE WORLD TOUR' })).toBeVisible();
  await expect(cards).toHaveCount(3);

  const api = await request.get('/api/events');
  expect(api.status()).toBe(200);
  expect(api.headers()['x-request-id']).toBeTruthy();
  expect(api.headers()['x-frame-options']).toBe('DENY');
  const body = (await api.json()) as { events: { slug: string }[] };
  expect(body.events.map((e) => e.slug)).toContain('aurora-lane-seoul-2027');
});

test('bad query parameters get a 400 naming the parameter', async ({ request }) => {
  const response = await request.get('/api/events?limit=abc');
  expect(response.status()).toBe(400);
  expect((await response.json()).error.field).toBe('limit');
});
