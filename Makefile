# baogao: annual reports in, tables out.  `make setup`, then `make extract`.
PY      ?= .venv/bin/python
RAW     ?= raw
OUT     ?= output
WORKERS ?= 0
CORPUS  ?= ../shared/corpus
# antiword/catdoc read old Word files; chromium renders the report in its test;
# fonts-wqy-microhei: a CJK font for the report screenshot and scripts/make_samples.py.
APT_PACKAGES ?= antiword catdoc chromium fonts-wqy-microhei

.PHONY: setup apt extract test eval bench report screenshot scrape scrape-demo clean

setup: .venv/.installed apt

.venv/.installed: pyproject.toml
	python3 -m venv .venv
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

# System tools: old Word files (.doc/.wps), and the browser the report test renders in. Installed when we may (root + apt); otherwise
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

# Build raw/<site>/… from a site profile (pipeline/scrape/sites/$(SITE).toml); run again
# later to fetch only what is new or changed; an interrupted run resumes.
SITE ?= beibei
SCRAPE_ARGS ?=
DEMO ?= demo
scrape:
	$(PY) -m pipeline scrape $(SITE) --out $(RAW) $(SCRAPE_ARGS)

# Start the local fixture site (127.0.0.1, free port) and scrape it into $(DEMO)/raw;
# then `make extract RAW=$(DEMO)/raw OUT=$(DEMO)/output`.
scrape-demo:
	$(PY) -m pipeline.scrape.fixture_site --out $(DEMO)/raw

report:
	$(PY) -m pipeline report $(OUT)

# regenerate the README screenshot from the tables in OUT (needs chromium)
screenshot: report
	$(PY) -m pipeline.compare.screenshot $(OUT) docs/report.png

clean:
	rm -rf $(OUT)/*.csv $(OUT)/*.parquet $(OUT)/reports.duckdb
