// Recognises a unique violation by its SQLSTATE (23505) and the constraint it hit, never by the
// message text, whichever way it reached us: node-postgres raises the server's error as is (the
// plain-SQL hot paths on `poolOf`), Prisma wraps it as P2002 (P2010 for raw queries) with the
// driver adapter's cause in `meta.driverAdapterError`.
type PgError = { code?: unknown; constraint?: unknown };
type AdapterCause = { originalCode?: unknown; constraint?: { index?: unknown } };

const UNIQUE_VIOLATION = '23505';

/** True when `error` is a unique violation of `constraint` (an index or constraint name). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const pg = error as PgError;
  if (pg.code === UNIQUE_VIOLATION) return pg.constraint === constraint;
  const cause = (error as { meta?: { driverAdapterError?: { cause?: AdapterCause } } }).meta?.driverAdapterError?.cause;
  return cause?.originalCode === UNIQUE_VIOLATION && cause.constraint?.index === constraint;
}
