# wirescope — `make demo` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= wirescope.duckdb
SHARED ?= ../shared/data

.PHONY: install demo test lint bench eval clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,ray]'
	touch $@

demo: install
	$(BIN)/wirescope ingest examples --db $(DB)
	$(BIN)/wirescope entities --db $(DB) --top 15
	@echo "database: $(abspath $(DB))"

test: install
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

bench: install
	$(BIN)/python benchmarks/ingest.py --corpus $(SHARED)/corpora/bbc2225.jsonl

eval: install
	$(BIN)/pytest -q -m eval

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist
