// A local SMTP server per test file, and a nodemailer mailer pointed at it: mail in tests goes
// over real SMTP and is read back from the stand-in's mailbox.
import { createMailer, type Mailer } from '../../lib/mail/create-mailer';
import { startSmtpStandIn, type SmtpStandIn } from '../../stand-ins/smtp/start-smtp-stand-in';

export type TestSmtp = SmtpStandIn & { mailer: Mailer };

export async function startTestSmtp(): Promise<TestSmtp> {
  const smtp = await startSmtpStandIn();
  const mailer = createMailer({ smtpUrl: smtp.smtpUrl, from: 'OpenSeat <no-reply@openseat.test>' });
  return {
    ...smtp,
    mailer,
    stop: async () => {
      mailer.close();
      await smtp.stop();
    },
  };
}
