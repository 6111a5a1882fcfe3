-- The API's ranking for an Action: the top 10 with their reasons.
function init(args)
  math.randomseed(2000 + (tid or 0))
end

function request()
  return api_request("/api/v1/actions/" .. math.random(1, actions) .. "/matches?k=10")
end
