'use client';
// The fan's hold on seats of one performance, through the gateway: read on load (so a refresh
// keeps the countdown), hold the picked seats or the best available ones, release, reserve.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HoldResult } from '../../lib/holds/hold-types';
import type { ReservationView } from '../../lib/reservations/reservation-view';

export type ApiError = { status: number; code: string; message: string; reason?: string; seats?: { ordinal: number; label: string }[] };

async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  if (response.status === 204) return undefined as T;
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw { status: response.status, ...(body.error ?? { code: 'internal', message: `HTTP ${response.status}` }) } as ApiError;
  return body as T;
}

export function useSeatHold(performanceId: string) {
  const client = useQueryClient();
  const base = `/api/performances/${performanceId}`;
  const key = ['seat-hold', performanceId];
  const hold = useQuery({ queryKey: key, queryFn: async () => (await call<{ hold: HoldResult | null }>(`${base}/holds`)).hold, retry: false });
  const settle = (next: HoldResult | null) => {
    client.setQueryData(key, next);
    void client.invalidateQueries({ queryKey: ['availability', performanceId] });
  };

  const holdSeats = useMutation({
    mutationFn: (seats: number[]) => call<{ hold: HoldResult }>(`${base}/holds`, { method: 'POST', body: JSON.stringify({ seats }) }),
    onSuccess: ({ hold: next }) => settle(next),
  });
  const holdBest = useMutation({
    mutationFn: (input: { grade: string; count: number }) => call<{ hold: HoldResult }>(`${base}/holds/best-available`, { method: 'POST', body: JSON.stringify(input) }),
    onSuccess: ({ hold: next }) => settle(next),
  });
  const release = useMutation({
    mutationFn: () => call<unknown>(`${base}/holds`, { method: 'DELETE', body: '{}' }),
    onSuccess: () => settle(null),
  });
  const reserve = useMutation({
    // One key per attempt: a retry of the same click returns the same reservation.
    mutationFn: (input: { seats: number[]; idempotencyKey: string }) =>
      call<{ reservation: ReservationView }>(`${base}/reservations`, {
        method: 'POST',
        headers: { 'idempotency-key': input.idempotencyKey },
        body: JSON.stringify({ seats: input.seats }),
      }),
  });
  return { hold, holdSeats, holdBest, release, reserve };
}
