// The demo door staff signed in at /staff/scan (English), with the scanner set to one performance.
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../../lib/demo/seed-demo-data';

export type DoorScanner = { context: BrowserContext; page: Page; scan(code: string): Promise<void> };

export async function openDoorScanner(browser: Browser, performanceId: string): Promise<DoorScanner> {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('/sign-in?callbackUrl=%2Fstaff%2Fscan');
  await page.getByLabel('Email').fill(DEMO_ACCOUNTS.staff.email);
  await page.getByLabel('Password').fill(DEMO_ACCOUNTS.staff.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Door check-in' })).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('scan-performance').selectOption(performanceId);
  return {
    context,
    page,
    async scan(code) {
      await page.getByLabel('Ticket code').fill(code);
      await page.getByRole('button', { name: 'Check' }).click();
    },
  };
}
