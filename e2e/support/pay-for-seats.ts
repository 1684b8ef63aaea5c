// A signed-in fan books two free seats of the indie night and opens the PortOne stand-in's
// window: shared by the payment and ticket specs.
import { expect, type Page } from '@playwright/test';
import { readStandIns } from './stand-ins';

export async function reserveTwoSeats(page: Page): Promise<string> {
  await page.goto('/events/seoul-indie-night-2027');
  await page.getByTestId('performance').first().getByRole('link', { name: /Book seats/ }).click();
  await expect(page.getByRole('heading', { name: /Choose seats/ })).toBeVisible({ timeout: 20_000 });
  // The map is live (hydrated, states loaded) once it shows its summary.
  await expect(page.getByTestId('availability-summary')).toBeVisible();
  // Two free seats, chosen with the keyboard (earlier tests sold the first ones).
  const free = page.locator('rect.seat[aria-disabled="false"][aria-checked="false"]');
  for (let i = 0; i < 2; i++) {
    await free.first().focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('list', { name: 'Chosen seats list' }).getByRole('listitem')).toHaveCount(i + 1);
  }
  await page.getByRole('button', { name: /Hold seats/ }).click();
  await expect(page.getByTestId('held-seats').getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: /Reserve/ }).click();
  await expect(page).toHaveURL(/\/me\/reservations\/[0-9a-f-]{36}$/);
  return /\/me\/reservations\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
}

/** From the reservation page to the stand-in's window with the chosen method. */
export async function openWindow(page: Page, method: RegExp) {
  await page.getByTestId('pay-now').click();
  await expect(page.getByTestId('checkout-total')).toBeVisible();
  await expect(page.getByTestId('cancellation-policy').getByRole('listitem').first()).toBeVisible();
  await page.getByRole('radio', { name: method }).check();
  await page.getByRole('button', { name: /^Pay / }).click();
  await expect(page).toHaveURL(new RegExp(`^${readStandIns().portone.url}/checkout/`));
}
