// The body and status of GET /health/live, for the api's server and the loop roles' probe alike.
import { processLoops } from './loop-liveness';

export function livenessReport(nowMs: number): { status: 200 | 503; body: { status: 'live' } | { status: 'stalled'; loops: string[] } } {
  const stalled = processLoops.stalled(nowMs);
  return stalled.length === 0 ? { status: 200, body: { status: 'live' } } : { status: 503, body: { status: 'stalled', loops: stalled } };
}
