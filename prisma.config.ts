// Prisma CLI config. Only `prisma generate` runs here: migrate needs Prisma's native schema
// engine, which cannot be downloaded on our machines, so migrations are applied by
// lib/db/apply-migrations.ts instead (see prisma/README.md).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
