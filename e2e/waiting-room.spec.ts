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
  const room = rooms.rooms.find((r) => r.eventTitle.includes('AURORA') && Date.parse(r.opensAt) < Date.now());
  expect(room, 'an Aurora performance on sale now').toBeTruthy();
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
  await expect(admin.page.getByTestId('queue-ahead')).toHaveText('1');

  // A refresh keeps the place.
  await admin.page.reload();
  await expect(admin.page.getByTestId('queue-position')).toHaveText('2');

  await settings({ paused: false });
  await fan.page.waitForURL(new RegExp(`/performances/${performanceId}/seats`), { timeout: 20_000 });
  await expect(admin.page.getByTestId('queue-position')).toHaveText('1', { timeout: 20_000 });

  // Capacity 1: the second fan follows once the first gives the slot back.
  expect((await fan.page.request.post(`/api/queue/${performanceId}/leave`)).status()).toBe(200);
  await admin.page.waitForURL(new RegExp(`/performances/${performanceId}/seats`), { timeout: 20_000 });

  await settings({ mode: 'SCHEDULED', admitPerMinute: 600, maxActive: 1000 });
  await fan.context.close();
  await admin.context.close();
});
