/**
 * The Lua script behind `RedisStore`: one atomic round trip that advances, checks and (only if
 * every window admits the request) records every window of one subject. Same algorithm as
 * `BucketRing`; see docs/ratelimit.md.
 *
 * KEYS[i]  = rl:{<subject>}:<rule name>   (one hash per window, same hash tag => same cluster slot)
 * ARGV[1]  = nowMs (the caller's clock)
 * ARGV[3i-1], ARGV[3i], ARGV[3i+1] = limit, windowMs, bucketMs of rule i
 *
 * Hash fields: s = running sum, lo = oldest live bucket index, hi = newest bucket that got a hit,
 * w/b = the layout (windowMs/bucketMs; a change resets the window), and one field per non-empty
 * bucket named by its bucket index. Expired buckets are deleted lazily: per index when fewer
 * buckets elapsed than fields exist, else by one HGETALL; after a whole idle window the key is
 * deleted (PEXPIRE drops it anyway).
 *
 * Reply: { allowed (0|1), then per rule: sum, resetMs, retryAfterMs }. Buckets are scanned
 * (HGETALL, sorted) only on rejection, for the windows that have no room.
 */
export const CONSUME_SCRIPT = `
local function str(x) return string.format('%.0f', x) end
local now = tonumber(ARGV[1])
local nrules = #KEYS
local limits, spans, bsizes, sums, los, his = {}, {}, {}, {}, {}, {}
local allowed = 1
for i = 1, nrules do
  local key = KEYS[i]
  local limit = tonumber(ARGV[3 * i - 1])
  local win = tonumber(ARGV[3 * i])
  local bms = tonumber(ARGV[3 * i + 1])
  local span = win / bms
  local c = math.floor(now / bms)
  local h = redis.call('HMGET', key, 's', 'lo', 'hi', 'w', 'b')
  local sum = tonumber(h[1]) or 0
  local lo = tonumber(h[2])
  local hi = tonumber(h[3]) or -1
  if lo == nil or tonumber(h[4]) ~= win or tonumber(h[5]) ~= bms then
    if lo ~= nil then redis.call('DEL', key) end
    sum = 0
    hi = -1
    lo = c - span
  elseif c - span > lo then
    local newlo = c - span
    if newlo - lo > span or sum == 0 then
      redis.call('DEL', key)
      sum = 0
      hi = -1
    else
      if newlo - lo <= redis.call('HLEN', key) - 5 then
        for x = lo, newlo - 1 do
          local f = str(x)
          local v = redis.call('HGET', key, f)
          if v then
            sum = sum - tonumber(v)
            redis.call('HDEL', key, f)
          end
        end
      else
        local all = redis.call('HGETALL', key)
        for j = 1, #all, 2 do
          local x = tonumber(all[j])
          if x and x < newlo then
            sum = sum - tonumber(all[j + 1])
            redis.call('HDEL', key, all[j])
          end
        end
      end
      redis.call('HSET', key, 's', str(sum), 'lo', str(newlo))
    end
    lo = newlo
  end
  if sum >= limit then allowed = 0 end
  limits[i], spans[i], bsizes[i], sums[i], los[i], his[i] = limit, span, bms, sum, lo, hi
end

local out = { allowed }
for i = 1, nrules do
  local key = KEYS[i]
  local limit, span, bms, sum, lo, hi = limits[i], spans[i], bsizes[i], sums[i], los[i], his[i]
  local cur = lo + span
  local wait = 0
  if allowed == 1 then
    redis.call('HINCRBY', key, str(cur), 1)
    sum = sum + 1
    if hi == cur then
      -- Same bucket as the newest hit: lo, hi, w, b and the expiry are already stored.
      redis.call('HINCRBY', key, 's', 1)
    else
      hi = cur
      redis.call('HSET', key, 's', str(sum), 'lo', str(lo), 'hi', str(hi), 'w', str(span * bms), 'b', str(bms))
      redis.call('PEXPIRE', key, str((cur + span + 1) * bms - now))
    end
  elseif sum >= limit then
    local excess = sum - limit + 1
    local all = redis.call('HGETALL', key)
    local xs, counts = {}, {}
    for j = 1, #all, 2 do
      local x = tonumber(all[j])
      if x then
        xs[#xs + 1] = x
        counts[x] = tonumber(all[j + 1])
      end
    end
    table.sort(xs)
    local freed = 0
    wait = (cur + span + 1) * bms - now
    for _, x in ipairs(xs) do
      freed = freed + counts[x]
      if freed >= excess then
        wait = (x + span + 1) * bms - now
        break
      end
    end
  end
  local reset = 0
  if sum > 0 then reset = (hi + span + 1) * bms - now end
  out[#out + 1] = sum
  out[#out + 1] = reset
  out[#out + 1] = wait
end
return out
`;
