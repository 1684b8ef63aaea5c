// What every role gets: one config, one logger, one database pool, one Redis client, one metrics
// registry, and one mailer when an SMTP server is configured.
import type { Registry } from 'prom-client';
import type { Db } from '../../lib/db/create-prisma';
import type { Mailer } from '../../lib/mail/create-mailer';
import type { Logger } from '../../lib/logging/create-logger';
import type { Redis } from '../../lib/redis/create-redis';
import type { WorkerConfig } from '../config';

export type WorkerContext = {
  config: WorkerConfig;
  logger: Logger;
  db: Db;
  redis: Redis;
  metrics: Registry;
  /** Absent when no SMTP server is configured: notices stay in-app. */
  mailer?: Mailer;
};

/** A started role; stop() finishes in-flight work before it resolves. */
export type RoleHandle = { stop(): Promise<void> };
export type Role = (ctx: WorkerContext) => Promise<RoleHandle>;
