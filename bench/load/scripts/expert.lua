-- One expert's page, as staff open it from the roster.
function init(args)
  math.randomseed(1000 + (tid or 0))
end

function request()
  return page_request("/experts/" .. math.random(1, experts))
end
