-- The soak's load: each wrk thread (one connection each: run wrk with -t N -c N) plays one user
-- after another: log in, add to the cart, read it, then log out (LOGOUT_EVERY - 1 users in
-- LOGOUT_EVERY) or walk away, leaving the session to expire. BASE is the path of the endpoints,
-- LOGIN the login endpoint's name under it; DELAY_MS spaces a thread's requests out (wrk's delay()),
-- which sets the rate. Prints one RESULT line as session.lua does.
local base = os.getenv("BASE")
local login = os.getenv("LOGIN") or "login"
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local logout_every = tonumber(os.getenv("LOGOUT_EVERY") or "4")
local step, cookie, users = 0, nil, 0

function request()
  local headers = {}
  if cookie then headers["Cookie"] = cookie end
  if step == 0 then
    cookie = nil
    return wrk.format("POST", base .. "/" .. login, {}, nil)
  elseif step == 1 then
    return wrk.format("POST", base .. "/cart", headers, nil)
  elseif step == 2 then
    return wrk.format("GET", base .. "/cart", headers, nil)
  else
    return wrk.format("POST", base .. "/logout", headers, nil)
  end
end

function response(status, headers, body)
  if step == 0 then
    local set = headers["Set-Cookie"]
    if set then cookie = set:match("^([^;]+)") end
  end
  if step == 2 then
    users = users + 1
    step = (users % logout_every == 0) and 0 or 3 -- every LOGOUT_EVERY-th user walks away
  elseif step == 3 then
    step = 0
  else
    step = step + 1
  end
end

-- wrk runs a request through its timer whenever the script has a delay() function, even for 0 ms,
-- which caps a connection at about 60 requests a second: so there is one only when a delay is asked.
if delay_ms > 0 then
  function delay()
    return delay_ms
  end
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d\n",
      summary.requests / (summary.duration / 1000000), latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, errors))
end
