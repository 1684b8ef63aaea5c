// What every payments job takes: the database, PortOne, the payments config and the fan's
// notification channel. Built once per process (workers/runtime) and by tests over the stand-in.
import type { Db } from '../db/create-prisma';
import type { Redis } from '../redis/create-redis';
import type { PaymentsConfig } from './payments-config';
import type { PortOne } from './portone-client';

/** A notice to one fan (in-app list and email); `kind` picks the template. */
export type PaymentNotice = {
  userId: string;
  kind: 'payment_confirmed' | 'virtual_account_issued' | 'payment_cancelled' | 'payment_refused';
  reservationId: string | null;
  paymentId: string;
  facts: Record<string, string | number | null>;
};

export type PaymentDeps = {
  db: Db;
  redis: Redis;
  portone: PortOne;
  config: PaymentsConfig;
  notify: (notice: PaymentNotice) => Promise<void>;
};
