// The Redis keys of one performance's waiting room: its queue, its active set and the last-seen
// times of waiting and admitted fans. The braces are a cluster hash tag: every key of
// one room lands in one slot, so each Lua script touches a single shard.
export function queueKeys(performanceId: string) {
  const tag = `{${performanceId}}`;
  return {
    queue: `${tag}:queue`,
    active: `${tag}:active`,
    activeSeen: `${tag}:active_seen`,
    meta: `${tag}:meta`,
    /** Prefix of the 10 s heartbeat bitmaps (`{P}:seen:<bucket>`), one bit per join sequence. */
    seenPrefix: `${tag}:seen:`,
    gone: `${tag}:gone`,
    revoked: `${tag}:revoked`,
  };
}
