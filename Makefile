# Kuntakokeilu: the README's commands. Needs only Python 3.11 and pip; creates .venv itself.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# The demo's "today" (the injected clock): a day while the pilot ran, so that worklists and customers are live.
# `make run DEMO_TODAY=` (empty) uses the real date.
DEMO_TODAY ?= 2022-09-01
export DEBUG ?= 1

.PHONY: install run serve test test-nodb test-db test-e2e lint format messages bench bench-screening bench-serve bench-whatif bench-service catalogue clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11)' 2>/dev/null \
	  || { echo "Python 3.11 is needed (found: $(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## make run: install, migrate, load the reference data, serve on 127.0.0.1:8000 with the background worker
## beside it (kuntakokeilu worker); Ctrl-C stops both (a job still running is failed with the reason)
run: install
	mkdir -p var
	$(BIN)/kuntakokeilu migrate --noinput
	KUNTAKOKEILU_TODAY=$${KUNTAKOKEILU_TODAY-$(DEMO_TODAY)} $(BIN)/kuntakokeilu demo
	@echo "Serving Kuntakokeilu on http://$(HOST):$(PORT)/ as on $${KUNTAKOKEILU_TODAY-$(DEMO_TODAY)}"
	export KUNTAKOKEILU_TODAY=$${KUNTAKOKEILU_TODAY-$(DEMO_TODAY)}; \
	$(BIN)/kuntakokeilu worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(BIN)/kuntakokeilu runserver --noreload $(HOST):$(PORT)

## make serve: the production way (docs/operations.md): DEBUG off, gunicorn and the job worker, static
## files through WhiteNoise; needs SECRET_KEY (and DATABASE_URL for PostgreSQL). No demo data.
## With MIGRATE_DATABASE_URL (the tables' owner) migrate and the reference data run as the owner, then
## grant_app_role gives DATABASE_URL's role its rights (only SELECT and INSERT on the access log).
SERVE_PORT ?= 8000
GUNICORN_WORKERS ?= 4
serve: install
	@test -n "$$SECRET_KEY" || { echo "make serve needs SECRET_KEY (docs/operations.md)"; exit 1; }
	export DEBUG=0; \
	as_owner() { if [ -n "$$MIGRATE_DATABASE_URL" ]; then DATABASE_URL="$$MIGRATE_DATABASE_URL" "$$@"; else "$$@"; fi; }; \
	as_owner $(BIN)/kuntakokeilu migrate --noinput && \
	as_owner $(BIN)/kuntakokeilu load_reference_data && \
	{ test -z "$$MIGRATE_DATABASE_URL" || as_owner $(BIN)/kuntakokeilu grant_app_role "$$($(BIN)/python -c \
	  'import os, dj_database_url; print(dj_database_url.parse(os.environ["DATABASE_URL"])["USER"])')"; } && \
	$(BIN)/kuntakokeilu collectstatic --noinput --verbosity 0 && \
	{ $(BIN)/kuntakokeilu worker & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	  $(BIN)/gunicorn kuntakokeilu.wsgi:application --bind $(HOST):$(SERVE_PORT) \
	    --workers $(GUNICORN_WORKERS) --access-logfile - --graceful-timeout 20; }

## make test: the whole suite (the unit, database and browser tests). First ensures Chromium for the
## browser tests (tools/ensure_chromium.sh: installs it as root with apt-get, else says how to);
## KK_SKIP_BROWSER=1 skips them instead.
test: install
	sh tools/ensure_chromium.sh
	$(BIN)/pytest

## CI runs the database-free suite once and the database suites per database
test-nodb: install
	$(BIN)/pytest -m "nodb"

test-db: install
	sh tools/ensure_chromium.sh
	$(BIN)/pytest -m "not nodb"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## make messages: refresh every app's fi/sv catalogue (needs GNU gettext) and compile them
messages: install
	for app in src/kuntakokeilu/*/; do \
	  if [ -d "$$app/locale" ]; then (cd $$app && ../../../$(BIN)/kuntakokeilu makemessages -l fi -l sv --no-obsolete >/dev/null); fi; \
	done
	$(BIN)/python tools/compile_messages.py

## make bench [PERSONS=300000] [DB=both|sqlite|postgres] [REPEAT=1]: the initial transfer's benchmark
## (benchmarks/README.md); each measured step's figure is the minimum of REPEAT runs. PostgreSQL on
## 127.0.0.1:5432 (BENCH_POSTGRES_URL). Not part of `make test`; CI runs PERSONS=3000 once.
PERSONS ?= 300000
DB ?= both
REPEAT ?= 1
bench: install
	$(BIN)/python -m benchmarks.initial_transfer --persons $(PERSONS) --db $(DB) --repeat $(REPEAT)

## make catalogue: every action of the catalogue with the roles that may take it (also /access/catalogue/)
## make bench-screening [ITEMS=2000,20000]: screening many applications together (benchmarks/screening.py)
ITEMS ?= 2000,20000
bench-screening: install
	$(BIN)/python -m benchmarks.screening --items $(ITEMS)

## make bench-serve [PERSONS=30000] [CLIENTS=50] [DURATION=20]: pages under load on the production server
## (gunicorn, 4 workers, DEBUG=0) over a fresh PostgreSQL database on 127.0.0.1:5432 (benchmarks/serve_load.py);
## port BENCH_PORT (8031). Not part of `make test`.
## BASELINE=<commit>: that commit's src/ (git archive into var/bench/base) is served first on the same data,
## before/after in one run (issue 21); PROFILE=N profiles N person pages in-process afterwards.
CLIENTS ?= 50
DURATION ?= 20
BENCH_PORT ?= 8031
bench-serve: install
	$(if $(BASELINE),rm -rf var/bench/base && mkdir -p var/bench/base && git archive $(BASELINE) src | tar -x -C var/bench/base)
	$(BIN)/python -m benchmarks.serve_load --persons $(if $(filter file,$(origin PERSONS)),30000,$(PERSONS)) \
	  --clients $(CLIENTS) --duration $(DURATION) --port $(BENCH_PORT) \
	  $(if $(BASELINE),--baseline-src var/bench/base/src) $(if $(PROFILE),--profile $(PROFILE))

## make bench-whatif [WHATIF_PERSONS=600000] [WHATIF_DB=sqlite|postgres]: the target-group what-if against the
## plain loop of its predicate (benchmarks/whatif.py, benchmarks/README.md); not in make test
WHATIF_PERSONS ?= 600000
WHATIF_DB ?= sqlite
bench-whatif: install
	$(BIN)/python -m benchmarks.whatif --persons $(WHATIF_PERSONS) --db $(WHATIF_DB)

catalogue: install
	$(BIN)/kuntakokeilu catalogue

## make bench-service [PERSONS=300000] [DB=both|sqlite|postgres] [REPEAT=1] [REQUESTS=20]: the service process
## (issue 16 item 8; benchmarks/service_process.py): every customer's deadlines for a month's close against a
## plain loop without the ORM, and the worklist pages' median and SQL queries. Not part of `make test`.
REQUESTS ?= 20
bench-service: install
	$(BIN)/python -m benchmarks.service_process --persons $(PERSONS) --db $(DB) --repeat $(REPEAT) \
	  --requests $(REQUESTS)

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache .import_linter_cache
