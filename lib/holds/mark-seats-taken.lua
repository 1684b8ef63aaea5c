-- PostgreSQL says these seats are in someone's live reservation while Redis thought otherwise
-- (a failover lost writes): drop whatever holds sit on them and show them as taken.
-- ARGV: 1.. ordinals
if stateMissing then return 0 end
for i = 1, #ARGV do
  local owner = holdOf(ARGV[i])
  if owner ~= nil then dropHold(ARGV[i], owner, 0) end
  setSeatState(ARGV[i], 2)
end
return #ARGV
