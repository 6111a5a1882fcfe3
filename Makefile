# The commands the README gives. Every target creates .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
export FLASK_APP := roster
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: run test test-sqlite test-postgres test-browser test-api serve bench load lint format translations install clean

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

# The whole suite on SQLite (browser tests included), then the app's tests again on PostgreSQL;
# both run even when the first fails, so one CI log shows every failure.
test: install
	@status=0; \
	$(BIN)/pytest || status=$$?; \
	$(BIN)/pytest --db=postgres -m "not browser and not semantic" --ignore=tests/matching || status=$$?; \
	exit $$status

test-sqlite: install
	$(BIN)/pytest

test-postgres: install
	$(BIN)/pytest --db=postgres -m "not browser"

test-browser: install
	$(BIN)/pytest -m browser tests/browser

test-api: install
	$(BIN)/pytest tests/api tests/test_permissions.py

# Production: refuses to start without SECRET_KEY and a PostgreSQL DATABASE_URL (see config.py);
# workers, timeouts and logs come from gunicorn.conf.py (WEB_CONCURRENCY, ...).
serve: install
	ROSTER_ENV=production $(BIN)/flask db upgrade
	ROSTER_ENV=production $(BIN)/gunicorn -c gunicorn.conf.py --bind $(HOST):$(PORT) 'roster:create_app()'

# The matching library at 1k/10k/100k experts (add ARGS="speed --million" for 1M), its
# quality, then the app's ranking service over 10,000 experts in the database.
bench: install
	$(BIN)/python -m bench $(ARGS)
	$(BIN)/python -m bench.app_match

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
