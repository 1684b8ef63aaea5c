// When a waiting fan's page should ask for its status again, decided by the server from what it
// knows: the fan's place, the measured admission rate and the room's idle timeout. Each poll costs
// the web tier a request and is also the fan's heartbeat, so a fan far back asks rarely — as
// rarely as the idle timeout allows — and asks more often as the turn comes near. With 20,000 fans
// in line, a fixed 15 s would be 1,333 requests a second for the polls alone.

/** Near the front the page asks every 2 s: admission is a tick or two away. */
export const NEAREST_POLL_MS = 2_000;
/** The page adds ±25 % jitter, and an answer may queue behind others: 1/2.5 keeps the slowest poll inside the timeout. */
const IDLE_SHARE = 1 / 2.5;
/** Paused, or no admission rate yet: the ETA is unknown, so look every 15 s (or sooner, if the timeout is short). */
const UNKNOWN_ETA_POLL_MS = 15_000;
/** Ask again when three quarters of the expected wait has passed: the ETA shortens as the fan nears the front. */
const ETA_SHARE = 0.75;

export function pollAfterMs(input: { ahead: number | null; etaSeconds: number | null; idleMs: number; opensAt: number; nowMs: number }): number {
  const longest = Math.max(NEAREST_POLL_MS, Math.floor(input.idleMs * IDLE_SHARE));
  // Before the opening the place is not drawn yet: ask right after it (the jitter spreads the crowd).
  if (input.ahead === null) return clamp(input.opensAt - input.nowMs + NEAREST_POLL_MS, longest);
  if (input.etaSeconds === null) return clamp(UNKNOWN_ETA_POLL_MS, longest);
  return clamp(input.etaSeconds * 1000 * ETA_SHARE, longest);
}

const clamp = (ms: number, longest: number) => Math.round(Math.min(longest, Math.max(NEAREST_POLL_MS, ms)));
