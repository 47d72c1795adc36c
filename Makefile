# Scotty: `make run` to try it, `make test` to test it. Everything installs from here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-only setup test-tools browser messages lint bench bench-serve clean

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

## test-tools: make sure the Debian packages the tests use are there: chromium for the
## browser tests, gettext (xgettext, msgfmt) for the translation guards, node and npm
## for axe-core (the accessibility tests), which `npm ci` then installs from the lock file,
## and dovecot-imapd, the real IMAP server the mail tests start on a free port of their own
## (the system's dovecot service, which the package would start, is turned off again)
test-tools:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/xgettext ] || ! command -v npm >/dev/null || [ ! -x /usr/sbin/dovecot ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    missing="$$([ -x /usr/bin/chromium ] || echo chromium) $$([ -x /usr/bin/xgettext ] || echo gettext) $$(command -v npm >/dev/null || echo nodejs npm) $$([ -x /usr/sbin/dovecot ] || echo dovecot-imapd)"; \
	    echo "Installing Debian packages for the tests: $$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	    case "$$missing" in *dovecot-imapd*) [ -d /run/systemd/system ] && systemctl disable --now dovecot.service dovecot.socket >/dev/null 2>&1 || true;; esac; \
	  else \
	    echo "!! chromium, gettext, npm or dovecot is missing and cannot be installed here (needs root and apt-get):"; \
	    echo "!! the browser, accessibility, translation-catalogue or IMAP tests will be SKIPPED."; \
	    echo "!! Install them with: sudo apt-get install chromium gettext nodejs npm dovecot-imapd"; \
	  fi; \
	fi
	@$(MAKE) --no-print-directory --silent node_modules/.package-lock.json

browser: test-tools  # the old name

# axe-core for the accessibility tests, as package-lock.json pins it: again whenever the
# lock file changes (npm ci writes node_modules/.package-lock.json).
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then \
	  echo "Installing axe-core for the accessibility tests (npm ci) ..."; \
	  npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else \
	  echo "!! npm is missing: the accessibility tests will be SKIPPED."; \
	fi

## messages: gather every marked word into the catalogues and compile them (needs gettext);
## translate what it added in src/scotty/locale/<language>/LC_MESSAGES/django.po, run again
messages: setup test-tools
	cd src/scotty && SCOTTY_DATA_DIR=$(CURDIR)/data $(CURDIR)/$(BIN)/scotty makemessages --all --no-obsolete --add-location file
	cd src/scotty && SCOTTY_DATA_DIR=$(CURDIR)/data $(CURDIR)/$(BIN)/scotty compilemessages

## test: set up and run the whole suite, browser tests included
test: setup test-tools test-only

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
	rm -rf $(VENV) data node_modules
