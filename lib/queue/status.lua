-- One status poll: state, place, people ahead and the measured admission rate, and the poll
-- doubles as the waiting user's heartbeat. O(log n) (ZRANK); never scans the queue.
-- KEYS: 1 queue, 2 active, 3 meta, 4 seen prefix, 5 gone (bitmap: seq of skipped users)
-- ARGV: 1 user id, 2 now ms, 3 seq from the signed queue ticket ('' when unknown)
-- Returns {state, a, b, c, d, e}:
--   admitted: deadline ms
--   waiting:  position (0 while the pre-queue draw has not happened), waiting total,
--             measured admits/min, paused '1'/'0', opens_at ms, all seats taken '1'/'0'
--             (the admission script's last look: nobody is let in until seats come back),
--             idle timeout ms (the longest a poll may wait)
--   expired | none | no_config
local SEQ_SPAN = 16777216
local OPEN_BASE = 4503599627370496
local BUCKET_MS = 10000
local user, now = ARGV[1], tonumber(ARGV[2])
local deadline = redis.call('ZSCORE', KEYS[2], user)
if deadline then
  if tonumber(deadline) > now then return {'admitted', deadline} end
  return {'expired'}
end
local score = redis.call('ZSCORE', KEYS[1], user)
if not score then
  if ARGV[3] ~= '' and redis.call('GETBIT', KEYS[5], tonumber(ARGV[3])) == 1 then return {'expired'} end
  return {'none'}
end
local cfg = redis.call('HMGET', KEYS[3], 'opens_at', 'measured_per_min', 'admit_per_min', 'paused', 'idle_ms', 'all_taken')
local opens_at = tonumber(cfg[1]) or 0
local idle_ms = tonumber(cfg[5]) or 60000
local key = KEYS[4] .. math.floor(now / BUCKET_MS)
redis.call('SETBIT', key, math.fmod(tonumber(score), SEQ_SPAN), 1)
redis.call('PEXPIRE', key, math.max(idle_ms * 2, 300000) + BUCKET_MS)
local total = redis.call('ZCARD', KEYS[1])
local rate = cfg[2] or cfg[3] or '0'
local paused = cfg[4] or '0'
local all_taken = cfg[6] or '0'
if now < opens_at then return {'waiting', '0', tostring(total), rate, paused, tostring(opens_at), all_taken, tostring(idle_ms)} end
local rank = redis.call('ZRANK', KEYS[1], user)
return {'waiting', tostring(rank + 1), tostring(total), rate, paused, tostring(opens_at), all_taken, tostring(idle_ms)}
