// The admin in Korean, as the site speaks by default: every entry of the admin navigation opens
// its page (accessible: axe finds nothing serious), a new fan is found by email and made STAFF,
// the change is in the audit log under the admin's name, and an export downloads as a CSV with a BOM.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectAccessible, watchForErrors } from './support/page-checks';
import { signUpNewFan } from './support/sign-up';

const ko = JSON.parse(readFileSync('messages/ko.json', 'utf8')) as Record<string, Record<string, Record<string, unknown>>>;
const ADMIN = { email: 'admin@openseat.dev', password: 'Admin!2345' };
const lists = ko.adminLists as Record<string, Record<string, string>>;

test('the admin walks the navigation, makes a fan STAFF, finds it in the audit log, and downloads an export', async ({ browser }) => {
  test.setTimeout(180_000);
  // A fan signs up (in English, as the shared helper does) in a browser of their own.
  const fanContext = await browser.newContext();
  const fan = await signUpNewFan(await fanContext.newPage(), 'Promoted');
  await fanContext.close();

  const context = await browser.newContext({ locale: 'ko-KR' });
  const page = await context.newPage();
  const problems = watchForErrors(page);
  await page.goto('/sign-in?callbackUrl=/admin');
  await page.getByLabel('이메일').fill(ADMIN.email);
  await page.getByLabel('비밀번호').fill(ADMIN.password);
  await page.getByRole('button', { name: '로그인', exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/admin');

  // Every entry of the navigation, in order: the link leads to its page, which has a heading and passes axe.
  const nav = page.getByRole('navigation', { name: '관리 메뉴' });
  await expect(nav).toBeVisible();
  const count = await nav.getByRole('link').count();
  expect(count).toBeGreaterThanOrEqual(11);
  for (let i = 0; i < count; i++) {
    const link = nav.getByRole('link').nth(i);
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await expect(page).toHaveURL((url) => url.pathname === href);
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page);
  }

  // The fan, found by email, made STAFF.
  await nav.getByRole('link', { name: lists.nav!.users }).click();
  await page.getByLabel(lists.users!.searchLabel!).fill(fan.email);
  await page.getByRole('button', { name: lists.common!.apply }).click();
  const row = page.getByTestId('admin-user');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-email', fan.email);
  await row.getByLabel(`${fan.email}의 역할`).selectOption('STAFF');
  await row.getByRole('button', { name: lists.users!.saveRole }).click();
  await expect(row.getByRole('status')).toHaveText(lists.users!.saved!);
  await expect(row.getByTestId('user-role')).toHaveText((ko.adminLists!.roles as Record<string, string>).STAFF!);
  await expectAccessible(page);

  // The audit log, by the admin's address: the change, newest first, before and after.
  await nav.getByRole('link', { name: lists.nav!.audit }).click();
  await page.getByLabel(lists.audit!.actor!).fill(ADMIN.email);
  await page.getByRole('button', { name: lists.common!.apply }).click();
  const entry = page.getByTestId('audit-entry').first();
  await expect(entry).toContainText('user.change_role');
  await expect(entry).toContainText(ADMIN.email);
  await expect(entry).toContainText('{"role":"USER"}');
  await expect(entry).toContainText('{"role":"STAFF"}');
  // Its object link narrows the log to that user.
  await entry.getByRole('link').click();
  await expect(page).toHaveURL(/entityType=user&entityId=/);
  await expect(page.getByTestId('audit-entry')).toHaveCount(1);
  await expectAccessible(page);

  // An export of today's payments: a CSV named for its range, starting with the UTF-8 BOM.
  await nav.getByRole('link', { name: lists.nav!.exports }).click();
  await page.getByLabel(lists.exports!.kind!).selectOption('payments');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: lists.exports!.download }).click()]);
  expect(download.suggestedFilename()).toMatch(/^openseat-payments-\d{8}-\d{8}\.csv$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8').slice(1).split('\r\n')[0]).toContain('(Asia/Seoul)');

  expect(problems()).toEqual([]);
  await context.close();
});
