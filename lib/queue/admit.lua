-- One admission tick for one performance, atomic so that any number of admission processes
-- together never exceed the rate or the active capacity (the token bucket and the capacity
-- check live in the same script as the ZADD that consumes them).
-- KEYS: 1 queue, 2 active, 3 active_seen, 4 meta, 5 seen prefix, 6 gone,
--       7 the performance's seat state (2 bits a seat), 8 its seat count
-- ARGV: 1 now ms, 2 most users to skip in one tick (bounds the script's run time)
-- Returns {admitted, skipped, expired, waiting, active, {admitted users in order}}
local SEQ_SPAN = 16777216
local BUCKET_MS = 10000
local now, max_skip = tonumber(ARGV[1]), tonumber(ARGV[2])
local m = redis.call('HMGET', KEYS[4], 'mode', 'paused', 'opens_at', 'admit_per_min', 'max_active',
  'session_ms', 'idle_ms', 'tokens', 'last_refill', 'win_start', 'win_count')
if not m[1] then return {0, 0, 0, 0, 0, {}} end
local mode, paused, opens_at = m[1], m[2], tonumber(m[3])
local per_min, max_active = tonumber(m[4]), tonumber(m[5])
local session_ms, idle_ms = tonumber(m[6]), tonumber(m[7])
local tokens, last = tonumber(m[8]) or 0, tonumber(m[9])

-- 1. Expire admitted users whose session ran out or whose heartbeat stopped.
local expired = 0
local gone = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 1000)
for _, u in ipairs(gone) do
  redis.call('ZREM', KEYS[2], u)
  redis.call('ZREM', KEYS[3], u)
  expired = expired + 1
end
local idle = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now - idle_ms, 'LIMIT', 0, 1000)
for _, u in ipairs(idle) do
  redis.call('ZREM', KEYS[2], u)
  redis.call('ZREM', KEYS[3], u)
  expired = expired + 1
end
if expired > 0 then redis.call('HINCRBY', KEYS[4], 'expired', expired) end

-- 2. Refill the token bucket (monotonic: a process with a clock behind adds nothing).
local rate_ms = per_min / 60000
local burst = math.max(1, per_min / 30) -- two seconds' worth: a late tick does not lose admissions
if not last then last = now end
if now > last then tokens = math.min(burst, tokens + (now - last) * rate_ms) last = now end
local open = mode ~= 'OFF' and paused ~= '1' and now >= opens_at
if not open then tokens = 0 end

-- 3. Free seats: a held or sold seat has exactly one of its two bits set, so BITCOUNT counts the
-- taken ones. A tick lets in no more fans than there are free seats: when every seat is taken,
-- admitting would spend fans' sessions on a full map, so the head of the queue waits and goes in
-- as holds run out and seats come back, and a seat or two coming back does not let in a crowd.
-- The flag tells waiting fans (status and join scripts). No bitmap yet: admit as usual.
local seats = tonumber(redis.call('GET', KEYS[8]) or '')
local free = nil
if seats and redis.call('EXISTS', KEYS[7]) == 1 then free = math.max(0, seats - redis.call('BITCOUNT', KEYS[7])) end
local all_taken = free == 0

-- 4. Admit from the head while tokens, capacity and seats last; skip users whose heartbeat stopped.
local room = max_active - redis.call('ZCARD', KEYS[2])
local want = math.min(math.floor(tokens), room)
if free then want = math.min(want, free) end
-- Switched OFF while people wait: no waiting room any more, so let them all through (in order,
-- a bounded batch per tick) instead of leaving them polling a room nobody serves.
if mode == 'OFF' then open = true want = max_skip end
local admitted, skipped = 0, 0
local order = {}
local first_bucket = math.floor((now - idle_ms) / BUCKET_MS)
local last_bucket = math.floor(now / BUCKET_MS)
while open and admitted < want and skipped < max_skip do
  local head = redis.call('ZPOPMIN', KEYS[1])
  if not head[1] then break end
  local user, seq = head[1], math.fmod(tonumber(head[2]), SEQ_SPAN)
  local alive = false
  for b = last_bucket, first_bucket, -1 do
    if redis.call('GETBIT', KEYS[5] .. b, seq) == 1 then alive = true break end
  end
  if alive then
    redis.call('ZADD', KEYS[2], now + session_ms, user)
    redis.call('ZADD', KEYS[3], now, user)
    admitted = admitted + 1
    order[admitted] = user
  else
    redis.call('SETBIT', KEYS[6], seq, 1)
    skipped = skipped + 1
  end
end
tokens = tokens - admitted

-- 5. Measure the admission rate over windows of >= 10 s for the ETA shown to waiting users.
local win_start, win_count = tonumber(m[10]), (tonumber(m[11]) or 0) + admitted
if not win_start then win_start = now end
local fields = {'tokens', tostring(tokens), 'last_refill', tostring(last), 'win_start', tostring(win_start), 'win_count', tostring(win_count),
  'all_taken', all_taken and '1' or '0'}
if now - win_start >= 10000 then
  fields[6] = tostring(now)
  fields[8] = '0'
  table.insert(fields, 'measured_per_min')
  table.insert(fields, tostring(math.floor(win_count * 60000 / (now - win_start) + 0.5)))
end
redis.call('HSET', KEYS[4], unpack(fields))
if admitted > 0 then redis.call('HINCRBY', KEYS[4], 'admitted', admitted) end
if skipped > 0 then redis.call('HINCRBY', KEYS[4], 'abandoned', skipped) end
return {admitted, skipped, expired, redis.call('ZCARD', KEYS[1]), redis.call('ZCARD', KEYS[2]), order}
