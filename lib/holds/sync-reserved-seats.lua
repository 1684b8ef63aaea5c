-- Brings seats in line with what PostgreSQL says of them: sold to the live reservation that has
-- each one, or free when none has it. It runs as the quick first word right after a reservation
-- commits or ends, and again for every reservation event (the guarantee, which survives a crash
-- or an error in between), so it gives the same map however often and in whatever order it runs:
--  * a live seat is shown sold and its reservation recorded; a hold on it is dropped (the
--    reservation's own user keeps it counted, anyone else's count loses it);
--  * a seat no live reservation has is freed only if the map shows it sold to the reservation the
--    news is about (or to none on record: a map rebuilt from PostgreSQL). A late word about an
--    ended reservation never frees a seat that a newer reservation has taken since: that seat is
--    recorded under the newer one.
-- KEYS 1-5 as in holds-common, 6 owners (hash ordinal → "reservationId|userId" of each sold seat)
-- ARGV: 1 the reservation the news is about, 2 its user,
--       then per seat: ordinal, id of the live reservation that has it or '', that one's user or ''
-- Returns the number of seats whose state changed.
-- Missing state: nothing to correct, the rebuild reads PostgreSQL.
if stateMissing then return 0 end
local owners = KEYS[6]
local about, aboutUser = ARGV[1], ARGV[2]

-- Never below zero: a count lost with a Redis flush must not turn into extra seats for the user.
local function uncount(user)
  if tonumber(redis.call('HGET', counts, user) or '0') > 0 then redis.call('HINCRBY', counts, user, -1) end
end

local changed = 0
for i = 3, #ARGV, 3 do
  local ordinal, liveId, liveUser = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local state = seatState(ordinal)
  local owner = state == 2 and redis.call('HGET', owners, ordinal) or nil
  local ownerId, ownerUser
  if owner then ownerId, ownerUser = string.match(owner, '^(.*)|(.*)$') end
  if liveId ~= '' then
    local entry = liveId .. '|' .. liveUser
    if owner ~= entry then
      if state == 2 then
        -- Sold to a reservation that has ended since: the seat and its count move to the live one.
        -- Sold to none on record: the count was made when it was sold, as before.
        if owner then
          uncount(ownerUser)
          redis.call('HINCRBY', counts, liveUser, 1)
        end
      else
        local holder = holdOf(ordinal)
        if holder == liveUser then
          dropHold(ordinal, holder, 2)
        else
          if holder ~= nil then dropHold(ordinal, holder, 0) end
          redis.call('HINCRBY', counts, liveUser, 1)
          setSeatState(ordinal, 2)
        end
        changed = changed + 1
      end
      redis.call('HSET', owners, ordinal, entry)
    end
  elseif state == 2 and (owner == nil or ownerId == about) then
    setSeatState(ordinal, 0)
    redis.call('HDEL', owners, ordinal)
    uncount(ownerUser or aboutUser)
    changed = changed + 1
  end
end
return changed
