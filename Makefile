# baogao: annual reports in, tables out.  `make setup`, then `make extract`.
PY      ?= .venv/bin/python
RAW     ?= raw
OUT     ?= output
WORKERS ?= 0
CORPUS  ?= ../shared/corpus
APT_PACKAGES ?= antiword catdoc

.PHONY: setup apt extract test eval bench clean

setup: .venv/.installed apt

.venv/.installed: pyproject.toml
	python3 -m venv .venv
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

# System tools for old Word files (.doc/.wps). Installed when we may (root + apt); otherwise
# `make extract` reports .doc files as needing the converter, and everything else still works.
apt:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing) \
	      || echo "warning: could not install$$missing"; \
	  else echo "note: install$$missing with apt-get for .doc/.wps support"; fi; \
	fi

extract:
	$(PY) -m pipeline extract $(RAW) --out $(OUT) --workers $(WORKERS)

test:
	$(PY) -m pytest -n 2

eval:
	$(PY) -m pipeline eval --corpus $(CORPUS)

bench:
	$(PY) -m pipeline bench --corpus $(CORPUS)

clean:
	rm -rf $(OUT)/*.csv $(OUT)/*.parquet $(OUT)/reports.duckdb
