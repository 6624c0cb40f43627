# Two commands do everything on a fresh Debian machine: `make run` and `make test`.
# Each step is a file target, so re-running is fast when nothing changed.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := frontend/node_modules/.installed
MANIFEST := src/vodarr/web/static/dist/manifest.json
FRONTEND_INPUTS := $(shell find frontend/src -type f 2>/dev/null) $(wildcard frontend/*.ts frontend/*.json frontend/*.html)
PYTEST_ARGS ?=

# Installs a Debian package when the command is missing: as root directly, else says how.
define apt_install
	if [ "$$(id -u)" = "0" ]; then \
		echo "Installing $(1) with apt-get…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1) >/dev/null; \
	else \
		echo "$(1) is missing: run 'sudo apt-get install $(1)' and try again." >&2; exit 1; \
	fi
endef

.PHONY: run test test-postgres lint bench setup system-deps browser-deps migrate clean openapi

run: setup migrate
	$(BIN)/vodarr serve

test: setup browser-deps
	cd frontend && npm test --silent
	$(BIN)/pytest $(PYTEST_ARGS)

# The same suite (browser tests aside) on a throwaway PostgreSQL cluster.
test-postgres: setup
	bash scripts/test-postgres.sh $(PYTEST_ARGS)

lint: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	cd frontend && npm run typecheck --silent

bench: setup
	@# wrk drives the web benchmarks' clients (benchmarks/load.py).
	@command -v wrk >/dev/null || { $(call apt_install,wrk); }
	$(BIN)/python -m benchmarks

# The API's schema as committed in docs/openapi.json (tests/api/test_schema.py fails when stale).
openapi: $(PY_STAMP)
	$(BIN)/vodarr export_openapi_schema --api vodarr.api.api.api --indent 2 --sorted --output docs/openapi.json

setup: system-deps $(PY_STAMP) $(MANIFEST)

migrate: $(PY_STAMP)
	$(BIN)/vodarr migrate --noinput

system-deps:
	@command -v aria2c >/dev/null || { $(call apt_install,aria2); }
	@# ffprobe proves a finished download is real media (downloads/verify.py).
	@command -v ffprobe >/dev/null || { $(call apt_install,ffmpeg); }

browser-deps:
	@test -x /usr/bin/chromium || { $(call apt_install,chromium); }

$(PY_STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Vodarr needs Python 3.11 or newer (set PYTHON=python3.12 …)." >&2; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

$(NODE_STAMP): frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(MANIFEST): $(NODE_STAMP) $(FRONTEND_INPUTS)
	cd frontend && npm run build --silent
	@touch $@

clean:
	rm -rf $(VENV) frontend/node_modules src/vodarr/web/static/dist
