-- Generic cell rate algorithm (a token bucket kept as one timestamp): `limit` requests may
-- arrive at once, then one every window/limit ms. Unlike a fixed window it never lets 2x the
-- limit through around a window edge. Redis's own clock is used so every gateway instance agrees.
-- KEYS[1] = bucket key; ARGV[1] = limit; ARGV[2] = window in ms.
-- Returns { allowed (1|0), remaining, retryAfterMs }.
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local interval = window / limit
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local tat = tonumber(redis.call('GET', KEYS[1])) or now
if tat < now then tat = now end
local newTat = tat + interval
local allowAt = newTat - window
if allowAt > now then
  return { 0, 0, math.ceil(allowAt - now) }
end
redis.call('SET', KEYS[1], string.format('%.0f', math.ceil(newTat)), 'PX', math.ceil(newTat - now))
return { 1, math.floor((now - allowAt) / interval), 0 }
