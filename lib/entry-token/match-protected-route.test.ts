import { describe, expect, it } from 'vitest';
import { seatMapPath } from '../queue/seat-map-path';
import { matchProtectedRoute } from './match-protected-route';

const P = '01a209ba-4a7e-7150-bd48-e5018513b0bf';

describe('matchProtectedRoute', () => {
  it('guards the seat map an admitted fan is sent to, and seat/reservation/ticket APIs, by performance', () => {
    expect(matchProtectedRoute(seatMapPath(P))).toEqual({ kind: 'page', performanceId: P });
    expect(matchProtectedRoute(`/events/aurora/performances/${P}/seats`)).toEqual({ kind: 'page', performanceId: P });
    expect(matchProtectedRoute(`/api/performances/${P}/holds`)).toEqual({ kind: 'api', performanceId: P });
    expect(matchProtectedRoute(`/api/performances/${P.toUpperCase()}/seats/availability`)).toEqual({ kind: 'api', performanceId: P });
  });

  it('leaves the waiting room, event pages and other APIs open', () => {
    for (const path of [`/queue/${P}`, '/events/aurora', `/events/aurora/performances/${P}`, `/api/queue/${P}/status`, '/api/events', `/performances/${P}/seatsx`]) {
      expect(matchProtectedRoute(path)).toBeNull();
    }
  });
});
