# wirescope — `make demo` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= wirescope.duckdb
HOST   ?= 127.0.0.1
PORT   ?= 8000
SHARED ?= ../shared/data
WEB    := src/wirescope/web/static/index.html

.PHONY: install demo test lint layers bench eval clean

# `wirescope setup` builds the gazetteer index in the user cache now (once per package versions; a second or so
# when it exists) rather than in the first analysis.
install: $(VENV)/.installed $(WEB)
	$(BIN)/wirescope setup --index-only

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,ray]'
	touch $@

# Dashboard assets: front-end libraries from the npm registry (frontend/package-lock.json), built with esbuild.
$(WEB): frontend/package-lock.json frontend/build.mjs $(shell find frontend/src -type f 2>/dev/null)
	bash scripts/build_web.sh

# A real situation: the bundled VOA stories (data/voa2025) and the two examples, analysed and aggregated; the closing
# lines name the busiest dyads and the top alerts; then the dashboard is served and opened (scripts/demo.py).
demo: install
	$(BIN)/python scripts/demo.py --db $(DB) --host $(HOST) --port $(PORT)

test: install
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

# The import-layer contracts alone (pyproject.toml [tool.importlinter]).
layers: install
	$(BIN)/lint-imports

bench: install
	$(BIN)/python benchmarks/ingest.py --corpus $(SHARED)/corpora/bbc2225.jsonl
	$(BIN)/python benchmarks/api.py

eval: install
	$(BIN)/pytest -q -m eval

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist frontend/node_modules src/wirescope/web/static/assets $(WEB)
