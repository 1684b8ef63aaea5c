// Admin: import a hall's seat map from a CSV or JSON file (section,row,number,x,y,grade).
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import type { Redis } from '../redis/create-redis';
import { parseSeatMapFile, SeatMapFormat } from './parse-seat-map-file';
import { replaceHallSeats, type ReplaceHallSeatsResult } from './replace-hall-seats';

export const ImportSeatMapInput = z.object({
  format: SeatMapFormat,
  content: z.string().min(1).max(20_000_000),
});
export type ImportSeatMapInput = z.infer<typeof ImportSeatMapInput>;

export async function importSeatMap(
  db: Db,
  redis: Redis,
  hallId: string,
  input: ImportSeatMapInput,
  actor: { actorId: string | null; requestId?: string | null },
): Promise<ReplaceHallSeatsResult> {
  const rows = parseSeatMapFile(input.format, input.content);
  return replaceHallSeats(db, redis, { hallId, rows, action: `hall.import_seat_map_${input.format}`, ...actor });
}
