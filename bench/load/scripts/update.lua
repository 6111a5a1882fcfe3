-- Staff save the About step of expert profiles, each with a value written once:
-- position = "<LOAD_TAG>-<expert id>". Each thread takes every Nth line of LOAD_DATA
-- ("id version urlencoded-fields"), so no expert is updated twice in a run; a thread that
-- runs out stops rather than write an expert again. A success (a redirect to the next
-- step, which names the expert) is remembered, and the runner checks each one is stored.
-- (wrk calls the first thread's request() once to check it and never sends that one: its
-- expert is simply not written.)
local lines = {}
local next_line = 1
local tag = os.getenv("LOAD_TAG") or "load"

function init(args)
  local stride = tonumber(os.getenv("LOAD_THREADS") or "1")
  local i = 0
  for line in io.lines(os.getenv("LOAD_DATA")) do
    if i % stride == (tid or 0) then table.insert(lines, line) end
    i = i + 1
  end
end

function request()
  local line = lines[next_line]
  if not line then
    wrk.thread:stop()
    return api_request("/healthz")
  end
  next_line = next_line + 1
  local id, version, fields = line:match("^(%d+) (%d+) (.*)$")
  local body = fields .. "&version=" .. version .. "&position=" .. tag .. "-" .. id
    .. "&csrf_token=" .. csrf
  return wrk.format("POST", "/experts/" .. id .. "/edit/about", {
    ["Cookie"] = cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end

function on_success(headers)
  for name, value in pairs(headers) do
    if name:lower() == "location" then
      local id = value:match("/experts/(%d+)/edit/")
      if id then table.insert(stored_ids, tonumber(id)) end
    end
  end
end
