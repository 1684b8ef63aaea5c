// The same 2-bit layout Redis BITFIELD u2 #ordinal uses: seat i sits in byte i >> 2, bits
// (6 - 2·(i & 3)) and the one above. Shared by the rebuild (server) and the decoder (browser).
export function stateBytesLength(seatCount: number): number {
  return Math.ceil(seatCount / 4);
}

export function encodeSeatStates(seatCount: number, states: Iterable<[ordinal: number, state: number]>): Uint8Array {
  const bytes = new Uint8Array(stateBytesLength(seatCount));
  for (const [ordinal, state] of states) {
    if (ordinal < 0 || ordinal >= seatCount) continue;
    const shift = 6 - 2 * (ordinal & 3);
    bytes[ordinal >> 2] = (bytes[ordinal >> 2]! & ~(3 << shift)) | ((state & 3) << shift);
  }
  return bytes;
}

export function seatStateAt(bytes: Uint8Array, ordinal: number): number {
  const byte = bytes[ordinal >> 2];
  return byte === undefined ? 0 : (byte >> (6 - 2 * (ordinal & 3))) & 3;
}
