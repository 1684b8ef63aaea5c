// npm run db:migrate — applies pending migrations to DATABASE_URL (a deploy's one-off task).
import path from 'node:path';
import { z } from 'zod';
import { applyMigrations } from '../lib/db/apply-migrations';
import { ConfigError, parseEnv, postgresUrl, withoutEmpty } from '../lib/config/parse-env';

try {
  const { DATABASE_URL } = parseEnv(z.object({ DATABASE_URL: postgresUrl }), withoutEmpty(process.env));
  const { applied } = await applyMigrations({ databaseUrl: DATABASE_URL, migrationsDir: path.resolve('prisma/migrations') });
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'nothing to apply: the database is up to date');
} catch (error) {
  console.error(`db:migrate: ${error instanceof ConfigError ? error.message : (error as Error).message}`);
  process.exit(1);
}
