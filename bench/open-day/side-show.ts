// What the fault schedule and the abuser get to work with, beside the fans.
import type { Db } from '../../lib/db/create-prisma';
import type { EndpointStats } from './http-client';
import type { Platform } from './platform';
import type { Sale, SimUser } from './seed-sale';

export type SideShowContext = {
  platform: Platform;
  db: Db;
  sale: Sale;
  users: SimUser[];
  /** The fans' answers, to count the errors a fault cost them. */
  stats: EndpointStats;
  opensAtMs: number;
  saleDeadline: number;
};

export type SideShow<T> = { finish(): Promise<T> };
