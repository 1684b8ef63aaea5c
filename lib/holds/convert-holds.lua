-- After a reservation commits in PostgreSQL: its seats stop being holds and become taken
-- (state 2). The user's count is unchanged: the seats still count against the per-person limit.
-- ARGV: 1 userId, 2.. ordinals
-- Missing state: PostgreSQL already has the reservation, and the rebuild will show it.
if stateMissing then return 0 end
local user = ARGV[1]
for i = 2, #ARGV do
  local ordinal = ARGV[i]
  local owner = holdOf(ordinal)
  if owner ~= nil then
    if owner == user then
      dropHold(ordinal, owner, 2)
    else
      -- Our hold expired and someone else holds it now; PostgreSQL gave us the seat, so the
      -- other hold is void: free their count and take the seat.
      dropHold(ordinal, owner, 0)
      setSeatState(ordinal, 2)
      redis.call('HINCRBY', counts, user, 1)
    end
  else
    if seatState(ordinal) ~= 2 then
      -- The hold expired and nobody took it: count the seat for this user again.
      redis.call('HINCRBY', counts, user, 1)
      setSeatState(ordinal, 2)
    end
  end
end
return #ARGV - 1
