# Two entry points for a fresh clone (Python 3.10+, git, node/npm):
#   make docs   set up .venv and serve the docs site with its example designs
#   make test   set up .venv and node_modules, then run every check CI runs
# Set-up is idempotent: it reinstalls only when pyproject.toml or package-lock.json change.

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.archdesign-install
NPM_STAMP := node_modules/.archdesign-install
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# CI has no stdin and no display; nothing below may prompt.
export PYTHONDONTWRITEBYTECODE := 1
# Material prints a banner about MkDocs 2 on every build; it is noise in CI logs.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install install-js docs docs-build test lint typecheck pytest bench clean

help:
	@echo "make docs        serve the docs site on http://127.0.0.1:8000"
	@echo "make docs-build  build the docs site strictly into site/"
	@echo "make test        lint, type-check, run pytest and build the docs strictly"
	@echo "make bench       the performance benchmark (about 30 min; BENCH_ARGS=--quick for seconds)"

# The stamp holds a hash of pyproject.toml, so an edited dependency list reinstalls and an
# unchanged one costs nothing (mtimes are useless after a git clone or checkout).
install:
	@hash=$$(sha256sum pyproject.toml | cut -c1-16); \
	if [ ! -x "$(BIN)/python" ]; then \
		echo "creating $(VENV) with $(PYTHON)"; \
		$(PYTHON) -m venv "$(VENV)" || exit 2; \
	fi; \
	if [ "$$(cat "$(PY_STAMP)" 2>/dev/null)" != "$$hash" ]; then \
		echo "installing mkdocs-archdesign[dev] into $(VENV)"; \
		"$(BIN)/python" -m pip install -q -e '.[dev]' && \
		echo "$$hash" > "$(PY_STAMP)"; \
	fi

# mermaid from npm feeds the offline browser tests (see tests/browser/conftest.py).
install-js:
	@hash=$$(sha256sum package-lock.json 2>/dev/null || sha256sum package.json); \
	hash=$$(echo "$$hash" | cut -c1-16); \
	if [ "$$(cat "$(NPM_STAMP)" 2>/dev/null)" != "$$hash" ]; then \
		echo "installing JavaScript test dependencies"; \
		if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; \
		else npm install --no-audit --no-fund --loglevel=error; fi && \
		echo "$$hash" > "$(NPM_STAMP)"; \
	fi

docs: install
	"$(BIN)/mkdocs" serve

docs-build: install
	"$(BIN)/mkdocs" build --strict

lint: install
	"$(BIN)/ruff" check
	"$(BIN)/ruff" format --check

typecheck: install
	"$(BIN)/mypy" --strict src

pytest: install install-js
	@if [ -f scripts/properdocs-env.sh ]; then bash scripts/properdocs-env.sh; fi
	@if [ -f scripts/zensical-env.sh ]; then bash scripts/zensical-env.sh; fi
	"$(BIN)/pytest" -p no:cacheprovider

# Every step runs even when an earlier one fails, so one CI log shows every problem;
# the target still fails if any step did.
test: install install-js
	@failed=""; \
	step() { echo "==> $$*"; "$$@" || failed="$$failed  $$*\n"; }; \
	if [ -f scripts/properdocs-env.sh ]; then step bash scripts/properdocs-env.sh; fi; \
	if [ -f scripts/zensical-env.sh ]; then step bash scripts/zensical-env.sh; fi; \
	step "$(BIN)/ruff" check; \
	step "$(BIN)/ruff" format --check; \
	step "$(BIN)/mypy" --strict src; \
	step "$(BIN)/pytest" -p no:cacheprovider; \
	step "$(BIN)/mkdocs" build --strict --site-dir site; \
	if [ -n "$$failed" ]; then printf "\nFAILED:\n$$failed"; exit 1; fi; \
	echo "all checks passed"

# The figures on docs/performance.md come from one run of this; markdownlint-cli2 is the
# comparison tool, pinned in benchmarks/package-lock.json.
bench: install
	cd benchmarks && npm ci --no-audit --no-fund --loglevel=error
	"$(BIN)/python" -m benchmarks $(BENCH_ARGS)

clean:
	rm -rf site test-artifacts .pytest_cache .mypy_cache .ruff_cache .cache
