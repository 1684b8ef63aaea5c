-- Holds every requested seat for one user, or none of them.
-- KEYS 1-5 as in holds-common, 6 revoked admissions, 7 admitted users' last-seen (waiting room)
-- ARGV: 1 userId, 2 nowMs, 3 expiresAtMs, 4 per-person limit, 5 entry token id or '', 6.. seat ordinals
-- Returns {1, earliest expiresAt, newlyHeld} | {0, taken ordinals…} | {-1, seats the user already has}
--         | {-3} the admission was revoked
local user, now, expiresAt, limit = ARGV[1], tonumber(ARGV[2]), ARGV[3], tonumber(ARGV[4])
if entryRevoked(KEYS[6], KEYS[7], ARGV[5], user, now) then return { -3 } end
if stateMissing then return { -2 } end

local taken, fresh = {}, {}
-- Seats this user already held keep their own expiry; the reply gives the earliest of all.
local earliest = tonumber(expiresAt)
for i = 6, #ARGV do
  local ordinal = ARGV[i]
  local seat = seatState(ordinal)
  if seat == 2 then
    taken[#taken + 1] = ordinal
  elseif seat == 1 then
    local owner, until_ = holdOf(ordinal)
    if owner == nil or until_ <= now then
      -- Expired (the sweeper has not reached it yet): free it on the spot.
      if owner ~= nil then dropHold(ordinal, owner, 0) end
      fresh[#fresh + 1] = ordinal
    elseif owner ~= user then
      taken[#taken + 1] = ordinal
    elseif until_ < earliest then
      earliest = until_ -- held by this user already: holding it again changes nothing
    end
  else
    fresh[#fresh + 1] = ordinal
  end
end
if #taken > 0 then
  return { 0, unpack(taken) }
end

local counted = tonumber(redis.call('HGET', counts, user) or '0')
if counted + #fresh > limit then
  return { -1, counted }
end

for _, ordinal in ipairs(fresh) do
  setSeatState(ordinal, 1)
  redis.call('HSET', holds, ordinal, user .. '|' .. expiresAt)
  redis.call('ZADD', expiry, expiresAt, ordinal)
  addToUser(user, ordinal)
end
if #fresh > 0 then redis.call('HINCRBY', counts, user, #fresh) end
return { 1, earliest, #fresh }
