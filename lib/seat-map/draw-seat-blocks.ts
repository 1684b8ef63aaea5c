// Admin: draw a hall as rectangular blocks (a section of R rows × N seats at a position, with a
// grade per row range) instead of importing a file. Produces the same rows an import would.
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import type { Redis } from '../redis/create-redis';
import { validateSeatRows, type SeatRow } from './parse-seat-map-file';
import { replaceHallSeats, type ReplaceHallSeatsResult } from './replace-hall-seats';

const Block = z.object({
  section: z.string().trim().min(1).max(50),
  rows: z.number().int().min(1).max(200),
  seatsPerRow: z.number().int().min(1).max(200),
  originX: z.number().int().min(0),
  originY: z.number().int().min(0),
  seatPitch: z.number().int().min(4).max(100).default(10),
  rowPitch: z.number().int().min(4).max(100).default(10),
  /** Grade of rows from `fromRow` (0-based, nearest the stage) until the next entry. */
  grades: z.array(z.object({ fromRow: z.number().int().min(0), grade: z.string().regex(/^[A-Z0-9]{1,8}$/) })).min(1),
});
export const DrawSeatBlocksInput = z.object({ blocks: z.array(Block).min(1).max(200) });
export type DrawSeatBlocksInput = z.infer<typeof DrawSeatBlocksInput>;

const rowLabel = (i: number) => String(i + 1);

export function blocksToSeatRows(input: DrawSeatBlocksInput): SeatRow[] {
  const records: { line: number; record: Record<string, unknown> }[] = [];
  input.blocks.forEach((block, b) => {
    const grades = [...block.grades].sort((x, y) => x.fromRow - y.fromRow);
    for (let r = 0; r < block.rows; r++) {
      const grade = grades.filter((g) => g.fromRow <= r).at(-1)?.grade ?? grades[0]!.grade;
      for (let n = 0; n < block.seatsPerRow; n++) {
        records.push({
          line: b + 1,
          record: { section: block.section, row: rowLabel(r), number: n + 1, x: block.originX + n * block.seatPitch, y: block.originY + r * block.rowPitch, grade },
        });
      }
    }
  });
  return validateSeatRows(records);
}

export async function drawSeatBlocks(
  db: Db,
  redis: Redis,
  hallId: string,
  input: DrawSeatBlocksInput,
  actor: { actorId: string | null; requestId?: string | null },
): Promise<ReplaceHallSeatsResult> {
  return replaceHallSeats(db, redis, { hallId, rows: blocksToSeatRows(input), action: 'hall.draw_seat_blocks', ...actor });
}
