-- wrk script: every connection is one registered patient (phone +2547100NNNNN, N = thread number) running the
-- 7-hop booking conversation in order, again and again: dial, Book, a service, a doctor, the second day
-- offered (tomorrow, as today may have only a few times left; the first when it is the only one left),
-- a time (the patient's usual key, or the last one when the day has fewer left), Confirm. Service, doctor and
-- time keys differ per patient so that patients rarely want the same slot.
-- Counts: bad answers (not 200, not CON/END, apology, or an unexpected screen), bookings, and conversations
-- ended by "that time has just been taken" (another patient got the slot first). Also times each hop of the
-- conversation apart (whole milliseconds, capped at 1 s), to show which hops make the tail.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } timespec_t;
  int clock_gettime(int clock, timespec_t *now);
]]
local MONOTONIC = 1
local clockNow = ffi.new("timespec_t")
local HOP_NAMES = { "dial", "Book", "service", "doctor", "day", "time", "Confirm" }
local MAX_MS = 1000

local function millis()
  ffi.C.clock_gettime(MONOTONIC, clockNow)
  return tonumber(clockNow.tv_sec) * 1000 + tonumber(clockNow.tv_nsec) / 1e6
end

local threads = {}
local counter = 0
-- session ids differ from run to run: a session id already stored gets its stored screen back (a repeat)
local run = os.time()

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  -- per hop of the conversation, per whole millisecond: how many answers took that long
  timings = {}
  step = 0
  newSession = true
  session = 0
  text = ""
  bad = 0
  booked = 0
  taken = 0
  phone = string.format("%%2B2547100%05d", id)
  serviceKey = tostring((id % 2) + 1)
  -- half of id, as the service key already takes its parity: so every one of the 20 doctors has patients
  doctorKey = tostring((math.floor(id / 2) % 10) + 1)
  timeKey = tostring((id % 8) + 1)
  inputs = { "1", serviceKey, doctorKey, "2", timeKey, "1" }
end

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  sentAt = millis()
  sentStep = step
  if newSession then
    newSession = false
    session = session + 1
    text = ""
  end
  local body = "sessionId=bench-" .. run .. "-" .. id .. "-" .. session .. "&serviceCode=%2A384%2A1%23&phoneNumber=" .. phone
      .. "&networkCode=99999&text=" .. urlencode(text)
  return wrk.format("POST", "/at/ussd", { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

-- the numbered choices of a list screen, not counting "98. More"
local function choices(body)
  local n = 0
  for key in body:gmatch("\n(%d+)%. ") do
    if key ~= "98" then
      n = n + 1
    end
  end
  return n
end

local function push(input)
  text = (text == "") and input or (text .. "*" .. input)
end

function response(status, headers, body)
  local key = sentStep * (MAX_MS + 1) + math.min(math.floor(millis() - sentAt), MAX_MS)
  timings[key] = (timings[key] or 0) + 1
  local ok = status == 200 and (body:sub(1, 4) == "CON " or body:sub(1, 4) == "END ")
  if step == 0 and body:find("did not finish", 1, true) then
    -- the last conversation ended on "taken" without END: start over (one extra hop)
    push("2")
    return
  end
  if ok and body:find("just been taken", 1, true) then
    -- the time (or every time of the day) went to another patient meanwhile: a correct answer, the
    -- conversation is over
    taken = taken + 1
    step = 0
    newSession = true
    return
  end
  if step < 6 then
    ok = ok and body:sub(1, 4) == "CON " and not body:find("Invalid", 1, true)
  elseif body:find("^END Booked") then
    booked = booked + 1
  else
    ok = false
  end
  if not ok then
    bad = bad + 1
    if bad <= 3 then
      io.stderr:write("bad answer (patient " .. id .. ", hop " .. (step + 1) .. ", status " .. status .. "): " .. body .. "\n")
    end
    step = 0
    newSession = true
    return
  end
  if step == 6 then
    step = 0
    newSession = true
  else
    step = step + 1
    local input = inputs[step]
    if step == 4 or step == 5 then
      -- late in a run fewer days, or times of the day, may be left than this patient's usual choice
      input = tostring(math.min(tonumber(input), choices(body)))
    end
    push(input)
  end
end

-- "p50 6 ms, p99 33 ms" of one hop's timings
local function percentiles(timings, step)
  local total, seen = 0, 0
  for ms = 0, MAX_MS do
    total = total + (timings[step * (MAX_MS + 1) + ms] or 0)
  end
  local p50, p99
  for ms = 0, MAX_MS do
    seen = seen + (timings[step * (MAX_MS + 1) + ms] or 0)
    p50 = p50 or (seen >= total * 0.5 and ms)
    p99 = p99 or (seen >= total * 0.99 and ms)
  end
  return total, p50, p99
end

function done(summary, latency, requests)
  local timings = {}
  local totalBad, totalBooked, totalTaken = 0, 0, 0
  for _, thread in ipairs(threads) do
    for key, count in pairs(thread:get("timings")) do
      timings[key] = (timings[key] or 0) + count
    end
    totalBad = totalBad + thread:get("bad")
    totalBooked = totalBooked + thread:get("booked")
    totalTaken = totalTaken + thread:get("taken")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("hops: %d in %.1f s = %.0f hops/s\n", summary.requests, seconds, summary.requests / seconds))
  io.write(string.format("latency per hop: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("bookings: %d, times taken meanwhile: %d\n", totalBooked, totalTaken))
  io.write(string.format("bad answers: %d (socket errors: %d connect, %d read, %d write, %d timeout; non-2xx: %d)\n",
      totalBad, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
      summary.errors.status))
  for step = 0, #HOP_NAMES - 1 do
    local count, p50, p99 = percentiles(timings, step)
    io.write(string.format("  hop %d %-8s %6d answers, p50 %s ms, p99 %s ms\n", step + 1, HOP_NAMES[step + 1], count,
        tostring(p50), tostring(p99)))
  end
end
