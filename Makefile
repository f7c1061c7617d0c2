# cjcoach — run `make help` to see what each target does.
# Needs only Python 3.11 or newer; everything else is installed into .venv.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help

help: ## Show this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else \
		"cjcoach needs Python 3.11 or newer; this is " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

setup: $(STAMP) ## Create .venv and install cjcoach with its test tools

run: $(STAMP) ## Set up, then open cjcoach on the bundled demo workshop
	$(BIN)/cjcoach demo

test: $(STAMP) ## Set up, then run the whole test suite (fast fuzzing included)
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check cjcoach tests bench

fuzz: $(STAMP) ## Run the long fuzzing tests that `make test` skips
	$(BIN)/python -m pytest -q -m fuzz

bench: $(STAMP) ## Run the benchmark; prints a table and writes bench/results.json
	$(BIN)/python -m bench

clean: ## Remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis build dist

.PHONY: help setup run test fuzz bench clean
