// The availability endpoint's base64 2-bit bitmap → bytes; seatStateAt reads seat i from it.
export { seatStateAt } from '../../lib/seat-map/encode-seat-states';

export const STATE_NAMES = ['available', 'held', 'sold'] as const;

export function decodeAvailability(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
