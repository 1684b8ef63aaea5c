-- A reservation ended (expired, cancelled, refunded): its seats are free again and no longer
-- count against the user's limit.
-- ARGV: 1 userId, 2.. ordinals
if stateMissing then return 0 end
local user = ARGV[1]
local freed = 0
for i = 2, #ARGV do
  if seatState(ARGV[i]) == 2 then
    setSeatState(ARGV[i], 0)
    freed = freed + 1
  end
end
if freed > 0 then redis.call('HINCRBY', counts, user, -freed) end
return freed
