# lzp — self-documenting Makefile: every target has a "## " help line; `make` alone prints them.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NOTEBOOK_STAMP := $(VENV)/.notebook
OUT ?= out

.PHONY: help install analyze stats notebook ingest train evaluate test lint clean bench browser office

help: ## Show this help
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-10s\033[0m %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install lzp with its dependencies from pyproject.toml

analyze: $(STAMP) ## Run the whole pipeline on the sample corpus (corpora/sample) into out/
	$(BIN)/lzp analyze --out $(OUT)

stats: $(STAMP) ## Word frequencies, keyword in context, collocations, co-occurrence network of out/
	$(BIN)/lzp stats $(OUT)

$(NOTEBOOK_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,notebook]'
	@touch $(NOTEBOOK_STAMP)

notebook: $(NOTEBOOK_STAMP) ## Open notebooks/01-exploration.ipynb in JupyterLab (optional extra `notebook`) on out/
	@test -f $(OUT)/lzp.duckdb || $(BIN)/lzp analyze --out $(OUT)
	LZP_ANALYSIS_DIR="$(abspath $(OUT))" $(BIN)/jupyter lab notebooks/01-exploration.ipynb

ingest: $(STAMP) ## Ingest the sample corpus and the shared fixtures into out/ingest
	$(BIN)/lzp ingest corpora/sample $(wildcard ../shared/fixtures) --out $(OUT)/ingest

train: $(STAMP) ## Train the tagger on the gold annotations → models/tagger.skops, models/matching.json
	$(BIN)/lzp train

evaluate: $(STAMP) ## Leave-one-document-out evaluation of tagger, matching and figures → docs/evaluation.md
	$(BIN)/lzp evaluate

test: $(STAMP) ## Run the test suite
	$(BIN)/python -m pytest -q

lint: $(STAMP) ## Check style with ruff
	$(BIN)/ruff check pipeline tests

bench: $(STAMP) ## Measure throughput against baselines (pipeline/bench.py), written to out/bench.json
	$(BIN)/python -m pipeline.bench

browser: ## Install Debian's Chromium for the headless report tests (needs root; skipped when present)
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; fi; }
	@chromium --version

office: ## Install LibreOffice (Debian) to read .doc/.wps/.rtf/.odt and print the Word/Excel reports (needs root)
	@{ command -v soffice >/dev/null 2>&1 && [ -e /usr/lib/libreoffice/program/libsclo.so ]; } || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk >/dev/null; fi; }
	@soffice --version

clean: ## Remove outputs, caches and the virtual environment
	rm -rf $(OUT) $(VENV) .pytest_cache .ruff_cache build *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
