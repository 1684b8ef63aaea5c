// The local SMTP server over real SMTP (nodemailer) and its mailbox over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../lib/mail/create-mailer';
import { startSmtpStandIn, type SmtpStandIn } from './start-smtp-stand-in';

describe('SMTP stand-in', () => {
  let smtp: SmtpStandIn;
  beforeAll(async () => {
    smtp = await startSmtpStandIn({ auth: { user: 'openseat', pass: 'mail-secret' } });
  });
  afterAll(async () => smtp.stop());

  const withLogin = (user: string, pass: string) =>
    createMailer({ smtpUrl: `smtp://${user}:${pass}@${smtp.host}:${smtp.smtpPort}`, from: 'OpenSeat <no-reply@openseat.test>' });

  it('refuses a wrong login and keeps what a logged-in sender delivers, per recipient', async () => {
    const intruder = withLogin('openseat', 'wrong');
    await expect(intruder.send({ to: 'a@example.com', subject: 'x', text: 'x' })).rejects.toThrow(/Invalid username or password/);
    intruder.close();
    const mailer = withLogin('openseat', 'mail-secret');
    await mailer.send({ to: 'Fan@Example.com', subject: '입금 안내', text: '신한은행 562-…', html: '<p>신한은행</p>' });
    await mailer.send({ to: 'other@example.com', subject: '다른 사람', text: '…' });
    mailer.close();
    const mail = await smtp.waitForMail('fan@example.com');
    expect(mail).toMatchObject({ to: ['fan@example.com'], subject: '입금 안내', html: '<p>신한은행</p>', from: '"OpenSeat" <no-reply@openseat.test>' });
    expect(smtp.messages('fan@example.com')).toHaveLength(1);
  });

  it('shows the mailbox as a page and as JSON filtered by recipient', async () => {
    const page = await (await fetch(`${smtp.mailboxUrl}?to=fan@example.com`)).text();
    expect(page).toContain('입금 안내');
    expect(page).not.toContain('다른 사람');
    const json = (await (await fetch(`${smtp.mailboxUrl}mailbox.json?to=other@example.com`)).json()) as Array<{ subject: string; id: string }>;
    expect(json.map((m) => m.subject)).toEqual(['다른 사람']);
    const single = await (await fetch(`${smtp.mailboxUrl}messages/${json[0]!.id}`)).text();
    expect(single).toContain('data-testid="subject">다른 사람<');
  });

  it('gives up waiting for mail that never comes, naming the recipient', async () => {
    await expect(smtp.waitForMail('nobody@example.com', undefined, 50)).rejects.toThrow('no mail to nobody@example.com');
  });
});
