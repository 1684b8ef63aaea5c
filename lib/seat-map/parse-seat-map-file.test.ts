import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { blocksToSeatRows, DrawSeatBlocksInput } from './draw-seat-blocks';
import { parseSeatMapFile } from './parse-seat-map-file';

const errorsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).details!.errors as { line: number; message: string }[];
  }
  throw new Error('expected a rejection');
};

describe('parseSeatMapFile', () => {
  it('reads CSV columns in any order, with quotes, a BOM, CRLF and blank lines', () => {
    const rows = parseSeatMapFile('csv', '\uFEFFgrade,x,y,section,row,number\r\n\r\nVIP,10,20,"Floor ""A""",1,7\r\n');
    expect(rows).toEqual([{ line: 3, section: 'Floor "A"', row: '1', number: 7, x: 10, y: 20, grade: 'VIP' }]);
  });

  it('names the missing header columns on line 1', () => {
    expect(errorsOf(() => parseSeatMapFile('csv', 'section,row,number\nA,1,1'))).toEqual([{ line: 1, message: expect.stringContaining('missing x, y, grade') }]);
  });

  it('rejects a file with no seats and malformed JSON', () => {
    expect(errorsOf(() => parseSeatMapFile('csv', 'section,row,number,x,y,grade\n'))[0]!.message).toBe('no seats in the file');
    expect(errorsOf(() => parseSeatMapFile('json', '[{"section": "A",'))[0]!.line).toBe(1);
  });

  it('finds the line of JSON elements even with strings containing brackets and commas', () => {
    const content = '[\n{"section":"A [x], {y}","row":"1","number":1,"x":1,"y":1,"grade":"R"},\n\n{"section":"B","row":"1","number":0,"x":1,"y":1,"grade":"R"}\n]';
    expect(errorsOf(() => parseSeatMapFile('json', content))).toEqual([{ line: 4, message: 'number must be at least 1' }]);
  });
});

describe('blocksToSeatRows', () => {
  it('draws a block row by row with the grade of each row range', () => {
    const rows = blocksToSeatRows(DrawSeatBlocksInput.parse({ blocks: [{ section: 'A', rows: 3, seatsPerRow: 2, originX: 10, originY: 100, grades: [{ fromRow: 0, grade: 'VIP' }, { fromRow: 2, grade: 'R' }] }] }));
    expect(rows.map((r) => `${r.row}-${r.number}@${r.x},${r.y}:${r.grade}`)).toEqual(['1-1@10,100:VIP', '1-2@20,100:VIP', '2-1@10,110:VIP', '2-2@20,110:VIP', '3-1@10,120:R', '3-2@20,120:R']);
  });
});
