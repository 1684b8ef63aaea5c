// Seats by ordinal: the seat map addresses seats by their index in the hall's static map.
// Shared by holds and reservations, which name the same seats the same way.
import { z } from 'zod';

export const SeatOrdinals = z.array(z.int().min(0)).min(1).max(20).refine((seats) => new Set(seats).size === seats.length, 'must not repeat a seat');
