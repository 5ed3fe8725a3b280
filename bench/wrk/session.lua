-- One request shape for wrk: METHOD (GET or POST) to the URL given on the command line, with a
-- cookie taken in turn from the pool in the file COOKIES (one "name=value" a line), or none
-- when COOKIES is empty. Prints one RESULT line that run.sh reads.
local cookies = {}
local next_cookie = 0
local method = os.getenv("METHOD") or "GET"

function init(args)
  local file = os.getenv("COOKIES")
  if file and file ~= "" then
    for line in io.lines(file) do
      cookies[#cookies + 1] = line
    end
  end
  if #cookies > 0 then
    next_cookie = math.random(#cookies)
  end
end

function request()
  local headers = {}
  if #cookies > 0 then
    next_cookie = next_cookie % #cookies + 1
    headers["Cookie"] = cookies[next_cookie]
  end
  return wrk.format(method, nil, headers, nil)
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d\n",
      summary.requests / (summary.duration / 1000000), latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, errors))
end
