// Where an admitted fan goes: the one place the waiting room names the seat map's route.
export function seatMapPath(performanceId: string): string {
  return `/performances/${performanceId}/seats`;
}

export function waitingRoomPath(performanceId: string, returnTo?: string): string {
  return `/queue/${performanceId}${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`;
}
