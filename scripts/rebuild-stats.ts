// npm run stats:rebuild — recomputes every stats table from stats.event_log in DATABASE_URL (an
// operator's one-off task; admins have the same action on /admin/dashboard). Audited with no actor.
import { z } from 'zod';
import { ConfigError, parseEnv, postgresUrl, withoutEmpty } from '../lib/config/parse-env';
import { createPrisma } from '../lib/db/create-prisma';
import { rebuildStats } from '../lib/stats/rebuild-stats';

try {
  const { DATABASE_URL } = parseEnv(z.object({ DATABASE_URL: postgresUrl }), withoutEmpty(process.env));
  const db = createPrisma({ databaseUrl: DATABASE_URL, poolSize: 1 });
  try {
    const { events } = await rebuildStats(db, { actorId: null });
    console.log(`stats rebuilt from ${events} events`);
  } finally {
    await db.$disconnect();
  }
} catch (error) {
  console.error(`stats:rebuild: ${error instanceof ConfigError ? error.message : (error as Error).message}`);
  process.exit(1);
}
