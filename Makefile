# Two commands for a fresh machine (Python 3.11, git, make): `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000

.PHONY: install run test lint format content browser

$(BIN)/python:
	$(PYTHON) scripts/bootstrap_venv.py $(VENV)

# Reinstall only when the dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

# The .mo files are build output (not in git): compiled from the .po at every install.
install: $(VENV)/.installed
	$(BIN)/python scripts/compile_messages.py

content: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py loadcontent

run: content
	$(BIN)/python manage.py runserver $(HOST)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run --verbosity 0

test: lint
	$(BIN)/pytest

# Journeys and accessibility in a real browser (tests/browser/, which `make test` skips):
# Debian's Chromium, installed with apt-get when missing (CI runs as root); never
# `playwright install`, which downloads a browser. Screenshots go to artifacts/browser/.
CHROMIUM := /usr/bin/chromium
browser: install
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" != 0 ]; then \
	    echo "make browser: no Chromium at $(CHROMIUM). As root: apt-get install -y chromium" >&2; \
	    exit 1; \
	  fi; \
	  echo "make browser: installing Debian's chromium with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	fi
	CHROMIUM=$(CHROMIUM) $(BIN)/pytest tests/browser

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
