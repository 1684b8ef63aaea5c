import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';

// Issue 7: two fans wait for the same performance; the admin holds the room paused while they
// line up, then admits one at a time (capacity 1). Needs the Accounts branch (sign-in) on main.
const FAN = { email: 'fan@openseat.dev', password: 'Fan!23456' };
const ADMIN = { email: 'admin@openseat.dev', password: 'Admin!2345' };

async function signedIn(browser: Browser, account: { email: string; password: string }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  return { context, page };
}

test('two fans queue in order, the first is admitted to the seat map, the second follows; the seat map needs admission', async ({ browser }) => {
  const admin = await signedIn(browser, ADMIN);
  const rooms = (await (await admin.page.request.get('/api/admin/waiting-room')).json()) as {
    rooms: Array<{ performanceId: string; eventTitle: string; opensAt: string }>;
  };
  // The classical concert: no other spec books it, so its active slots are all free for this one.
  const room = rooms.rooms.find((r) => r.eventTitle.includes('한빛') && Date.parse(r.opensAt) < Date.now());
  expect(room, 'the classical concert, on sale now').toBeTruthy();
  const performanceId = room!.performanceId;
  const settings = (patch: Record<string, unknown>) => admin.page.request.patch(`/api/admin/waiting-room/${performanceId}`, { data: patch });
  expect((await settings({ mode: 'ON', paused: true, admitPerMinute: 60, maxActive: 1 })).status()).toBe(200);

  // Opening the seat map directly without admission lands in the waiting room.
  const fan = await signedIn(browser, FAN);
  await fan.page.goto(`/performances/${performanceId}/seats`);
  await expect(fan.page).toHaveURL(new RegExp(`/queue/${performanceId}`));
  await expect(fan.page.getByTestId('queue-position')).toHaveText('1');

  // The second fan (the admin's account, in its own browser context) lines up behind.
  await admin.page.goto(`/queue/${performanceId}`);
  await expect(admin.page.getByTestId('queue-position')).toHaveText('2');
  await expect(admin.page.getByTestId('queue-ahead')).toHaveAttribute('data-ahead', '1');

  // A refresh keeps the place.
  await admin.page.reload();
  await expect(admin.page.getByTestId('queue-position')).toHaveText('2');

  await settings({ paused: false });
  await fan.page.waitForURL(new RegExp(`/events/[^/]+/performances/${performanceId}/seats$`), { timeout: 20_000 });
  await expect(fan.page.getByRole('heading', { name: /Choose seats/ })).toBeVisible();
  await expect(admin.page.getByTestId('queue-position')).toHaveText('1', { timeout: 20_000 });

  // Capacity 1: the second fan follows once the first gives the slot back.
  expect((await fan.page.request.post(`/api/queue/${performanceId}/leave`)).status()).toBe(200);
  await admin.page.waitForURL(new RegExp(`/events/[^/]+/performances/${performanceId}/seats$`), { timeout: 20_000 });

  await settings({ mode: 'SCHEDULED', admitPerMinute: 600, maxActive: 1000 });
  await fan.context.close();
  await admin.context.close();
});

test('without an entry token the seat map sends a fan to the waiting room and seat APIs answer 403', async ({ page, request }) => {
  const performanceId = '01a209ba-4a7e-7150-bd48-e5018513b0bf';
  const seatMap = `/performances/${performanceId}/seats`;
  const redirect = await request.get(seatMap, { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers()['location']).toContain(`/queue/${performanceId}?returnTo=${encodeURIComponent(seatMap)}`);

  const api = await request.get(`/api/performances/${performanceId}/seats`);
  expect(api.status()).toBe(403);
  expect((await api.json()).error.reason).toBe('entry_token_missing');

  const forged = await request.get(`/api/performances/${performanceId}/seats`, { headers: { 'x-entry-token': 'eyJhbGciOiJIUzI1NiJ9.e30.AAAA' } });
  expect((await forged.json()).error.reason).toBe('entry_token_malformed');

  // The waiting room is rendered per request in the reader's language, and only for a performance that exists.
  const shell = await request.get(`/queue/${performanceId}`);
  expect(shell.status()).toBe(404);

  await page.goto(seatMap);
  await page.waitForURL(new RegExp(`/queue/${performanceId}`));
});
