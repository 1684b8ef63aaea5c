-- Before a reservation: are these seats all held by this user, and until when? Read-only but for
-- the entry-token heartbeat, which it records in the same round trip as the hold scripts do.
-- KEYS 1-5 as in holds-common, 6 revoked admissions, 7 admitted users' last-seen (waiting room)
-- ARGV: 1 userId, 2 nowMs, 3 entry token id or '', 4.. seat ordinals
-- Returns {1, earliest expiresAt} | {0, ordinals not held by the user (or whose hold ran out)}
--         | {-3} the admission was revoked
local user, now = ARGV[1], tonumber(ARGV[2])
if entryRevoked(KEYS[6], KEYS[7], ARGV[3], user, now) then return { -3 } end
local notHeld, earliest = {}, nil
for i = 4, #ARGV do
  local owner, until_ = holdOf(ARGV[i])
  if owner ~= user or until_ <= now then
    notHeld[#notHeld + 1] = ARGV[i]
  elseif earliest == nil or until_ < earliest then
    earliest = until_
  end
end
if #notHeld > 0 then return { 0, unpack(notHeld) } end
return { 1, earliest }
