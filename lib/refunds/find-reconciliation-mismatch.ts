// One reconciliation mismatch by id (a malformed or unknown id is "not found").
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { notFound } from '../errors/app-error';

export async function findReconciliationMismatch(db: Db, mismatchId: string): Promise<{ id: string; portonePaymentId: string; kind: string; status: string }> {
  if (!z.uuid().safeParse(mismatchId).success) throw notFound('Mismatch');
  const mismatch = await db.reconciliationMismatch.findUnique({ where: { id: mismatchId }, select: { id: true, portonePaymentId: true, kind: true, status: true } });
  if (!mismatch) throw notFound('Mismatch');
  return mismatch;
}
