# `make serve` and `make test` each create .venv on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup serve chat test test-all bench llama-cpp clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test]'
	@# Build every C++ kernel now rather than on the first serve (falls back if it cannot).
	-$(BIN)/python -m ketch.kernels
	touch $(STAMP)

setup: $(STAMP)

serve: $(STAMP)
	$(BIN)/ketch serve

chat: $(STAMP)
	$(BIN)/ketch chat

# pytest exits 5 when it collects no test: that is not a failure of the suite.
test: $(STAMP)
	$(BIN)/python -m pytest -m "not slow" -q; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$rc

test-all: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/ketch bench offline

# llama.cpp anchor for benchmarks: builds from source (~15 min on 2 cores).
llama-cpp: $(STAMP)
	$(BIN)/pip install llama-cpp-python

clean:
	rm -rf $(VENV) .pytest_cache
