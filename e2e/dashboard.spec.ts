import { expect, test } from '@playwright/test';
import ko from '../messages/ko.json' with { type: 'json' };
import type { DashboardStats } from '../lib/stats/get-dashboard-stats';
import { openPaymentWindow, reserveTwoSeats } from './support/buy-seats';
import { expectAccessible } from './support/page-checks';
import { signUpNewFan } from './support/sign-up';

// The organiser watches a sale: the admin keeps the statistics dashboard open (in Korean) while a
// fan books two seats of the indie night and pays by card in another browser; the sold count
// rises on the open page without a reload, and equals what the stats API answers.
test.setTimeout(180_000);

const digits = (text: string | null) => Number((text ?? '').replace(/[^0-9]/g, ''));

test('the admin sees the sold count rise during a sale without reloading the dashboard', async ({ browser }, testInfo) => {
  const admin = await browser.newContext({ locale: 'ko-KR' });
  const page = await admin.newPage();
  await page.goto('/sign-in');
  await page.getByLabel(ko.auth.email).fill('admin@openseat.dev');
  await page.getByLabel(ko.auth.password).fill('Admin!2345');
  await page.getByRole('main').getByRole('button', { name: ko.auth.signIn }).click();
  await expect(page.getByRole('navigation', { name: ko.nav.label }).getByTestId('signed-in-user')).toBeVisible();

  // Reachable from the admin navigation.
  await page.goto('/admin');
  await page.getByRole('navigation', { name: ko.admin.navLabel }).getByRole('link', { name: ko.admin.nav.statistics }).click();
  await expect(page).toHaveURL(/\/admin\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1, name: ko.dashboard.title })).toBeVisible();
  const sold = page.getByTestId('kpi-sold');
  await expect(sold).toHaveText(/\d/);
  const before = digits(await sold.textContent());
  // A marker on the page's window: a reload would drop it.
  await page.evaluate(() => ((window as unknown as { dashboardMarker: string }).dashboardMarker = 'still here'));

  const fan = await browser.newContext();
  const fanPage = await fan.newPage();
  await signUpNewFan(fanPage, 'Watched');
  const reservationId = await reserveTwoSeats(fanPage);
  await openPaymentWindow(fanPage, /card/);
  await fanPage.getByTestId('method-card').check();
  await fanPage.getByTestId('pay').click();
  await expect(fanPage).toHaveURL(new RegExp(`/me/reservations/${reservationId}/payment\\?`));
  await expect(fanPage.getByRole('heading', { name: 'Booking confirmed' })).toBeVisible({ timeout: 20_000 });

  await expect.poll(async () => digits(await sold.textContent()), { timeout: 30_000 }).toBe(before + 2);
  expect(await page.evaluate(() => (window as unknown as { dashboardMarker?: string }).dashboardMarker)).toBe('still here');

  // The page shows what the stats API answers for the same filter.
  const query = new URLSearchParams({ from: await page.getByLabel(ko.dashboard.filters.from).inputValue(), to: await page.getByLabel(ko.dashboard.filters.to).inputValue() });
  const stats = (await (await page.request.get(`/api/admin/stats?${query}`)).json()) as DashboardStats;
  expect(stats.totals.netSeatsSold).toBe(before + 2);
  await expect(page.getByTestId('top-events')).toContainText('Seoul Indie Night');
  await expect(page.getByTestId('chart-sales').locator('svg.recharts-surface').first()).toBeVisible();

  await expectAccessible(page);
  const screenshot = await page.screenshot({ fullPage: true, path: testInfo.outputPath('dashboard.png') });
  await testInfo.attach('dashboard', { body: screenshot, contentType: 'image/png' });

  // A fan is refused the statistics API.
  expect((await fanPage.request.get(`/api/admin/stats?${query}`)).status()).toBe(403);
  await fan.close();
  await admin.close();
});
