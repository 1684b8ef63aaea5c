// Social sign-in through the browser: our sign-in page → the provider's stand-in (started by
// `npm start` because no real client ids are configured) → Auth.js's callback → signed in.
import { expect, test, type Page } from '@playwright/test';
import { signUpNewFan } from './support/sign-up';
import { mailTo } from './support/stand-ins';

/**
 * Auth.js sends the providers back to the PUBLIC_URL `npm start` sets (localhost), and its PKCE
 * cookie must be there: the flow runs on that host, not on Playwright's 127.0.0.1 base URL.
 */
const site = (path: string) => new URL(path, `http://localhost:${process.env.E2E_PORT ?? 3900}`).href;
const header = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

/** Picks the provider on our sign-in page, then answers the stand-in's "who signs in?" page. */
async function signInWith(page: Page, provider: RegExp, user: { id: string; nickname: string; email?: string; verified?: boolean }) {
  await page.goto(site('/sign-in'));
  await page.getByRole('button', { name: provider }).click();
  await expect(page.getByRole('heading', { name: /stand-in: who signs in/ })).toBeVisible();
  await page.getByLabel('Provider user id').fill(user.id);
  await page.getByLabel('Nickname').fill(user.nickname);
  await page.getByLabel(/^Email \(empty/).fill(user.email ?? '');
  if (user.verified) await page.getByLabel('Email verified').check();
  await page.getByRole('button', { name: 'Agree and continue' }).click();
  await expect(header(page).getByTestId('signed-in-user')).toHaveText(user.nickname);
}

test('a Kakao fan who shares no email gets an account without one', async ({ page }) => {
  const nickname = `카카오팬 ${unique()}`;
  await signInWith(page, /Kakao|카카오/, { id: unique(), nickname });
  await page.goto(site('/me'));
  await expect(page.getByTestId('profile-name')).toHaveText(nickname);
  await expect(page.getByTestId('profile-email')).toHaveText('—');
  // Asked only now, when an address is needed (receipts link here).
  const email = `kakao-${unique()}@example.com`;
  await page.locator('#add-email').getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Add email' }).click();
  await expect(page.getByTestId('profile-email')).toHaveText(email);
});

test('a Naver fan signs in', async ({ page }) => {
  const id = `naver-${unique()}`;
  await signInWith(page, /Naver|네이버/, { id, nickname: `네이버팬 ${id}`, email: `${id}@naver.com` });
  await page.goto(site('/me'));
  await expect(page.getByTestId('profile-email')).toHaveText(`${id}@naver.com`);
});

test('Google links to an existing account only once its email is confirmed through the mailed link', async ({ page }) => {
  const fan = await signUpNewFan(page, 'Linker');
  // Signed up on Playwright's base URL, where the session cookie lives.
  await page.goto('/me');
  await expect(page.getByTestId('profile-email-status')).toHaveText('(not confirmed yet)');
  await header(page).getByRole('button', { name: /Sign out|로그아웃/ }).click();
  await expect(header(page).getByTestId('signed-in-user')).toHaveCount(0);
  // Before the link is followed, the same verified Google address does not get in.
  const googleUser = { id: `google-${unique()}`, nickname: fan.name, email: fan.email, verified: true };
  await page.goto(site('/sign-in'));
  await page.getByRole('button', { name: /Google|구글/ }).click();
  await page.getByLabel('Provider user id').fill(googleUser.id);
  await page.getByLabel('Nickname').fill(googleUser.nickname);
  await page.getByLabel(/^Email \(empty/).fill(googleUser.email);
  await page.getByLabel('Email verified').check();
  await page.getByRole('button', { name: 'Agree and continue' }).click();
  await expect(page).toHaveURL(/\/sign-in\?error=email_unverified/);
  await expect(page.getByText(/its email is not confirmed yet/)).toBeVisible();
  // The confirmation mail of the sign-up, in the browser's language (English).
  await expect.poll(async () => (await mailTo(fan.email)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  const [mail] = await mailTo(fan.email);
  expect(mail!.subject).toBe('[OpenSeat] Confirm your email address');
  await page.goto(/https?:\/\/\S+/.exec(mail!.text)![0]);
  // Signed out, my page asks to sign in first; the address is confirmed already.
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fme%3FemailVerification%3Dverified/);
  await expect(header(page).getByTestId('signed-in-user')).toHaveCount(0);
  await signInWith(page, /Google|구글/, googleUser);
  await page.goto(site('/me'));
  await expect(page.getByTestId('profile-email')).toHaveText(fan.email);
  await expect(page.getByTestId('profile-email-status')).toHaveText('(confirmed)');
  await expect(page.getByText('password, google')).toBeVisible();
});
