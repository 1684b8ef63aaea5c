-- Shared by the hold scripts (prepended to each when loaded; Redis scripts cannot import).
-- KEYS: 1 state (BITFIELD u2), 2 holds (hash ordinal → "user|expiresAt"), 3 expiry (zset),
--       4 counts (hash user → seats held or in live reservations), 5 byUser (hash user → "o1,o2,…")
local state, holds, expiry, counts, byUser = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]

-- BITFIELD on a missing state key would create a zeroed string that shows every sold seat as
-- free; scripts that find it missing stop and let the caller rebuild it from PostgreSQL.
local stateMissing = redis.call('EXISTS', state) == 0

local function seatState(ordinal)
  return redis.call('BITFIELD', state, 'GET', 'u2', '#' .. ordinal)[1]
end

local function setSeatState(ordinal, value)
  redis.call('BITFIELD', state, 'SET', 'u2', '#' .. ordinal, value)
end

local function holdOf(ordinal)
  local entry = redis.call('HGET', holds, ordinal)
  if not entry then return nil end
  local owner, expiresAt = string.match(entry, '^(.*)|(%d+)$')
  return owner, tonumber(expiresAt)
end

local function addToUser(user, ordinal)
  local list = redis.call('HGET', byUser, user)
  redis.call('HSET', byUser, user, list and (list .. ',' .. ordinal) or ordinal)
end

local function removeFromUser(user, ordinal)
  local list = redis.call('HGET', byUser, user)
  if not list then return end
  local kept = {}
  for o in string.gmatch(list, '[^,]+') do
    if o ~= ordinal then kept[#kept + 1] = o end
  end
  if #kept == 0 then redis.call('HDEL', byUser, user) else redis.call('HSET', byUser, user, table.concat(kept, ',')) end
end

-- Drops a hold; `newState` is 0 to free the seat or 2 when it moved into a reservation.
local function dropHold(ordinal, owner, newState)
  redis.call('HDEL', holds, ordinal)
  redis.call('ZREM', expiry, ordinal)
  removeFromUser(owner, ordinal)
  if newState == 0 then redis.call('HINCRBY', counts, owner, -1) end
  setSeatState(ordinal, newState)
end

-- The worker API's entry-token check, done in the hold's own round trip (as a separate pipeline
-- it cost a second socket write per hold, the largest CPU item of a hold request): a revoked
-- admission is refused, an accepted call counts as the admitted user's heartbeat. The waiting
-- room's keys carry the same {performanceId} hash tag, so the script stays on one cluster slot.
-- An empty token id means a call without an entry token to check (domain code, tests).
local function entryRevoked(revokedKey, seenKey, jti, user, now)
  if jti == '' then return false end
  if redis.call('SISMEMBER', revokedKey, jti) == 1 then return true end
  redis.call('ZADD', seenKey, 'XX', now, user)
  return false
end
