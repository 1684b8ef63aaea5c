-- Leave the waiting room (or give back an admission): frees the place or the active slot.
-- KEYS: 1 queue, 2 active, 3 active_seen, 4 meta
-- ARGV: 1 user id
local user = ARGV[1]
if redis.call('ZREM', KEYS[1], user) == 1 then
  redis.call('HINCRBY', KEYS[4], 'abandoned', 1)
  return 'left_queue'
end
if redis.call('ZREM', KEYS[2], user) == 1 then
  redis.call('ZREM', KEYS[3], user)
  return 'left_active'
end
return 'none'
