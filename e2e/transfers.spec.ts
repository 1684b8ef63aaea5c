import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, watchForErrors } from './support/page-checks';
import { seedTicket } from './support/seed-ticket';
import { signUpNewFan } from './support/sign-up';

// 양도: the admin switches transfers on for the New Year concert; a fan who holds a ticket offers
// it to a second fan by email, who finds it among the offers made to them and accepts it. The
// ticket is then the second fan's, and no longer the first's.
test.setTimeout(150_000);

const EVENT = { slug: 'hanbit-new-year-2027', title: /한빛 필하모닉 신년음악회/ };

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ locale: 'en-US' })).newPage();
}

test('a fan gives a ticket to a second fan, who accepts it', async ({ browser }) => {
  const admin = await newPage(browser);
  await admin.goto('/sign-in');
  await admin.getByLabel('Email').fill('admin@openseat.dev');
  await admin.getByLabel('Password').fill('Admin!2345');
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await expect(admin).not.toHaveURL(/sign-in/);
  await admin.goto('/admin/catalog');
  const event = admin.getByRole('article', { name: EVENT.title });
  const transfersSwitch = event.getByRole('checkbox', { name: 'Allow ticket transfers' });
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

  await holder.goto(`/tickets/${ticketId}/transfer`);
  await expect(holder.getByRole('heading', { level: 1, name: 'Transfer this ticket' })).toBeVisible();
  await expect(holder.getByTestId('transfer-ticket')).toContainText('한빛 필하모닉');
  await expectAccessible(holder);
  await holder.getByLabel('Recipient’s email').fill(friend.email);
  await holder.getByRole('button', { name: 'Send offer' }).click();
  await expect(holder.getByTestId('open-offer')).toContainText(`Offered to ${friend.email}`);

  await recipient.goto('/transfers');
  const offer = recipient.getByTestId('incoming-offer');
  await expect(offer).toHaveCount(1);
  await expect(offer).toContainText(`From ${fan.name}`);
  await expectAccessible(recipient);
  await offer.getByRole('button', { name: 'Accept ticket' }).click();
  await expect(offer.getByRole('status')).toContainText('The ticket is yours.');

  // The ticket is the friend's now: their transfer page opens it, the giver's answers 404.
  await recipient.goto(`/tickets/${ticketId}/transfer`);
  await expect(recipient.getByTestId('transfer-ticket')).toContainText('한빛 필하모닉');
  await expect(recipient.getByText('This ticket has been transferred once.')).toBeVisible();
  const gone = await holder.goto(`/tickets/${ticketId}/transfer`);
  expect(gone?.status()).toBe(404);

  // The giver was told in the app.
  await expect
    .poll(async () => {
      await holder.goto('/me/notifications');
      return holder.getByTestId('notification-row').first().textContent();
    }, { timeout: 20_000 })
    .toContain('양도가 수락되었습니다');

  expect(recipientErrors()).toEqual([]);
  // The one 404 the giver met on purpose: the page of the ticket they gave away.
  expect(holderErrors().filter((problem) => !problem.includes(`/tickets/${ticketId}/transfer`))).toEqual([]);
});
