// Where an admitted fan goes, and where the waiting room lives. The seat map belongs to the
// catalog issue: this one constant is the link to adjust when its route settles.
export function seatMapPath(performanceId: string): string {
  return `/performances/${performanceId}/seats`;
}

export function waitingRoomPath(performanceId: string, returnTo?: string): string {
  return `/queue/${performanceId}${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`;
}
