# Product Importer: `make run` serves the app, `make test` runs every test.
# Both install what is missing first (Python venv, npm packages, the frontend build).

SHELL := /bin/bash
# The first Python >= 3.11 found (or PYTHON=... to choose one).
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
  command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := cd backend && ../$(PY) manage.py
FRONTEND_SRC := $(shell find frontend/src frontend/index.html frontend/playground frontend/vite.config.ts frontend/codegen.ts -type f 2>/dev/null)

.PHONY: run test test-backend test-frontend test-e2e lint schema migrate worker frontend clean help bench-products bench-imports bench-webhooks bench-exports bench-storage bench-uploads

help:
	@echo "make run    install what is missing, build the frontend, migrate, serve on 127.0.0.1:$${PORT:-8000}"
	@echo "make test   install what is missing, run every test (mode from DATABASE_URL/REDIS_URL)"
	@echo "make schema regenerate schema.graphql from the code"

$(VENV)/.installed: pyproject.toml
	@if [ ! -x $(PY) ]; then \
	  if [ -z "$(PYTHON)" ]; then echo "No Python 3.11 or newer found (tried python3.13, python3.12, python3.11, python3); install one or set PYTHON=/path/to/python3.x" >&2; exit 1; fi; \
	  echo "Using $$(command -v $(PYTHON)) ($$($(PYTHON) --version)) for $(VENV)"; \
	  $(PYTHON) -m venv $(VENV); \
	fi
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

frontend/node_modules/.installed: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

frontend/dist/index.html: frontend/node_modules/.installed schema.graphql $(FRONTEND_SRC)
	cd frontend && npm run build

frontend: $(if $(wildcard frontend/package.json),frontend/dist/index.html)

migrate: $(VENV)/.installed
	$(MANAGE) migrate --noinput

run: $(VENV)/.installed frontend migrate
	$(MANAGE) serve

worker: $(VENV)/.installed
	$(MANAGE) rundramatiq

schema: $(VENV)/.installed
	$(MANAGE) export_schema config.schema:schema --path ../schema.graphql

lint: $(VENV)/.installed $(if $(wildcard frontend/package.json),frontend/node_modules/.installed)
	$(VENV)/bin/ruff check backend bench
	cd backend && ../$(VENV)/bin/lint-imports ../.importlinter
	$(VENV)/bin/mypy
	cd frontend && npm run lint
	cd frontend && npm run format:check

test-backend: $(VENV)/.installed
	$(PY) -m pytest backend

test-frontend: $(if $(wildcard frontend/package.json),frontend/node_modules/.installed)
	@if [ -f frontend/package.json ]; then cd frontend && npm test; else echo "no frontend yet"; fi

test-e2e: $(VENV)/.installed frontend
	@if [ -f frontend/package.json ]; then cd frontend && npm run e2e; fi

test: lint test-backend test-frontend test-e2e

# Benchmarks print figures; they use PostgreSQL and Redis on 127.0.0.1 (see each script).
bench-products: $(VENV)/.installed
	$(PY) bench/products_bench.py

bench-imports: $(VENV)/.installed
	$(PY) bench/import_bench.py

bench-webhooks: $(VENV)/.installed
	$(PY) bench/webhook_bench.py

bench-exports: $(VENV)/.installed
	$(PY) bench/export_bench.py

bench-storage: $(VENV)/.installed
	$(PY) bench/storage_bench.py

bench-uploads: $(VENV)/.installed
	$(PY) bench/upload_bench.py

clean:
	rm -rf frontend/dist data/static
