# The README's two commands: `make run` and `make test`. Both install what is missing first.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng poppler-utils fonts-dejavu-core fonts-noto-core fonts-liberation fonts-liberation2 libreoffice-writer-nogui postgresql libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 chromium redis-server
STAMP := $(VENV)/.installed

.PHONY: run test system-deps install samples bench clean

system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
	@python3 -c 'import venv, ensurepip' 2>/dev/null || { echo "Installing python3-venv"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-venv >/dev/null; }

$(STAMP): pyproject.toml | system-deps
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	@touch $(STAMP)

install: system-deps $(STAMP)

run: install
	$(VENV)/bin/dispatch-reader process samples/ --out out/briefs

test: install
	$(PY) -m pytest -q

samples: install
	$(PY) samples/generate.py

bench: install
	$(PY) bench/extract.py

clean:
	rm -rf out .pytest_cache
