# Accord: `make demo` serves the app with demo data; `make test` passes the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000
DEMO_RESOLUTION := accord/documents/demo/A_RES_73_135.md

.PHONY: install messages demo test durations lint bench browser office clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Compile the interface translations (.po -> .mo); needs GNU gettext's msgfmt.
messages: install
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext >/dev/null)
	cd accord && ../$(BIN)/accord compilemessages --verbosity 0

# Debian's Chromium for the browser tests, its headless shell (a third less CPU than the
# desktop binary, see tests/browser/conftest.py); never a browser downloaded by a test tool.
browser:
	@command -v chromium-headless-shell >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium-headless-shell >/dev/null) || command -v chromium >/dev/null || echo "chromium could not be installed: browser tests will skip"

demo: messages
	$(BIN)/accord migrate --noinput
	$(BIN)/accord collectstatic --noinput --verbosity 0
	$(BIN)/accord demo
	$(BIN)/accord runserver $(HOST)

# LibreOffice (Writer only) for the report's editing round trip: the .docx converted by a
# real word processor; without it that one test skips with its reason.
office:
	@command -v soffice >/dev/null || (apt-get update -qq && apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null) || echo "LibreOffice could not be installed: the round-trip test through it will skip"

# Two xdist workers (one per core here; TEST_WORKERS=auto for one per core elsewhere),
# a test file per worker so that module-scoped fixtures are built once (the browser suite's
# POST coverage check reads every worker's record when the session ends); each worker has
# its own test database (SQLite: a copy of the run's migrated file; PostgreSQL: test_NAME_gwN).
# Kept between runs in .pytest_cache/d/ (make clean or --cache-clear drops them), each under a
# digest of what it is made of: the migrated SQLite file and PostgreSQL template database
# (test_NAME_tpl_DIGEST, copied for each worker), and the corpus's PDFs as parsed.
# Python writes its compiled files as it does by default (some shells set
# PYTHONDONTWRITEBYTECODE): otherwise each worker and each `accord` subprocess a test starts
# compiles the sources again (about 4 s of CPU for a worker's collection).
TEST_WORKERS ?= 2
test: export PYTHONDONTWRITEBYTECODE :=
test: messages browser office
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile

# The seconds each test file takes, for the order of the files under xdist (the longest
# first, tests/ordering.py): run after adding or changing a long test, commit the file.
durations: export PYTHONDONTWRITEBYTECODE :=
durations: messages browser office
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile --store-durations -q

lint: install
	$(BIN)/ruff check accord resolutions tests bench
	$(BIN)/ruff format --check accord resolutions tests bench
	$(BIN)/mypy resolutions
	$(BIN)/lint-imports
	$(BIN)/mypy accord

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) var test-artifacts .pytest_cache
