# Wijkennis: the two front doors are `make start` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/wijkennis
DEMO_STORIES ?= 40
APT_INSTALL := DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends

.PHONY: start install test test-sqlite test-postgres test-deps lint format messages bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when the dependency list changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# msgfmt compiles the Dutch catalogue; Debian's gettext provides it.
messages:
	@command -v msgfmt >/dev/null || (apt-get update -qq && $(APT_INSTALL) gettext)
	@$(BIN)/wijkennis compilemessages --ignore '.venv/*' --verbosity 0

install: $(VENV)/.installed messages
	@# Builds deduce's lookup cache once (about a minute the first time).
	$(BIN)/wijkennis deidentify --warm

start: install
	$(BIN)/wijkennis migrate --noinput
	$(BIN)/wijkennis load_vocabulary
	$(BIN)/wijkennis load_trainings
	$(BIN)/wijkennis demo --stories $(DEMO_STORIES) --if-empty
	@echo "Wijkennis: open http://127.0.0.1:8000 and log in with a demo account above (Ctrl+C stops)."
	DJANGO_DEBUG=0 $(BIN)/wijkennis runserver 127.0.0.1:8000

test-deps: $(VENV)/.installed-test messages
	@command -v chromium >/dev/null || (apt-get update -qq && $(APT_INSTALL) chromium)
	@test -f node_modules/axe-core/axe.min.js || npm ci --no-audit --no-fund --silent
	@# The RUM index speeds up rare words in PostgreSQL search (docs/ARCHITECTURE.md, Search).
	@if [ -d /usr/lib/postgresql/15 ] && [ ! -f /usr/share/postgresql/15/extension/rum.control ]; then \
		(apt-get update -qq && $(APT_INSTALL) postgresql-15-rum) \
		|| echo "!! postgresql-15-rum not installed: PostgreSQL search is tested without the RUM index"; \
	fi
	$(BIN)/wijkennis deidentify --warm

# The two runs share nothing but the machine: side by side they took 11–13 minutes on a
# 2-core machine, against 16.5 one after the other; each run's output is printed as one block.
test: test-deps lint
	@$(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite test-postgres

test-sqlite:
	@echo "== Test suite on SQLite =="
	$(BIN)/pytest

test-postgres:
	@if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null || $(BIN)/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then \
		echo "== Test suite on PostgreSQL ($(PG_URL)) =="; \
		DATABASE_URL=$(PG_URL) $(BIN)/pytest; \
	else \
		echo ""; \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
		echo "!! PostgreSQL is NOT reachable on 127.0.0.1:5432: the PostgreSQL run is   !!"; \
		echo "!! SKIPPED. Only SQLite was tested. Start PostgreSQL 15 to test both.     !!"; \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
	fi

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Search benchmark (figures in docs/BENCHMARKS.md); N=1000000 for the large run.
N ?= 100000
bench: $(VENV)/.installed-test
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/search.py --n $(N) --backend all

clean:
	rm -rf $(VENV) var node_modules
