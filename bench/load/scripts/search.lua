-- The roster search page as staff use it: free text, a theme or a language, a few pages.
local queries = {
  "q=asylum", "q=trafficking", "q=border", "q=statistics", "q=reintegration",
  "q=Garc%C3%ADa", "q=ministry", "theme=asylum", "theme=labour-migration",
  "language=es&min_level=C1", "language=ru", "country=KZ", "q=data&sort=name",
  "status=approved&joined_year=2021", "q=training&language=fr",
}
local n = 0

function init(args)
  n = tid or 0
end

function request()
  n = n + 1
  local page = (n % 3) + 1
  return page_request("/experts/?" .. queries[(n % #queries) + 1] .. "&page=" .. page)
end
