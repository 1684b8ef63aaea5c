// A local mail server for the demo and the tests: a real SMTP listener (smtp-server) that keeps
// every message it accepts in memory, and an HTTP mailbox — an HTML page and
// `GET /mailbox.json?to=` — so the app always sends through the real SMTP path.
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { sendHtml, sendJson } from '../http-io';
import { renderMailboxPage, renderMessagePage } from './render-mailbox-page';

export type ReceivedMail = {
  id: string;
  /** Envelope recipients, lower-cased. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html?: string;
  messageId?: string;
  receivedAt: string;
};

export type SmtpStandInOptions = {
  host?: string;
  /** 0 (the default) takes a free port. */
  smtpPort?: number;
  httpPort?: number;
  /** When set, a client must log in with these (AUTH PLAIN/LOGIN); otherwise login is optional. */
  auth?: { user: string; pass: string };
};

export type SmtpStandIn = {
  /** For nodemailer: `smtp://host:port` (credentials added by the caller when `auth` is set). */
  smtpUrl: string;
  host: string;
  smtpPort: number;
  /** The mailbox page; `/mailbox.json?to=` beside it. */
  mailboxUrl: string;
  messages(to?: string): ReceivedMail[];
  /** Resolves with the first message to `to` that matches, waiting up to `timeoutMs`. */
  waitForMail(to: string, match?: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  stop(): Promise<void>;
};

export async function startSmtpStandIn(options: SmtpStandInOptions = {}): Promise<SmtpStandIn> {
  const host = options.host ?? '127.0.0.1';
  const mailbox: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const messages = (to?: string) => (to ? mailbox.filter((m) => m.to.includes(to.toLowerCase())) : [...mailbox]);

  const smtp = new SMTPServer({
    // Loopback only, no certificate: plain SMTP, and login without TLS when asked for.
    disabledCommands: ['STARTTLS'],
    // No resolver offline: a reverse lookup of 127.0.0.1 stalled each connection ~5 s here.
    disableReverseLookup: true,
    allowInsecureAuth: true,
    authOptional: !options.auth,
    logger: false,
    onAuth(auth, _session, callback) {
      if (options.auth && (auth.username !== options.auth.user || auth.password !== options.auth.pass)) {
        callback(new Error('Invalid username or password'));
        return;
      }
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          mailbox.push({
            id: randomUUID(),
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: addressText(parsed.from) || from,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : undefined,
            messageId: parsed.messageId,
            receivedAt: new Date().toISOString(),
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort ?? 0, host, () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const http = createHttpServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://mailbox');
    const to = url.searchParams.get('to') ?? undefined;
    const single = /^\/messages\/([^/]+)$/.exec(url.pathname);
    if (url.pathname === '/mailbox.json') sendJson(response, 200, messages(to));
    else if (url.pathname === '/') sendHtml(response, 200, renderMailboxPage(messages(to).reverse(), to));
    else if (single && mailbox.some((m) => m.id === single[1])) sendHtml(response, 200, renderMessagePage(mailbox.find((m) => m.id === single[1])!));
    else sendJson(response, 404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => http.listen(options.httpPort ?? 0, host, resolve));
  const httpPort = (http.address() as AddressInfo).port;

  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    host,
    smtpPort,
    mailboxUrl: `http://${host}:${httpPort}/`,
    messages,
    waitForMail: (to, match = () => true, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = messages(to).find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no mail to ${to} within ${timeoutMs} ms (mailbox has ${messages(to).length} for them)`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      }),
    stop: async () => {
      http.closeAllConnections();
      await Promise.all([new Promise<void>((resolve) => smtp.close(() => resolve())), new Promise<void>((resolve) => http.close(() => resolve()))]);
    },
  };
}

function addressText(address: AddressObject | AddressObject[] | undefined): string {
  if (!address) return '';
  return (Array.isArray(address) ? address : [address]).map((a) => a.text).join(', ');
}
