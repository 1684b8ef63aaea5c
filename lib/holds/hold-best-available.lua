-- 자동배정: finds `count` adjacent free seats of one grade in the best row that has them and
-- holds them in the same atomic step. Rows arrive best-first (nearest the stage, then nearest
-- the centre line); within a row it picks the placement nearest the row's centre that leaves no
-- single orphan seat beside it, and accepts an orphan only when no row offers anything else.
-- KEYS 1-5 as in holds-common, 6 the grade's rows (list of "o1,o2,…" in seat order),
--      7 revoked admissions, 8 admitted users' last-seen (waiting room)
-- ARGV: 1 userId, 2 nowMs, 3 expiresAtMs, 4 per-person limit, 5 entry token id or '', 6 count
-- Returns {1, expiresAt, ordinals…} | {0} none free | {-1, seats the user already has}
--         | {-3} the admission was revoked | {-4} the grade's rows are not in Redis yet
local user, expiresAt, limit, count = ARGV[1], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[6])
if entryRevoked(KEYS[7], KEYS[8], ARGV[5], user, tonumber(ARGV[2])) then return { -3 } end
if stateMissing then return { -2 } end
if redis.call('EXISTS', KEYS[6]) == 0 then return { -4 } end

local counted = tonumber(redis.call('HGET', counts, user) or '0')
if counted + count > limit then
  return { -1, counted }
end

-- One GET of the whole state (2 bits a seat: 5,000 seats = 1,250 bytes) instead of a call per seat.
local bits = redis.call('GET', state) or ''
local function isFree(ordinal)
  local byte = string.byte(bits, math.floor(ordinal / 4) + 1) or 0
  return bit.band(bit.rshift(byte, 6 - 2 * (ordinal % 4)), 3) == 0
end

-- Best start within a free run [first, first+length) of a row of `size` seats, or nil;
-- `orphan` tells whether it leaves a single free seat on either side.
local function placeInRun(first, length, size)
  local centre = (size - 1) / 2
  local best, bestDistance, bestOrphan
  for start = first, first + length - count do
    local left, right = start - first, first + length - (start + count)
    local orphan = left == 1 or right == 1
    local distance = math.abs(start + (count - 1) / 2 - centre)
    if best == nil or (bestOrphan and not orphan) or (orphan == bestOrphan and distance < bestDistance) then
      best, bestDistance, bestOrphan = start, distance, orphan
    end
  end
  return best, bestOrphan, bestDistance
end

local fallback
local rows = redis.call('LRANGE', KEYS[6], 0, -1)
for _, row in ipairs(rows) do
  local seats = {}
  for o in string.gmatch(row, '%d+') do seats[#seats + 1] = tonumber(o) end
  local size = #seats
  local choice, choiceDistance
  local i = 1
  while i <= size do
    if isFree(seats[i]) then
      local j = i
      while j + 1 <= size and isFree(seats[j + 1]) do j = j + 1 end
      local length = j - i + 1
      if length >= count then
        local start, orphan, distance = placeInRun(i - 1, length, size)
        if not orphan and (choice == nil or distance < choiceDistance) then
          choice, choiceDistance = start, distance
        elseif orphan and fallback == nil then
          fallback = { seats = seats, start = start }
        end
      end
      i = j + 1
    else
      i = i + 1
    end
  end
  if choice ~= nil then
    fallback = { seats = seats, start = choice }
    break
  end
end
if fallback == nil then return { 0 } end

local chosen = { 1, expiresAt }
for k = 1, count do
  local ordinal = tostring(fallback.seats[fallback.start + k])
  setSeatState(ordinal, 1)
  redis.call('HSET', holds, ordinal, user .. '|' .. expiresAt)
  redis.call('ZADD', expiry, expiresAt, ordinal)
  addToUser(user, ordinal)
  chosen[#chosen + 1] = ordinal
end
redis.call('HINCRBY', counts, user, count)
return chosen
