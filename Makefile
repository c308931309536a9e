# Two commands for a fresh machine: `make run` and `make test`. `make install` is their first step.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
EDUQA := $(VENV)/bin/eduqa
HOST ?= 127.0.0.1
PORT ?= 8000

# Model hubs are unreachable here: fail fast instead of hanging on a download.
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export HF_HUB_DISABLE_TELEMETRY := 1
export GRADIO_ANALYTICS_ENABLED := False
export TOKENIZERS_PARALLELISM := false

APT_RUN := tesseract-ocr tesseract-ocr-vie poppler-utils
APT_TEST := $(APT_RUN) chromium fonts-dejavu-core docker-compose

.PHONY: install install-test run test lint bench eval clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	# torch first: the CPU build that lies on disk; otherwise pip pulls CUDA wheels.
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e .
	touch $@

install: $(VENV)/.installed
	@$(MAKE) --no-print-directory apt PKGS="$(APT_RUN)"

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -q -e '.[test]'
	touch $@

install-test: install $(VENV)/.installed-test
	@$(MAKE) --no-print-directory apt PKGS="$(APT_TEST)"

# Debian packages: installed only when missing, and only where we may (root or passwordless sudo).
apt:
	@missing=""; for p in $(PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo -n"; fi; \
	  ($$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null) \
	    || echo "warning: could not install$$missing; the features and tests that need them will say so"; \
	fi

run: install
	$(EDUQA) serve --host $(HOST) --port $(PORT)

test: install-test
	$(VENV)/bin/ruff check assistant ingest eval ui tests
	$(VENV)/bin/pytest

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check assistant ingest eval ui tests
	$(VENV)/bin/ruff format --check assistant ingest eval ui tests

eval: install
	$(EDUQA) eval

bench: install
	$(EDUQA) bench

clean:
	rm -rf data .pytest_cache
