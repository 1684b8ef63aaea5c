-- Heartbeat from a waiting user (sets their bit in this 10 s bucket) or an admitted one
-- (refreshes their last-seen time so the idle expiry keeps their slot). O(log n).
-- KEYS: 1 queue, 2 active_seen, 3 meta, 4 seen prefix
-- ARGV: 1 user id, 2 now ms
local SEQ_SPAN = 16777216
local BUCKET_MS = 10000
local user, now = ARGV[1], tonumber(ARGV[2])
local score = redis.call('ZSCORE', KEYS[1], user)
if score then
  local idle_ms = tonumber(redis.call('HGET', KEYS[3], 'idle_ms')) or 60000
  local key = KEYS[4] .. math.floor(now / BUCKET_MS)
  redis.call('SETBIT', key, math.fmod(tonumber(score), SEQ_SPAN), 1)
  redis.call('PEXPIRE', key, math.max(idle_ms * 2, 300000) + BUCKET_MS)
  return 'waiting'
end
if redis.call('ZADD', KEYS[2], 'XX', 'CH', now, user) == 1 then return 'admitted' end
if redis.call('ZSCORE', KEYS[2], user) then return 'admitted' end
return 'none'
