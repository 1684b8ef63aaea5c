-- 자동배정: finds `count` adjacent free seats of one grade in the best row that has them and
-- holds them in the same atomic step. Rows are numbered best-first (nearest the stage, then
-- nearest the centre line); within a row it picks the placement nearest the row's centre that
-- leaves no single orphan seat beside it, and accepts an orphan only when no row offers anything else.
-- KEYS 1-5 as in holds-common, 6 the grade's layout (hash: id, n rows, r<i> → "o1,o2,…" or "first-last" in seat
--      order, o<ordinal> → i), 7 the grade's room (string: layout id, each row's longest
--      free run (1 byte a row), each row's run-length mask (3 bytes a row)),
--      8 the seat state that room describes, 9 each row's free runs (hash u<i> → "first:length,…"),
--      10 revoked admissions, 11 admitted users' last-seen
-- ARGV: 1 userId, 2 nowMs, 3 expiresAtMs, 4 per-person limit, 5 entry token id or '', 6 count
-- Returns {1, expiresAt, ordinals…} | {0} none free | {-1, seats the user already has}
--         | {-3} the admission was revoked | {-4} the grade's layout is not in Redis yet
--
-- Why "room": reading every row of the grade on each request made the cost grow with the hall
-- and with how full its front rows were. Each row's room is summarised in 4 bytes: its longest
-- free run (capped at 255) and a mask of the run lengths 1-24 it has. A row can take `count`
-- seats without an orphan exactly when it has a run of `count` or one of at least `count + 2`
-- (a run of `count + 1` always leaves one seat over), and at all when its longest run is at least
-- `count`; so a request finds the candidate rows with one string.find over the longest-run bytes,
-- opens only the row it will take, and never re-reads full rows. Other scripts do not maintain the summary (a manual hold stays as cheap as it was):
-- the room key carries a copy of the seat state it was computed from, and a request first
-- re-summarises the rows whose seats changed since (found by comparing the two strings half by
-- half), so holds, releases, expiry, conversions, rebuilds and even a lost key all show up,
-- and the cost follows the number of changes, not the size of the hall.
local user, expiresAt, limit, count = ARGV[1], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[6])
if entryRevoked(KEYS[10], KEYS[11], ARGV[5], user, tonumber(ARGV[2])) then return { -3 } end
if stateMissing then return { -2 } end
local layout, roomKey, seenKey, runsKey = KEYS[6], KEYS[7], KEYS[8], KEYS[9]
local layoutInfo = redis.call('HMGET', layout, 'id', 'n')
local layoutId, rowCount = layoutInfo[1], tonumber(layoutInfo[2])
if not layoutId then return { -4 } end

local counted = tonumber(redis.call('HGET', counts, user) or '0')
if counted + count > limit then
  return { -1, counted }
end

-- One GET of the whole state (2 bits a seat: 20,000 seats = 5,000 bytes) instead of a call per seat.
local bits = redis.call('GET', state) or ''
local function freeIn(s, ordinal)
  local byte = string.byte(s, math.floor(ordinal / 4) + 1) or 0
  return bit.band(bit.rshift(byte, 6 - 2 * (ordinal % 4)), 3) == 0
end
local function isFree(ordinal) return freeIn(bits, ordinal) end

-- A row's free runs in seat order, { {first, length}, … } (first counts the row's seats from 0).
-- The layout gives a row as "first-last" when its ordinals run consecutively, else "o1,o2,…".
local rowRuns = {}
local rowSeats = {}
local function seatsOf(i)
  local seats = rowSeats[i]
  if seats == nil then
    seats = {}
    local row = redis.call('HGET', layout, 'r' .. i) or ''
    local first, last = string.match(row, '^(%d+)%-(%d+)$')
    if first then
      for o = tonumber(first), tonumber(last) do seats[#seats + 1] = o end
    else
      for o in string.gmatch(row, '%d+') do seats[#seats + 1] = tonumber(o) end
    end
    rowSeats[i] = seats
  end
  return seats
end
-- From the seats themselves; `runsOf` below reads the stored runs once the room is up to date.
local function scanRuns(i)
  local runs, run = {}, nil
  for k, ordinal in ipairs(seatsOf(i)) do
    if isFree(ordinal) then
      if run then run[2] = run[2] + 1 else run = { k - 1, 1 }; runs[#runs + 1] = run end
    else
      run = nil
    end
  end
  rowRuns[i] = runs
  return runs
end

local function encodeRuns(runs)
  local parts = {}
  for _, run in ipairs(runs) do
    if run[2] > 0 then parts[#parts + 1] = run[1] .. ':' .. run[2] end
  end
  return table.concat(parts, ',')
end

-- A row's summary: its longest free run (1 byte), and the mask of its run lengths 1-24 (3 bytes, low byte last).
local function summarise(runs)
  local longest, mask = 0, 0
  for _, run in ipairs(runs) do
    local length = run[2]
    if length > longest then longest = length end
    if length > 0 and length <= 24 then mask = bit.bor(mask, bit.lshift(1, length - 1)) end
  end
  return string.char(math.min(longest, 255)), string.char(bit.band(bit.rshift(mask, 16), 255), bit.band(bit.rshift(mask, 8), 255), bit.band(mask, 255))
end

-- Bring the room up to date with the state: all rows when it is missing, from another layout or
-- from a longer state, else the rows with a seat whose free/not-free changed since it was written.
-- Writes touch only what changed (SETRANGE), so a request replicates bytes, not the whole state.
local ID_LENGTH = #layoutId
local room = redis.call('GET', roomKey)
local seen = redis.call('GET', seenKey)
local MASKS = ID_LENGTH + rowCount -- where the masks start (0-based)
local function writeRow(i)
  local longest, mask = summarise(rowRuns[i])
  redis.call('HSET', runsKey, 'u' .. i, encodeRuns(rowRuns[i]))
  local at, maskAt = ID_LENGTH + i - 1, MASKS + 3 * (i - 1)
  room = string.sub(room, 1, at) .. longest .. string.sub(room, at + 2, maskAt) .. mask .. string.sub(room, maskAt + 4)
  redis.call('SETRANGE', roomKey, at, longest)
  redis.call('SETRANGE', roomKey, maskAt, mask)
end
if room == false or seen == false or #seen > #bits or string.sub(room, 1, ID_LENGTH) ~= layoutId or #room ~= ID_LENGTH + 4 * rowCount then
  local longests, masks = { layoutId }, {}
  local stored = {}
  for i = 1, rowCount do
    local runs = scanRuns(i)
    longests[#longests + 1], masks[#masks + 1] = summarise(runs)
    stored[#stored + 1], stored[#stored + 2] = 'u' .. i, encodeRuns(runs)
  end
  room = table.concat(longests) .. table.concat(masks)
  redis.call('DEL', runsKey)
  redis.call('HSET', runsKey, unpack(stored))
  redis.call('SET', roomKey, room)
  redis.call('SET', seenKey, bits)
elseif seen ~= bits then
  local changedRows = {}
  local function noteByte(b)
    for k = 0, 3 do
      local ordinal = 4 * (b - 1) + k
      if isFree(ordinal) ~= freeIn(seen, ordinal) then
        local row = redis.call('HGET', layout, 'o' .. ordinal)
        if row then changedRows[tonumber(row)] = true end
      end
    end
  end
  local function diff(first, last)
    local now = string.sub(bits, first, last)
    if now == string.sub(seen, first, last) then return end
    if last - first < 32 then
      for b = first, last do noteByte(b) end
      redis.call('SETRANGE', seenKey, first - 1, now)
    else
      local middle = math.floor((first + last) / 2)
      diff(first, middle)
      diff(middle + 1, last)
    end
  end
  diff(1, #bits)
  for i in pairs(changedRows) do
    scanRuns(i)
    writeRow(i)
  end
end

-- The room is up to date: a row's runs are the stored ones (read from the seats if missing).
local function runsOf(i)
  local runs = rowRuns[i]
  if runs ~= nil then return runs end
  local stored = redis.call('HGET', runsKey, 'u' .. i)
  if not stored then return scanRuns(i) end
  runs = {}
  for first, length in string.gmatch(stored, '(%d+):(%d+)') do runs[#runs + 1] = { tonumber(first), tonumber(length) } end
  rowRuns[i] = runs
  return runs
end
local function maskOf(i)
  local m2, m1, m0 = string.byte(room, MASKS + 3 * (i - 1) + 1, MASKS + 3 * (i - 1) + 3)
  return m2 * 65536 + m1 * 256 + m0
end

-- Best start within a free run [first, first+length) of a row of `size` seats, or nil;
-- `orphan` tells whether it leaves a single free seat on either side. The order is: no orphan,
-- then nearest the centre, then leftmost. Distance to the centre is convex in the start and
-- only the second and the second-to-last starts leave an orphan, so the best is one of the
-- run's ends or within two seats of the nearest-to-centre start: those are all it looks at
-- (in order, so ties go left as before), not every start of a long run.
local function placeInRun(first, length, size)
  local centre = (size - 1) / 2
  local lo, hi = first, first + length - count
  local nearest = math.min(math.max(math.floor(centre - (count - 1) / 2), lo), hi)
  local best, bestDistance, bestOrphan
  local function consider(start)
    local left, right = start - first, first + length - (start + count)
    local orphan = left == 1 or right == 1
    local distance = math.abs(start + (count - 1) / 2 - centre)
    if best == nil or (bestOrphan and not orphan) or (orphan == bestOrphan and distance < bestDistance) then
      best, bestDistance, bestOrphan = start, distance, orphan
    end
  end
  consider(lo)
  for start = math.max(lo + 1, nearest - 2), math.min(hi - 1, nearest + 2) do consider(start) end
  if hi > lo then consider(hi) end
  return best, bestOrphan, bestDistance
end

-- A row's best orphan-free start, and its first orphan-making one (from its first such run),
-- each with the index of its run.
local function placeInRow(i)
  local size = #seatsOf(i)
  local choice, choiceRun, choiceDistance, fallback, fallbackRun
  for r, run in ipairs(runsOf(i)) do
    if run[2] >= count then
      local start, orphan, distance = placeInRun(run[1], run[2], size)
      if not orphan and (choice == nil or distance < choiceDistance) then
        choice, choiceRun, choiceDistance = start, r, distance
      elseif orphan and fallback == nil then
        fallback, fallbackRun = start, r
      end
    end
  end
  return choice, choiceRun, fallback, fallbackRun
end

-- The first row with an orphan-free placement; failing that, the first row with any placement.
-- Candidates are the rows whose longest run is at least `count`: one pattern search (in C) over
-- the longest-run bytes skips the full rows.
local countBit = bit.lshift(1, count - 1)
local fitting = '[' .. string.char(count) .. '-\255]'
local chosenRow, chosenStart, chosenRun, firstFitting
local at = string.find(room, fitting, ID_LENGTH + 1)
while at ~= nil and at <= MASKS do
  local i = at - ID_LENGTH
  firstFitting = firstFitting or i
  if string.byte(room, at) >= count + 2 or bit.band(maskOf(i), countBit) ~= 0 then
    chosenStart, chosenRun = placeInRow(i)
    if chosenStart ~= nil then
      chosenRow = i
      break
    end
  end
  at = string.find(room, fitting, at + 1)
end
if chosenRow == nil and firstFitting ~= nil then
  local _, _, fallback, fallbackRun = placeInRow(firstFitting)
  if fallback ~= nil then chosenRow, chosenStart, chosenRun = firstFitting, fallback, fallbackRun end
end

if chosenRow == nil then return { 0 } end

-- One call per structure for all the seats (a call per seat and structure was most of the cost).
local seats = seatsOf(chosenRow)
local chosen, ordinals, states, entries, scored = { 1, expiresAt }, {}, {}, {}, {}
for k = 1, count do
  local ordinal = tostring(seats[chosenStart + k])
  chosen[#chosen + 1], ordinals[k] = ordinal, ordinal
  local n = #states
  states[n + 1], states[n + 2], states[n + 3], states[n + 4] = 'SET', 'u2', '#' .. ordinal, 1
  entries[#entries + 1], entries[#entries + 2] = ordinal, user .. '|' .. expiresAt
  scored[#scored + 1], scored[#scored + 2] = expiresAt, ordinal
end
redis.call('BITFIELD', state, unpack(states))
redis.call('BITFIELD', seenKey, unpack(states))
redis.call('HSET', holds, unpack(entries))
redis.call('ZADD', expiry, unpack(scored))
addToUser(user, table.concat(ordinals, ','))
redis.call('HINCRBY', counts, user, count)

-- The room and its copy of the state now describe the state after this hold: the run the seats
-- came from leaves what was on either side of them.
local runs = runsOf(chosenRow)
local first, length = runs[chosenRun][1], runs[chosenRun][2]
runs[chosenRun] = { first, chosenStart - first }
runs[#runs + 1] = { chosenStart + count, first + length - chosenStart - count }
writeRow(chosenRow)
return chosen
