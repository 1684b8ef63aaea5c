// A fresh customer per test, signed in: demo accounts are shared with other specs, and a
// fan admitted in one spec would already hold a slot in another spec's waiting room.
import { expect, type Page } from '@playwright/test';

export async function signUpNewFan(page: Page, label: string): Promise<{ name: string; email: string }> {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const account = { name: `${label} ${suffix}`, email: `${label.toLowerCase()}-${suffix}@example.com` };
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill('e2e pass 1234');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByTestId('signed-in-user')).toHaveText(account.name);
  return account;
}
