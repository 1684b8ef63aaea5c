import { expect, test } from '@playwright/test';
import { openPaymentWindow, reserveTwoSeats } from './support/buy-seats';
import { openDoorScanner } from './support/door-scanner';
import { expectAccessible } from './support/page-checks';
import { signUpNewFan } from './support/sign-up';

// A fan who paid finds the tickets under My tickets, opens one on a phone-sized screen and sees
// its QR code (still there with the network gone); the demo door staff types the code into the
// scanner: valid with seat and name, and a second scan says "already used".
// The booking pays through the stand-in's window on a shared 2-core machine.
test.setTimeout(180_000);

test('a paid ticket shows its QR code, opens offline, and scans valid once, then "already used"', async ({ page, browser }) => {
  const fan = await signUpNewFan(page, 'Holder');
  await reserveTwoSeats(page);
  await openPaymentWindow(page, /card/);
  await page.getByTestId('method-card').check();
  await page.getByTestId('pay').click();
  await expect(page.getByRole('heading', { name: 'Booking confirmed' })).toBeVisible({ timeout: 20_000 });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My tickets' }).click();
  await expect(page).toHaveURL(/\/tickets$/);
  // "Booking confirmed" means CONFIRMED, and the tickets are issued in that same transaction.
  await expect(page.getByTestId('upcoming-tickets').getByTestId('ticket-row')).toHaveCount(2);
  await expect(page.getByTestId('upcoming-tickets').getByTestId('ticket-status').first()).toHaveText('Valid');
  await expectAccessible(page);

  const second = (await page.getByTestId('upcoming-tickets').getByRole('link').nth(1).getAttribute('href'))!;
  await page.getByTestId('upcoming-tickets').getByRole('link').first().click();
  const qr = page.getByRole('img', { name: 'Entry QR code' });
  await expect(qr.locator('svg')).toBeVisible();
  await expect(page.getByTestId('ticket-holder')).toHaveText(fan.name);
  await expect(page.getByTestId('ticket-seat')).toHaveText(/, row \S+, seat \d+$/);
  await expect(page.getByTestId('ticket-gate')).not.toBeEmpty();
  await expectAccessible(page);
  const payload = (await page.getByTestId('ticket-qr').getAttribute('data-payload'))!;
  const performanceId = (await page.getByTestId('ticket').getAttribute('data-performance-id'))!;
  expect(payload).toMatch(/^OS1\./);
  // Transfers are off for the demo events: no transfer link.
  await expect(page.getByTestId('transfer-ticket')).toHaveCount(0);

  // The venue has no reception: the page the fan opened once still opens.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => caches.keys()));
  await expect.poll(() => page.evaluate(async () => Boolean(await caches.match(location.pathname))), { timeout: 10_000 }).toBe(true);
  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByRole('img', { name: 'Entry QR code' }).locator('svg')).toBeVisible();
  await page.context().setOffline(false);
  await page.goto(second);
  const secondPayload = (await page.getByTestId('ticket-qr').getAttribute('data-payload'))!;
  await page.goBack();

  const { context: door, page: staff, scan } = await openDoorScanner(browser, performanceId);
  await scan(payload);
  await expect(staff.getByTestId('scan-result')).toHaveAttribute('data-result', 'VALID');
  await expect(staff.getByTestId('scan-result')).toContainText(fan.name);
  await expect(staff.getByTestId('live-count-total')).toContainText('1 in');
  await expectAccessible(staff);

  await scan(payload);
  await expect(staff.getByTestId('scan-result')).toHaveAttribute('data-result', 'ALREADY_USED');
  await expect(staff.getByTestId('scan-result')).toContainText('Already used');
  await expect(staff.getByTestId('scan-used-detail')).toContainText('device scanner-');

  // Reception drops at the door: the scanner checks against the signed list it downloaded, queues
  // the scan, and syncs it when the network is back.
  await staff.getByRole('button', { name: 'Download ticket list' }).click();
  await expect(staff.getByTestId('offline-pack-state')).toContainText('List of');
  await door.setOffline(true);
  await scan(secondPayload);
  await expect(staff.getByTestId('scan-result')).toHaveAttribute('data-result', 'VALID');
  await expect(staff.getByTestId('scan-result')).toContainText('Checked offline');
  await expect(staff.getByTestId('offline-queue')).toHaveText('1 scan waiting to sync');
  await door.setOffline(false);
  await expect(staff.getByTestId('offline-queue')).toHaveText('0 scans waiting to sync');
  await expect(staff.getByText('1 scan synced, 0 double entries')).toBeVisible();
  await door.close();

  // The fan's ticket now says it was used, and no longer shows a QR code.
  await page.reload();
  await expect(page.getByTestId('ticket-status')).toHaveText('Entered');
  await expect(page.getByTestId('ticket-no-qr')).toBeVisible();
});
