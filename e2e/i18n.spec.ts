// The language is the reader's choice and everything follows it: the switcher changes the pages
// and the account's mail, the edge's refusals speak it, and the site brings its own font and icons.
import { expect, test } from '@playwright/test';
import en from '../messages/en.json' with { type: 'json' };
import ko from '../messages/ko.json' with { type: 'json' };
import { mailTo } from './support/stand-ins';

const linkIn = (text: string) => /https?:\/\/\S+/.exec(text)![0];

test('the switcher turns a Korean visitor\'s pages and mail to English, and the confirmation link confirms the address', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ko-KR' });
  const page = await context.newPage();
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const account = { name: `Switcher ${suffix}`, email: `switcher-${suffix}@example.com` };

  await page.goto('/sign-up');
  await page.getByLabel(ko.auth.name).fill(account.name);
  await page.getByLabel(ko.auth.email).fill(account.email);
  await page.getByLabel(ko.auth.password).fill('switch pass 1234');
  await page.getByRole('button', { name: ko.auth.createAccount }).click();
  await expect(page.getByRole('navigation', { name: ko.nav.label }).getByTestId('signed-in-user')).toHaveText(account.name);
  // Signed up in Korean: the confirmation mail is Korean.
  await expect.poll(async () => (await mailTo(account.email)).map((m) => m.subject), { timeout: 15_000 }).toEqual([ko.mail.emailVerification.subject]);

  await page.goto('/me');
  await expect(page.getByTestId('profile-email-status')).toHaveText(`(${ko.me.emailUnverified})`);
  await page.getByTestId('locale-switcher').getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.me.title })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect((await context.cookies()).find((c) => c.name === 'NEXT_LOCALE')?.value).toBe('en');

  // The account remembers the switch: the mail sent from now on is English.
  await page.getByRole('button', { name: en.me.resendVerification }).click();
  await expect(page.getByText(en.me.verificationSent)).toBeVisible();
  await expect.poll(async () => (await mailTo(account.email)).length, { timeout: 15_000 }).toBe(2);
  const english = (await mailTo(account.email)).find((m) => m.subject === en.mail.emailVerification.subject);
  expect(english?.text).not.toMatch(/[\uac00-\ud7af]/);

  await page.goto(linkIn(english!.text));
  await expect(page.getByTestId('email-verification-outcome')).toHaveText(en.me.emailVerifiedNow);
  await expect(page.getByTestId('profile-email-status')).toHaveText(`(${en.me.emailVerified})`);
  await context.close();
});

test('the edge refuses a seat call without an entry token in the caller\'s language, with the same code and reason', async ({ request }) => {
  const path = `/api/performances/${crypto.randomUUID()}/holds`;
  for (const [acceptLanguage, message] of [['ko-KR', ko.errors.reasons.entry_token], ['en-US', en.errors.reasons.entry_token]] as const) {
    const response = await request.post(path, { headers: { 'accept-language': acceptLanguage }, data: { seats: [0] } });
    expect(response.status()).toBe(403);
    expect((await response.json()).error).toMatchObject({ code: 'forbidden', reason: 'entry_token_missing', message });
  }
});

test('the site serves its own Korean font, icons and manifest, and asks no other host for anything', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) foreign.push(request.url());
  });
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    return performance.getEntriesByType('resource').map((r) => r.name).filter((name) => name.endsWith('.woff2'));
  });
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) expect(font.startsWith(origin)).toBe(true);
  expect(await page.evaluate(() => [...document.fonts].some((face) => face.status === 'loaded'))).toBe(true);
  expect(foreign).toEqual([]);

  const manifest = await page.request.get('/manifest.webmanifest');
  expect(manifest.status()).toBe(200);
  const { icons } = (await manifest.json()) as { icons: { src: string }[] };
  expect(icons.length).toBeGreaterThan(0);
  for (const src of ['/favicon.ico', '/apple-touch-icon.png', ...icons.map((icon) => icon.src)]) {
    expect((await page.request.get(src)).status(), src).toBe(200);
  }
});
