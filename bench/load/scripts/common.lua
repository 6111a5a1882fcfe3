-- Shared by every scenario (the runner puts it before the scenario's script): count the
-- answers by class in each thread, and print one line of JSON that the runner reads.
-- Settings come from the environment: LOAD_COOKIE (a signed-in staff session) and
-- LOAD_CSRF (its forms' token), LOAD_TOKEN (the same staff's API token), LOAD_EXPERTS,
-- LOAD_ACTIONS, and for updates LOAD_DATA, LOAD_TAG and LOAD_OUT.

local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("tid", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

ok, failed, stored_ids = 0, 0, {}
token = os.getenv("LOAD_TOKEN") or ""
cookie = os.getenv("LOAD_COOKIE") or ""
csrf = os.getenv("LOAD_CSRF") or ""
experts = tonumber(os.getenv("LOAD_EXPERTS") or "1")
actions = tonumber(os.getenv("LOAD_ACTIONS") or "1")

-- A page as the signed-in browser asks for it.
function page_request(path)
  return wrk.format("GET", path, { ["Cookie"] = cookie })
end

-- An API call with the personal token.
function api_request(path)
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

-- A scenario may define on_success(headers) to remember what an answer confirmed.
function response(status, headers, body)
  if status >= 200 and status < 400 then
    ok = ok + 1
    if on_success then on_success(headers) end
  else
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local good, bad, ids = 0, 0, {}
  for _, t in ipairs(threads) do
    good = good + t:get("ok")
    bad = bad + t:get("failed")
    for _, id in ipairs(t:get("stored_ids") or {}) do table.insert(ids, id) end
  end
  local out = os.getenv("LOAD_OUT")
  if out and #ids > 0 then
    local f = assert(io.open(out, "w"))
    f:write(table.concat(ids, "\n"), "\n")
    f:close()
  end
  local e = summary.errors
  io.write(string.format(
    'LOAD-RESULT {"requests": %d, "duration_us": %d, "ok": %d, "failed": %d, '
      .. '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d, '
      .. '"p50_us": %d, "p99_us": %d, "max_us": %d, "confirmed": %d}\n',
    summary.requests, summary.duration, good, bad, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50), latency:percentile(99), latency.max, #ids))
end
