-- Join the waiting room of one performance, atomically and idempotently (a second join from
-- another tab or device keeps the first place).
-- KEYS: 1 queue (zset user -> order score), 2 active (zset user -> session deadline ms),
--       3 active_seen (zset user -> last heartbeat ms), 4 meta (hash: settings + counters),
--       5 seen prefix (heartbeat bitmaps `<prefix><bucket>`, bit = the user's join sequence)
-- ARGV: 1 user id, 2 now ms, 3 random integer in [0, 2^28) for the pre-queue draw
-- Returns {'waiting', seq, prequeue, position (0 before the opening), waiting, rate, paused, opens_at, all_taken, idle_ms}
--       | {'admitted', deadline} | {'not_open', from ms} | {'full'} | {'no_config'}
-- Order score: before the opening, random * 2^24 + seq (< 2^52, drawn blind, revealed at the
-- opening instant: a random permutation of the pre-queue); after it, 2^52 + seq (strict FIFO
-- by INCR, never by timestamps). seq = score mod 2^24 names the user's heartbeat bit.
local SEQ_SPAN = 16777216
local OPEN_BASE = 4503599627370496
local BUCKET_MS = 10000
local user, now = ARGV[1], tonumber(ARGV[2])
local cfg = redis.call('HMGET', KEYS[4], 'mode', 'opens_at', 'pre_queue_ms', 'session_ms', 'idle_ms')
if not cfg[1] then return {'no_config'} end
local mode, opens_at, pre_ms, session_ms, idle_ms = cfg[1], tonumber(cfg[2]), tonumber(cfg[3]), tonumber(cfg[4]), tonumber(cfg[5])

local function mark_seen(seq)
  local key = KEYS[5] .. math.floor(now / BUCKET_MS)
  redis.call('SETBIT', key, seq, 1)
  redis.call('PEXPIRE', key, math.max(idle_ms * 2, 300000) + BUCKET_MS)
end

-- The joiner's status in the status script's shape (saves the client a second round trip).
local function waiting(seq, score, prequeue)
  local m = redis.call('HMGET', KEYS[4], 'measured_per_min', 'admit_per_min', 'paused', 'all_taken')
  local position = '0'
  if not (now < opens_at) then position = tostring(redis.call('ZRANK', KEYS[1], user) + 1) end
  return {'waiting', tostring(seq), prequeue and '1' or '0', position, tostring(redis.call('ZCARD', KEYS[1])),
    m[1] or m[2] or '0', m[3] or '0', tostring(opens_at), m[4] or '0', tostring(idle_ms or 60000)}
end

local deadline = redis.call('ZSCORE', KEYS[2], user)
if deadline and tonumber(deadline) > now then return {'admitted', deadline} end
local score = redis.call('ZSCORE', KEYS[1], user)
if score then
  local seq = math.fmod(tonumber(score), SEQ_SPAN)
  mark_seen(seq)
  return waiting(seq, score, tonumber(score) < OPEN_BASE and now < opens_at)
end
if deadline then
  redis.call('ZREM', KEYS[2], user)
  redis.call('ZREM', KEYS[3], user)
end
if mode == 'OFF' then
  -- No waiting room: admitted at once for one session.
  local until_ms = now + session_ms
  redis.call('ZADD', KEYS[2], until_ms, user)
  redis.call('ZADD', KEYS[3], now, user)
  redis.call('HINCRBY', KEYS[4], 'admitted', 1)
  return {'admitted', tostring(until_ms)}
end
if mode == 'SCHEDULED' and now < opens_at - pre_ms then return {'not_open', tostring(opens_at - pre_ms)} end
local seq = redis.call('HINCRBY', KEYS[4], 'seq', 1)
if seq >= SEQ_SPAN then return {'full'} end
local prequeue = now < opens_at
if prequeue then
  score = tonumber(ARGV[3]) * SEQ_SPAN + seq
else
  score = OPEN_BASE + seq
end
redis.call('ZADD', KEYS[1], score, user)
redis.call('HINCRBY', KEYS[4], 'joined', 1)
mark_seen(seq)
return waiting(seq, score, prequeue)
