// PrismaClient over node-postgres (Prisma 7 is engine-less: the query compiler is WebAssembly
// and the driver adapter does the I/O).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

export function createPrisma({ databaseUrl, poolSize = 10 }: { databaseUrl: string; poolSize?: number }) {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize });
  return new PrismaClient({ adapter });
}

export type Db = ReturnType<typeof createPrisma>;
export type { Prisma } from './generated/client';
