import { expect, test, type Page } from '@playwright/test';
import { signUpNewFan } from './support/sign-up';
import { depositVirtualAccount, mailTo, readStandIns } from './support/stand-ins';

// An admitted fan holds seats, reserves them and pays on the PortOne stand-in's window: by card
// (confirmation page, receipt in the mailbox), by a declined card (the retry path), and by
// virtual account (confirmed by the deposit). The indie night, as in holds.spec.ts.
// Each test pays through three apps (web, stand-in, mailbox) on a shared 2-core machine.
test.setTimeout(180_000);

async function reserveTwoSeats(page: Page): Promise<string> {
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
async function openWindow(page: Page, method: RegExp) {
  await page.getByTestId('pay-now').click();
  await expect(page.getByTestId('checkout-total')).toBeVisible();
  await expect(page.getByTestId('cancellation-policy').getByRole('listitem').first()).toBeVisible();
  await page.getByRole('radio', { name: method }).check();
  await page.getByRole('button', { name: /^Pay / }).click();
  await expect(page).toHaveURL(new RegExp(`^${readStandIns().portone.url}/checkout/`));
}

test('a fan pays by card on the stand-in window, lands on the confirmation and finds the receipt by email', async ({ page }) => {
  const fan = await signUpNewFan(page, 'Payer');
  const reservationId = await reserveTwoSeats(page);
  await openWindow(page, /card/);
  await page.getByTestId('method-card').check();
  await page.getByTestId('pay').click();
  await expect(page).toHaveURL(new RegExp(`/me/reservations/${reservationId}/payment\\?`));
  await expect(page.getByTestId('payment-outcome')).toHaveAttribute('data-outcome', 'paid');
  await expect(page.getByRole('heading', { name: 'Booking confirmed' })).toBeVisible({ timeout: 20_000 });
  await expect.poll(async () => (await mailTo(fan.email)).map((m) => m.subject).join('\n'), { timeout: 20_000 }).toContain('Booking confirmed');
  await page.goto(readStandIns().mailbox.url);
  await expect(page.getByTestId('mail').filter({ hasText: fan.email }).first()).toContainText('Booking confirmed');
});

test('a declined card shows why and the way back to pay again, and the retry goes through', async ({ page }) => {
  await signUpNewFan(page, 'Declined');
  const reservationId = await reserveTwoSeats(page);
  await openWindow(page, /card/);
  await page.getByTestId('decline').click();
  await expect(page.getByTestId('payment-outcome')).toHaveAttribute('data-outcome', 'failed');
  await expect(page.getByTestId('payment-outcome')).toContainText('declined');
  await page.getByTestId('retry-payment').click();
  await expect(page).toHaveURL(new RegExp(`/me/reservations/${reservationId}/checkout$`));
  await page.getByRole('radio', { name: /KakaoPay/ }).check();
  await page.getByRole('button', { name: /^Pay / }).click();
  await page.getByTestId('method-kakaopay').check();
  await page.getByTestId('pay').click();
  await expect(page.getByRole('heading', { name: 'Booking confirmed' })).toBeVisible({ timeout: 20_000 });
});

test('a virtual account shows its details and the deposit confirms the booking', async ({ page }) => {
  const fan = await signUpNewFan(page, 'Depositor');
  const reservationId = await reserveTwoSeats(page);
  await openWindow(page, /Virtual account/);
  await page.getByTestId('method-virtual_account').check();
  await page.getByTestId('pay').click();
  await expect(page.getByTestId('payment-outcome')).toHaveAttribute('data-outcome', 'virtual_account_issued');
  await expect(page.getByTestId('virtual-account')).toBeVisible();
  const paymentId = new URL(page.url()).searchParams.get('paymentId')!;
  await expect.poll(async () => (await mailTo(fan.email)).map((m) => m.subject).join('\n'), { timeout: 20_000 }).toContain('Virtual account details');
  await depositVirtualAccount(paymentId);
  await expect
    .poll(async () => {
      await page.goto(`/me/reservations/${reservationId}`);
      return page.getByTestId('reservation-status').textContent();
    }, { timeout: 30_000 })
    .toMatch(/Confirmed|예매 완료/);
});
