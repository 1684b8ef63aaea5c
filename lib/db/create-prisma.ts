// PrismaClient over node-postgres (Prisma 7 is engine-less: the query compiler is WebAssembly
// and the driver adapter does the I/O). The pool is ours and shared: the few hot paths whose
// cost is per statement (a group-committed batch) run plain SQL on it through `poolOf`, skipping
// the query compiler; everything else goes through Prisma. $disconnect ends the pool.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client';

const pools = new WeakMap<object, pg.Pool>();

export function createPrisma({ databaseUrl, poolSize = 10 }: { databaseUrl: string; poolSize?: number }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

export type Db = ReturnType<typeof createPrisma>;
export type { Prisma } from './generated/client';

/** The node-postgres pool under `db` (the same connections Prisma uses). */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('poolOf: this client was not made by createPrisma');
  return pool;
}
