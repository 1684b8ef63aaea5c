-- Releases seats a user holds (all of them when no ordinal is given). Seats held by someone
-- else, or no longer held, are left alone.
-- ARGV: 1 userId, 2.. ordinals (optional)
-- Returns the released ordinals.
if stateMissing then return {} end
local user = ARGV[1]
local wanted = {}
if #ARGV > 1 then
  for i = 2, #ARGV do wanted[#wanted + 1] = ARGV[i] end
else
  local list = redis.call('HGET', byUser, user)
  if list then for o in string.gmatch(list, '[^,]+') do wanted[#wanted + 1] = o end end
end
local released = {}
for _, ordinal in ipairs(wanted) do
  local owner = holdOf(ordinal)
  if owner == user then
    dropHold(ordinal, owner, 0)
    released[#released + 1] = ordinal
  end
end
return released
