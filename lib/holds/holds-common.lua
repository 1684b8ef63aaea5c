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
