// The availability of one performance lives in one Redis string, 2 bits per seat indexed by
// Seat.ordinal (BITFIELD u2 at #ordinal; Redis numbers bits from the most significant bit of
// byte 0): 0 available, 1 held, 2 sold/reserved. 5,248 seats → 1,312 bytes.
// Writers (the holds script) must check EXISTS first and, when the key is missing, call
// rebuildSeatStates and retry: BITFIELD SET on a missing key creates a zeroed string that would
// show every sold seat as available.
// The braces are a cluster hash tag: the holds script touches this key and its hold keys in one slot.
export const SEAT_STATE = { available: 0, held: 1, sold: 2 } as const;
export type SeatState = (typeof SEAT_STATE)[keyof typeof SEAT_STATE];

export function seatStateKey(performanceId: string): string {
  return `seatmap:{${performanceId}}:state`;
}

/**
 * The hall's seat count beside the bitmap, written with it: the bitmap's last byte may carry
 * padding that reads as free, so "seats taken" (BITCOUNT: a held or sold seat has exactly one
 * of its two bits set) is compared with this count, not with the string's length.
 */
export function seatCountKey(performanceId: string): string {
  return `seatmap:{${performanceId}}:seats`;
}
