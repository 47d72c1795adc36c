# Scotty: `make run` to try it, `make test` to test it. Everything installs from here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-only setup browser lint bench bench-serve clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 12), "Scotty needs Python 3.12 or newer (pyenv: 3.13.0, see .python-version)"'
	@echo "Creating the virtual environment $(VENV) ..."
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/pip install --quiet --upgrade pip

# Running needs only the runtime dependencies; the test and lint tools come with `make test`.
$(VENV)/.installed-runtime: pyproject.toml | $(BIN)/python
	@echo "Installing Scotty's runtime dependencies into $(VENV) (first run only) ..."
	@$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	@echo "Installing Scotty with its test and lint tools into $(VENV) ..."
	@$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@ $(VENV)/.installed-runtime

setup: $(VENV)/.installed

## run: set up, migrate, load the demo (embedded SQLite only), start the worker and gunicorn
# `scotty run` does it all and stops it all on Ctrl-C; see docs/running.md.
run: $(VENV)/.installed-runtime
	@$(BIN)/scotty run --host $(HOST) --port $(PORT)

## browser: make sure Debian's chromium is there for the browser tests
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's chromium for the browser tests ..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "!! /usr/bin/chromium is missing and cannot be installed here (needs root and apt-get):"; \
	    echo "!! the browser tests will be SKIPPED. Install it with: sudo apt-get install chromium"; \
	  fi; \
	fi

## test: set up and run the whole suite, browser tests included
test: setup browser test-only

test-only:
	$(BIN)/pytest -n 2 -q

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src

## bench: generate data and time the desk pages (see bench/README.md)
bench: setup
	$(BIN)/python bench/pages.py

## bench-serve: the queue pages over HTTP under `scotty serve`, and the workers' memory
bench-serve: $(VENV)/.installed-runtime
	$(BIN)/python bench/serve.py

clean:
	rm -rf $(VENV) data
