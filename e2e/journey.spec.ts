// The main journey — sign up, event, waiting room, seat map, hold, reserve — once in Korean at
// desktop width and once in English on a 360 px phone, with the browser's clock in Los Angeles:
// every page speaks only its language, shows times on the venue's clock (Seoul), passes axe and
// logs no error. Then the admin pages, and a 19:00 typed in the admin editor that stays 19:00.
import { expect, test, type Browser, type Page } from '@playwright/test';
import en from '../messages/en.json' with { type: 'json' };
import ko from '../messages/ko.json' with { type: 'json' };
import { formatDateTime } from '../lib/i18n/format-date-time';
import { collectDataWords, expectAccessible, expectNoSidewaysScroll, expectOneLanguage, watchForErrors } from './support/page-checks';
import { mailTo } from './support/stand-ins';

// The indie night's second show: the holds spec books the first, the waiting-room spec owns the
// classical concert's slots, and 300 seats keep axe quick.
const EVENT = 'seoul-indie-night-2027';
const SHOW = 1;
const VENUE_ZONE = 'Asia/Seoul';
const catalogs = { ko, en };

const runs = [
  { locale: 'ko', acceptLanguage: 'ko-KR', viewport: { width: 1280, height: 900 }, mobile: false },
  { locale: 'en', acceptLanguage: 'en-US', viewport: { width: 360, height: 780 }, mobile: true },
] as const;

async function newContext(browser: Browser, run: (typeof runs)[number]) {
  return browser.newContext({
    locale: run.acceptLanguage,
    timezoneId: 'America/Los_Angeles',
    viewport: run.viewport,
    isMobile: run.mobile,
    hasTouch: run.mobile,
  });
}

async function checkPage(page: Page, run: (typeof runs)[number], dataWords: Set<string>, screenshot?: string) {
  await page.waitForLoadState('networkidle');
  await expectOneLanguage(page, run.locale, dataWords);
  await expectAccessible(page);
  if (run.mobile) await expectNoSidewaysScroll(page);
  if (screenshot) await page.screenshot({ path: `test-results/screenshots/${screenshot}-${run.locale}.png`, fullPage: true });
}

for (const run of runs) {
  test(`the main journey in ${run.locale}${run.mobile ? ' on a 360 px phone' : ''}: one language, venue times, axe clean, no console errors`, async ({ browser }) => {
    test.setTimeout(420_000);
    const t = catalogs[run.locale];
    const context = await newContext(browser, run);
    const page = await context.newPage();
    const problems = watchForErrors(page);

    const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const account = { name: `Journey ${suffix}`, email: `journey-${run.locale}-${suffix}@example.com` };
    const dataWords = await collectDataWords(page, [account.name, account.email]);

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: t.home.title })).toBeVisible();
    await checkPage(page, run, dataWords, 'home');

    await page.goto('/sign-up');
    await expect(page.getByRole('heading', { level: 1, name: t.auth.signUpTitle })).toBeVisible();
    await checkPage(page, run, dataWords);
    await page.getByLabel(t.auth.name).fill(account.name);
    await page.getByLabel(t.auth.email).fill(account.email);
    await page.getByLabel(t.auth.password).fill('journey pass 1234');
    await page.getByRole('button', { name: t.auth.createAccount }).click();
    await expect(page.getByRole('navigation', { name: t.nav.label }).getByTestId('signed-in-user')).toHaveText(account.name);

    // The event page: each performance at its Seoul wall-clock time, though the browser is in Los Angeles.
    const event = (await (await page.request.get(`/api/events/${EVENT}`)).json()).event as { performances: { id: string; startsAt: string }[] };
    const performance = event.performances[SHOW]!;
    const showTime = formatDateTime(performance.startsAt, run.locale, VENUE_ZONE);
    await page.goto(`/events/${EVENT}`);
    await expect(page.getByTestId('performance').nth(SHOW).getByRole('heading', { level: 3 })).toHaveText(showTime);
    await checkPage(page, run, dataWords);

    // The waiting room, held on a place in line for one poll so it can be read and checked, at a
    // moment when every seat is taken (they come back as unpaid holds run out).
    let holdInLine = true;
    await page.route('**/api/queue/*/status', async (route) => {
      if (!holdInLine) return route.continue();
      await route.fulfill({
        json: { state: 'waiting', position: 3, ahead: 2, waiting: 5, etaSeconds: 90, admitPerMinute: 120, paused: false, opensAt: Date.parse(performance.startsAt) - 86_400_000, allTaken: true, pollAfterMs: 2_000 },
      });
    });
    await page.getByTestId('performance').nth(SHOW).getByRole('link', { name: t.event.book }).click();
    await expect(page.getByTestId('queue-position')).toHaveText('3');
    await expect(page.getByTestId('queue-all-taken')).toHaveText(t.queue.allTaken);
    await expect(page.getByTestId('queue-live')).toHaveAttribute('aria-live', 'polite');
    await expect(page.getByRole('heading', { level: 1, name: t.queue.title })).toBeVisible();
    await expectOneLanguage(page, run.locale, dataWords);
    await expectAccessible(page);
    if (run.mobile) await expectNoSidewaysScroll(page);
    holdInLine = false;

    // Admitted at once (nobody is really ahead): the seat map, time on the venue clock.
    await expect(page.getByRole('heading', { level: 1, name: t.seatMap.title })).toBeVisible({ timeout: 30_000 });
    await page.unroute('**/api/queue/*/status');
    await expect(page.getByTestId('performance-time')).toHaveText(showTime);
    await expect(page.getByTestId('availability-summary')).toBeVisible();
    await checkPage(page, run, dataWords, 'seat-map');

    // Keyboard: one tab stop, arrows move, Enter chooses; then hold and reserve.
    await page.locator('rect.seat[tabindex="0"]').focus();
    // Each run its own seat: the Korean run takes the second, the English run the fourth.
    for (let i = 0; i < (run.locale === 'ko' ? 1 : 3); i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('list', { name: t.seatMap.chosenList }).getByRole('listitem')).toHaveCount(1);
    await page.getByRole('button', { name: t.hold.holdSeats, exact: true }).click();
    await expect(page.getByTestId('held-seats').getByRole('listitem')).toHaveCount(1);
    await expectOneLanguage(page, run.locale, dataWords);
    await page.getByRole('button', { name: t.hold.reserve, exact: true }).click();
    await expect(page).toHaveURL(/\/me\/reservations\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('reservation-status')).toHaveText(t.reservations.status.PENDING);
    await checkPage(page, run, dataWords);
    await page.getByTestId('pay-now').click();
    await expect(page.getByRole('heading', { level: 1, name: t.payments.checkoutTitle })).toBeVisible();
    await expect(page.getByText(t.payments.methodsTitle)).toBeVisible();
    await checkPage(page, run, dataWords, 'checkout');

    await page.goto('/me/reservations');
    await expect(page.getByTestId('reservation-row')).toHaveCount(1);
    await checkPage(page, run, dataWords);

    // My page and my notices, and the mail the sign-up sent: all in the run's language.
    await page.goto('/me');
    await expect(page.getByTestId('profile-email-status')).toHaveText(`(${t.me.emailUnverified})`);
    await checkPage(page, run, dataWords);
    await page.goto('/me/notifications');
    await expect(page.getByRole('heading', { level: 1, name: t.me.notifications.title })).toBeVisible();
    await checkPage(page, run, dataWords);
    await expect.poll(async () => (await mailTo(account.email)).map((m) => m.subject), { timeout: 15_000 }).toEqual([t.mail.emailVerification.subject]);

    expect(problems()).toEqual([]);
    await context.close();
  });
}

test('admin pages speak one language, pass axe, and a 19:00 typed for a Seoul show reads back 19:00 and is stored as 10:00Z', async ({ browser }) => {
  test.setTimeout(420_000);
  const run = runs[0];
  const t = catalogs.ko;
  const context = await newContext(browser, run);
  const page = await context.newPage();
  const problems = watchForErrors(page);
  const dataWords = await collectDataWords(page, ['관리자 Admin']);

  await page.goto('/sign-in');
  await page.getByLabel(t.auth.email).fill('admin@openseat.dev');
  await page.getByLabel(t.auth.password).fill('Admin!2345');
  await page.getByRole('main').getByRole('button', { name: t.auth.signIn }).click();
  await expect(page.getByRole('navigation', { name: t.nav.label }).getByTestId('signed-in-user')).toBeVisible();

  for (const path of ['/admin', '/admin/catalog', '/admin/waiting-room', '/admin/outbox']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await checkPage(page, run, dataWords);
  }

  const event = (await (await page.request.get(`/api/events/${EVENT}`)).json()).event as { performances: { id: string; startsAt: string }[] };
  const performance = event.performances[SHOW]!;
  await page.goto('/admin/catalog');
  const editor = page.locator(`[data-testid="performance-editor"][data-performance-id="${performance.id}"]`);
  await expect(editor.getByTestId('performance-zone')).toHaveText('시간대: Asia/Seoul (UTC+09:00)');
  const startsAt = editor.getByLabel(t.admin.catalog.performance.startsAt);
  // Shown on the venue clock, not the browser's (Los Angeles): the seeded show starts at 19:00 in Seoul.
  const shown = await startsAt.inputValue();
  expect(shown).toMatch(/T19:00$/);
  const nextDay = new Date(Date.parse(`${shown.slice(0, 10)}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  await startsAt.fill(`${nextDay}T19:00`);
  await editor.getByRole('button', { name: t.admin.catalog.performance.save }).click();
  await expect(editor.getByRole('status')).toHaveText(t.admin.common.saved);

  await page.reload();
  await expect(editor.getByLabel(t.admin.catalog.performance.startsAt)).toHaveValue(`${nextDay}T19:00`);
  await expect
    .poll(async () => ((await (await page.request.get(`/api/events/${EVENT}`)).json()).event as { performances: { id: string; startsAt: string }[] }).performances.find((p) => p.id === performance.id)!.startsAt)
    .toBe(`${nextDay}T10:00:00.000Z`);

  expect(problems()).toEqual([]);
  await context.close();
});
