// One database pool and one Redis client per Next server process (kept on globalThis so dev
// hot reloads do not open a new pool on every edit).
import 'server-only';
import { createPrisma, type Db } from '../../lib/db/create-prisma';
import { createMailer, type Mailer } from '../../lib/mail/create-mailer';
import { createRedis, type Redis } from '../../lib/redis/create-redis';
import { webConfig } from './config';

const cache = globalThis as unknown as { __openseatDb?: Db; __openseatRedis?: Redis; __openseatMailer?: Mailer };

export function db(): Db {
  cache.__openseatDb ??= createPrisma({ databaseUrl: webConfig().DATABASE_URL });
  return cache.__openseatDb;
}

export function redis(): Redis {
  cache.__openseatRedis ??= createRedis({ url: webConfig().REDIS_URL, connectionName: 'web' });
  return cache.__openseatRedis;
}

/** The SMTP mailer, or undefined when SMTP_URL is not set. */
export function mailer(): Mailer | undefined {
  const { SMTP_URL, MAIL_FROM } = webConfig();
  if (!SMTP_URL) return undefined;
  cache.__openseatMailer ??= createMailer({ smtpUrl: SMTP_URL, from: MAIL_FROM });
  return cache.__openseatMailer;
}
