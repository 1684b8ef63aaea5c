// The demo arena's seat map: a floor of four VIP/R blocks in front of the stage and two tiers
// of blocks (S on the first tier, A on the second): 5,248 seats in 20 sections.
// Coordinates are in the hall's 1200×1000 SVG space, stage at the top.

export type GeneratedSeat = {
  section: string;
  rowLabel: string;
  rowIndex: number;
  number: number;
  x: number;
  y: number;
  grade: string;
};

type Block = { section: string; rows: number; seatsPerRow: number; originX: number; originY: number; grade: (row: number) => string };

const SEAT_PITCH = 9;
const ROW_PITCH = 10;

const floor: Block[] = ['A', 'B', 'C', 'D'].map((letter, i) => ({
  section: `Floor ${letter}`,
  rows: 20,
  seatsPerRow: 18,
  originX: 255 + i * 185,
  originY: 150,
  // The first eight floor rows are VIP, the rest R.
  grade: (row) => (row < 8 ? 'VIP' : 'R'),
}));

const tier = (level: 1 | 2, count: number, rows: number, seatsPerRow: number, originY: number, grade: string): Block[] =>
  Array.from({ length: count }, (_, i) => ({
    section: `${level}${String(i + 1).padStart(2, '0')}`,
    rows,
    seatsPerRow,
    originX: 40 + i * Math.floor(1120 / count),
    originY,
    grade: () => grade,
  }));

export const ARENA_BLOCKS: Block[] = [
  ...floor,
  ...tier(1, 8, 14, 14, 390, 'S'),
  ...tier(2, 8, 20, 14, 560, 'A'),
];

export const ARENA_SIZE = { width: 1200, height: 800 };

export function generateArenaSeats(blocks: Block[] = ARENA_BLOCKS): GeneratedSeat[] {
  const seats: GeneratedSeat[] = [];
  for (const block of blocks) {
    for (let row = 0; row < block.rows; row++) {
      for (let n = 0; n < block.seatsPerRow; n++) {
        seats.push({
          section: block.section,
          rowLabel: String(row + 1),
          rowIndex: row,
          number: n + 1,
          x: block.originX + n * SEAT_PITCH,
          y: block.originY + row * ROW_PITCH,
          grade: block.grade(row),
        });
      }
    }
  }
  return seats;
}

/** A plain rectangular hall: `rows` rows of `seatsPerRow`, one section, one grade per row band. */
export function generateTheaterSeats(rows: number, seatsPerRow: number, gradeOfRow: (row: number) => string): GeneratedSeat[] {
  return generateArenaSeats([{ section: 'Main', rows, seatsPerRow, originX: 60, originY: 80, grade: gradeOfRow }]);
}
