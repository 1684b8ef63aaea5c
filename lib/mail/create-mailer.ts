// Email goes out over SMTP through nodemailer: one pooled transport per process, built from the
// process config (SMTP_URL, MAIL_FROM). In the demo and the tests the server is the local SMTP
// stand-in, so the same SMTP path runs everywhere.
import nodemailer from 'nodemailer';

export type MailMessage = { to: string; subject: string; text: string; html?: string };

export type Mailer = {
  send(message: MailMessage): Promise<{ messageId: string }>;
  close(): void;
};

export type MailerConfig = {
  /** `smtp://user:pass@host:port` (or `smtps://` for implicit TLS). */
  smtpUrl: string;
  /** The From header, e.g. `OpenSeat <no-reply@openseat.kr>`. */
  from: string;
};

export function createMailer(config: MailerConfig): Mailer {
  const transport = nodemailer.createTransport(config.smtpUrl, { from: config.from });
  return {
    send: async (message) => {
      const info = await transport.sendMail(message);
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
