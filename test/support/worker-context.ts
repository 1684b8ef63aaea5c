// A WorkerContext over a test file's own database and Redis prefix, for driving the worker API
// in-process with Fastify's inject (no port) or on a real port.
import { createLogger } from '../../lib/logging/create-logger';
import type { Mailer } from '../../lib/mail/create-mailer';
import { createRedis, type Redis } from '../../lib/redis/create-redis';
import { loadWorkerConfig } from '../../workers/config';
import type { WorkerContext } from '../../workers/runtime/context';
import { createMetricsRegistry } from '../../workers/runtime/metrics';
import type { TestDatabase } from './test-database';
import { TEST_PORTONE_SETTINGS, TEST_SECRETS } from './test-secrets';

export const TEST_INTERNAL_TOKEN = TEST_SECRETS.INTERNAL_API_TOKEN;

export function createTestWorkerContext(options: {
  database: TestDatabase;
  redisUrl: string;
  redis?: Redis;
  env?: Record<string, string>;
  /** Usually `startTestSmtp().mailer`; without one, notices stay in-app. */
  mailer?: Mailer;
}): WorkerContext {
  const config = loadWorkerConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: options.database.url,
    REDIS_URL: options.redisUrl,
    INTERNAL_API_TOKEN: TEST_SECRETS.INTERNAL_API_TOKEN,
    ENTRY_TOKEN_SECRET: TEST_SECRETS.ENTRY_TOKEN_SECRET,
    TICKET_SIGNING_KEY: TEST_SECRETS.TICKET_SIGNING_KEY,
    PORTONE_API_SECRET: TEST_SECRETS.PORTONE_API_SECRET,
    PORTONE_WEBHOOK_SECRETS: TEST_SECRETS.PORTONE_WEBHOOK_SECRETS,
    ...TEST_PORTONE_SETTINGS,
    WORKER_PORT: '0',
    ...options.env,
  });
  return {
    config,
    logger: createLogger({ name: 'test', level: 'silent' }),
    db: options.database.db,
    redis: options.redis ?? createRedis({ url: options.redisUrl }),
    metrics: createMetricsRegistry({ service: 'test' }),
    mailer: options.mailer,
  };
}

export const internalHeaders = (extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${TEST_INTERNAL_TOKEN}`,
  ...extra,
});
