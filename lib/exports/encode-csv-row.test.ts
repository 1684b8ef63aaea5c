import { describe, expect, it } from 'vitest';
import { encodeCsvRow } from './encode-csv-row';

describe('encodeCsvRow', () => {
  it('ends a record with CRLF and leaves plain fields bare', () => {
    expect(encodeCsvRow(['a', 'b c', 12_000, null, undefined, '김민지'])).toBe('a,b c,12000,,,김민지\r\n');
  });

  it('quotes fields holding a comma, a quote or a line break, doubling the quotes (RFC 4180)', () => {
    expect(encodeCsvRow(['Seoul, Korea', 'say "hi"', 'two\nlines', 'cr\rlf'])).toBe('"Seoul, Korea","say ""hi""","two\nlines","cr\rlf"\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, and only text', () => {
    expect(encodeCsvRow(['=1+1', '+82 10', '-5', '@SUM(A1)', '\tTAB', '=HYPERLINK("http://x","y")'])).toBe(
      `'=1+1,'+82 10,'-5,'@SUM(A1),'\tTAB,"'=HYPERLINK(""http://x"",""y"")"\r\n`,
    );
    // A negative amount is a number, written as one.
    expect(encodeCsvRow([-5_000, 0])).toBe('-5000,0\r\n');
    // A formula sign inside the text is harmless.
    expect(encodeCsvRow(['a=b', 'x@y.z'])).toBe('a=b,x@y.z\r\n');
  });
});
