// What every way of holding seats takes and answers (a pick on the map, best available).
import type { Db } from '../db/create-prisma';
import type { Redis } from '../redis/create-redis';

export type HeldSeat = { id: string; ordinal: number; label: string; grade: string; priceKrw: number };
export type HoldResult = { seats: HeldSeat[]; expiresAt: string; totalKrw: number };

export type HoldDeps = { db: Db; redis: Redis; holdSeconds: number; now?: () => Date };
