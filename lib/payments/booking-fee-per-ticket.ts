// 예매수수료 per ticket: the event's own setting, else its genre's default. Korean ticket sites
// charge ₩2,000 a ticket for concerts and musicals and ₩1,000 for plays (연극 = THEATER); the
// other genres take the concert rate until an organiser sets their own.
import type { Genre } from '../db/generated/enums';

const DEFAULT_FEE_KRW: Record<Genre, number> = {
  CONCERT: 2_000,
  MUSICAL: 2_000,
  THEATER: 1_000,
  CLASSIC: 2_000,
  SPORTS: 2_000,
  EXHIBITION: 2_000,
  FAMILY: 2_000,
  OTHER: 2_000,
};

export function bookingFeePerTicket(event: { genre: Genre; bookingFeeKrw: number | null }): number {
  return event.bookingFeeKrw ?? DEFAULT_FEE_KRW[event.genre];
}
