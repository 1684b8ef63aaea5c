import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../lib/demo/seed-demo-data';
import { openDoorScanner } from './support/door-scanner';
import { expectAccessible, watchForErrors } from './support/page-checks';
import { seedTicket } from './support/seed-ticket';
import { signUpNewFan } from './support/sign-up';

// 양도: the admin switches transfers on for the New Year concert (the other demo events keep them
// off, as the ticket spec expects); a fan who holds a ticket of it offers the ticket from its page
// to a second fan by email, who finds it among the offers made to them and accepts it. The ticket
// is then in the second fan's tickets with its QR code, and gone from the first fan's. At the door
// the giver's old code is refused and the friend's new one lets them in once.
test.setTimeout(150_000);

const EVENT = { slug: 'hanbit-new-year-2027', title: /한빛 필하모닉 신년음악회/ };

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ locale: 'en-US' })).newPage();
}

test('a fan gives a ticket to a second fan, who accepts it and finds it in their tickets', async ({ browser }) => {
  const admin = await newPage(browser);
  await admin.goto('/sign-in');
  await admin.getByLabel('Email').fill(DEMO_ACCOUNTS.admin.email);
  await admin.getByLabel('Password').fill(DEMO_ACCOUNTS.admin.password);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await expect(admin).not.toHaveURL(/sign-in/);
  await admin.goto('/admin/catalog');
  const transfersSwitch = admin.getByRole('article', { name: EVENT.title }).getByRole('checkbox', { name: 'Allow ticket transfers' });
  await transfersSwitch.check();
  await expect(transfersSwitch).toBeEnabled();
  await admin.reload();
  await expect(admin.getByRole('article', { name: EVENT.title }).getByRole('checkbox', { name: 'Allow ticket transfers' })).toBeChecked();

  const recipient = await newPage(browser);
  const recipientErrors = watchForErrors(recipient);
  const friend = await signUpNewFan(recipient, 'Friend');

  const holder = await newPage(browser);
  const holderErrors = watchForErrors(holder);
  const fan = await signUpNewFan(holder, 'Giver');
  const { ticketId } = await seedTicket({ ownerEmail: fan.email, eventSlug: EVENT.slug });

  // From My tickets to the ticket, and from there to its transfer page.
  await holder.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My tickets' }).click();
  await holder.getByTestId('ticket-row').filter({ hasText: '한빛 필하모닉' }).getByRole('link').first().click();
  await expect(holder).toHaveURL(new RegExp(`/tickets/${ticketId}$`));
  await holder.getByTestId('transfer-ticket').click();
  await expect(holder.getByRole('heading', { level: 1, name: 'Transfer this ticket' })).toBeVisible();
  await expect(holder.getByTestId('transfer-ticket-facts')).toContainText('한빛 필하모닉');
  await expectAccessible(holder);
  // The code the giver holds before the transfer, to try at the door afterwards.
  await holder.goto(`/tickets/${ticketId}`);
  const giversCode = (await holder.getByTestId('ticket-qr').getAttribute('data-payload'))!;
  const performanceId = (await holder.getByTestId('ticket').getAttribute('data-performance-id'))!;
  await holder.goBack();
  await holder.getByLabel('Recipient’s email').fill(friend.email);
  await holder.getByRole('button', { name: 'Send offer' }).click();
  await expect(holder.getByTestId('open-offer')).toContainText(`Offered to ${friend.email}`);

  await recipient.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Transfers' }).click();
  const offer = recipient.getByTestId('incoming-offer');
  await expect(offer).toHaveCount(1);
  await expect(offer).toContainText(`From ${fan.name}`);
  await expectAccessible(recipient);
  await offer.getByRole('button', { name: 'Accept ticket' }).click();
  await expect(offer.getByRole('status')).toContainText('The ticket is yours.');

  // The ticket is the friend's now, with a QR code, and listed under their tickets.
  await offer.getByTestId('open-received-ticket').click();
  await expect(recipient).toHaveURL(new RegExp(`/tickets/${ticketId}$`));
  await expect(recipient.getByRole('img', { name: 'Entry QR code' }).locator('svg')).toBeVisible();
  await expect(recipient.getByTestId('ticket-holder')).toHaveText(friend.name);
  const friendsCode = (await recipient.getByTestId('ticket-qr').getAttribute('data-payload'))!;
  expect(friendsCode).not.toBe(giversCode);
  await recipient.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My tickets' }).click();
  await expect(recipient.getByTestId('ticket-row').filter({ hasText: '한빛 필하모닉' })).toHaveCount(1);

  // The giver's list no longer has it, and its pages answer 404 to them.
  await holder.goto('/tickets');
  await expect(holder.getByTestId('ticket-row')).toHaveCount(0);
  const gone = await holder.goto(`/tickets/${ticketId}/transfer`);
  expect(gone?.status()).toBe(404);

  // The giver was told in the app, in the language they use the site in.
  await expect
    .poll(async () => {
      await holder.goto('/me/notifications');
      return holder.getByTestId('notification-row').first().textContent();
    }, { timeout: 20_000 })
    .toContain('Your transfer was accepted: 한빛 필하모닉');

  // At the door: the giver's old code is refused as transferred; the friend's new one is valid
  // with the friend's name, once.
  const { page: door, scan } = await openDoorScanner(browser, performanceId);
  await scan(giversCode);
  await expect(door.getByTestId('scan-result')).toHaveAttribute('data-result', 'TRANSFERRED');
  await scan(friendsCode);
  await expect(door.getByTestId('scan-result')).toHaveAttribute('data-result', 'VALID');
  await expect(door.getByTestId('scan-result')).toContainText(friend.name);
  await scan(friendsCode);
  await expect(door.getByTestId('scan-result')).toHaveAttribute('data-result', 'ALREADY_USED');

  expect(recipientErrors()).toEqual([]);
  // The one 404 the giver met on purpose: the page of the ticket they gave away.
  expect(holderErrors().filter((problem) => !problem.includes(`/tickets/${ticketId}/transfer`))).toEqual([]);
});
