import { expect, test } from '@playwright/test';
import { openPaymentWindow, reserveTwoSeats } from './support/buy-seats';
import { expectAccessible } from './support/page-checks';
import { signUpNewFan } from './support/sign-up';
import { depositVirtualAccount, mailTo, readStandIns } from './support/stand-ins';

// An admitted fan holds seats, reserves them and pays on the PortOne stand-in's window: by card
// (confirmation page, receipt in the mailbox), by a declined card (the retry path), and by
// virtual account (confirmed by the deposit, then cancelled to a named bank account). The indie
// night, as in holds.spec.ts.
// Each test pays through three apps (web, stand-in, mailbox) on a shared 2-core machine.
test.setTimeout(180_000);

test('a fan pays by card on the stand-in window, lands on the confirmation and finds the receipt by email', async ({ page }) => {
  const fan = await signUpNewFan(page, 'Payer');
  const reservationId = await reserveTwoSeats(page);
  await openPaymentWindow(page, /card/);
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
  await openPaymentWindow(page, /card/);
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

test('a virtual account shows its details, the deposit confirms the booking, and a cancel refunds to the account the fan names', async ({ page }) => {
  const fan = await signUpNewFan(page, 'Depositor');
  const reservationId = await reserveTwoSeats(page);
  await openPaymentWindow(page, /Virtual account/);
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

  // Cancelling: the panel asks where the money goes, checks the number before anything is sent.
  const panel = page.getByTestId('cancel-booking');
  await expect(panel.getByTestId('refund-account')).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page);
  page.on('dialog', (dialog) => void dialog.accept());
  await panel.getByLabel('Bank').selectOption('SHINHAN');
  await panel.getByLabel('Account number').fill('12-34');
  await panel.getByLabel('Account holder').fill('Depositor');
  await panel.getByRole('button', { name: /Cancel and refund/ }).click();
  await expect(panel.getByLabel('Account number')).toHaveAttribute('aria-invalid', 'true');
  await expect(panel).toContainText('8 to 16 digits');
  await panel.getByLabel('Account number').fill('110-123-456789');
  await panel.getByRole('button', { name: /Cancel and refund/ }).click();
  // The refund went through: the page reloads with the booking refunded (and the panel gone).
  await expect(page.getByTestId('reservation-status')).toHaveText(/Refunded|환불/, { timeout: 20_000 });
});
