# Everything runs inside .venv, created on first use from the Python on PATH.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test bench lint format system-deps clean demo-vault

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## system-deps: Debian packages for Qt under X, the real Secret Service tests and screenshots
system-deps:
	@bash .ci/system-deps

run: $(STAMP) system-deps
	@QT_QPA_PLATFORM= $(BIN)/vrm-wallet --demo

test: $(STAMP) system-deps
	$(BIN)/ruff check wallet ui tests bench
	$(BIN)/ruff format --check wallet ui tests bench
	$(BIN)/mypy
	bash .ci/with-secret-service $(BIN)/python -m pytest -q -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check wallet ui tests bench
	$(BIN)/ruff format --check wallet ui tests bench
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format wallet ui tests bench
	$(BIN)/ruff check --fix wallet ui tests bench

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache
