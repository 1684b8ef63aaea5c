import { expect, test } from '@playwright/test';

const header = (page: import('@playwright/test').Page) => page.getByRole('navigation', { name: 'Main' });

test('a new customer signs up, signs out, signs back in and sees their name in the header; the admin area refuses them', async ({ page }) => {
  const suffix = Date.now().toString(36);
  const name = `테스트 Tester ${suffix}`;
  const email = `tester-${suffix}@example.com`;
  const password = 'e2e pass 1234';

  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(header(page).getByTestId('signed-in-user')).toHaveText(name);

  await header(page).getByRole('button', { name: /Sign out/ }).click();
  await expect(header(page).getByRole('link', { name: /Sign in/ })).toBeVisible();
  await expect(header(page).getByTestId('signed-in-user')).toHaveCount(0);

  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('wrong password 1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Email or password is incorrect.');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(header(page).getByTestId('signed-in-user')).toHaveText(name);

  await page.goto('/me');
  await expect(page.getByTestId('profile-name')).toHaveText(name);

  await page.goto('/admin');
  await expect(page).toHaveURL(/\/forbidden$/);
  await expect(page.getByText('This area is for administrators only.')).toBeVisible();
  expect((await page.request.get('/api/reservations/0190d8e4-0000-7000-8000-000000000000')).status()).toBe(404);
});

test('the demo admin signs in and reaches the admin area', async ({ page }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin$/);
  await page.getByLabel('Email').fill('admin@openseat.dev');
  await page.getByLabel('Password').fill('Admin!2345');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 1, name: /Admin/ })).toBeVisible();
  await expect(header(page).getByTestId('signed-in-user')).toHaveText('관리자 Admin');
  await expect(header(page).getByRole('link', { name: /Admin/ }).first()).toBeVisible();
});
