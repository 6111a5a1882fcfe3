# The commands the README gives. Every target creates .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
export FLASK_APP := roster
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: run test test-fast test-sqlite test-postgres test-browser test-api serve bench load lint format translations install clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed translations

translations: $(VENV)/.installed
	@[ ! -d roster/translations ] || $(BIN)/pybabel -q compile --use-fuzzy -d roster/translations -f 2>/dev/null || \
		$(BIN)/pybabel -q compile -d roster/translations

run: install
	$(BIN)/flask db upgrade
	$(BIN)/flask seed-taxonomy
	$(BIN)/flask seed-demo --if-empty
	@$(BIN)/flask demo-logins
	$(BIN)/flask run --host $(HOST) --port $(PORT)

# The whole suite on SQLite (browser tests included) and the app's tests on PostgreSQL, run
# side by side (a core each). Each log is printed whole once both are done, a failing one last,
# so the closing lines are pytest's summary of what failed; fails if either suite does.
SQLITE_SUITE := --db=sqlite
POSTGRES_SUITE := --db=postgres -m "not browser and not semantic" --ignore=tests/matching
test: install
	@logs=$$(mktemp -d); \
	echo "test: SQLite and PostgreSQL suites running side by side, logs in $$logs"; \
	$(BIN)/pytest $(SQLITE_SUITE) >$$logs/sqlite 2>&1 & sqlite=$$!; \
	$(BIN)/pytest -p no:cacheprovider $(POSTGRES_SUITE) >$$logs/postgres 2>&1 & postgres=$$!; \
	wait $$sqlite; s=$$?; wait $$postgres; p=$$?; \
	first=sqlite; last=postgres; [ $$p -ne 0 ] || [ $$s -eq 0 ] || { first=postgres; last=sqlite; }; \
	for suite in $$first $$last; do echo "===== $$suite suite ====="; cat $$logs/$$suite; done; \
	rm -rf $$logs; [ $$s -eq 0 ] && [ $$p -eq 0 ]

# The loop after each edit: SQLite, no browser, no optional backend, nothing marked slow.
test-fast: install
	$(BIN)/pytest --db=sqlite -m "not slow and not browser and not semantic"

test-sqlite: install
	$(BIN)/pytest

test-postgres: install
	$(BIN)/pytest --db=postgres -m "not browser"

test-browser: install
	$(BIN)/pytest -m browser tests/browser

test-api: install
	$(BIN)/pytest tests/api tests/test_permissions.py

# Production: refuses to start without SECRET_KEY, a PostgreSQL DATABASE_URL and EXTERNAL_BASE_URL (config.py);
# workers, timeouts and logs come from gunicorn.conf.py (WEB_CONCURRENCY, ...).
serve: install
	ROSTER_ENV=production $(BIN)/flask db upgrade
	ROSTER_ENV=production $(BIN)/gunicorn -c gunicorn.conf.py --bind $(HOST):$(PORT) 'roster:create_app()'

# The matching library at 1k/10k/100k experts (add ARGS="speed --million" for 1M), its
# quality, the app's ranking service over 10,000 experts in the database, then the roster
# search over 100,000 experts (SQLite FTS5) against the LIKE scan it replaced.
bench: install
	$(BIN)/python -m bench $(ARGS)
	$(BIN)/python -m bench.app_match
	$(BIN)/python -m bench.search

# The app under gunicorn on a throwaway roster of 10,000 experts, driven by wrk (bench/load/);
# exits non-zero when a target is missed. ARGS="--duration 30 --db sqlite" and so on.
load: install
	$(BIN)/python -m bench.load $(ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
