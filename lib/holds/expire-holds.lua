-- Frees holds whose time ran out, oldest first, at most ARGV[2] of them per call.
-- ARGV: 1 nowMs, 2 batch size
-- Returns the number freed.
if stateMissing then return 0 end
local now, batch = tonumber(ARGV[1]), tonumber(ARGV[2])
local due = redis.call('ZRANGEBYSCORE', expiry, '-inf', now, 'LIMIT', 0, batch)
local freed = 0
for _, ordinal in ipairs(due) do
  local owner, until_ = holdOf(ordinal)
  if owner == nil then
    redis.call('ZREM', expiry, ordinal)
  elseif until_ <= now then
    dropHold(ordinal, owner, 0)
    freed = freed + 1
  end
end
return freed
