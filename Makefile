# The two commands of the README: `make demo` and `make test`. Each installs what it needs first.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: demo test bench install chromium schema lock clean

demo: install chromium
	$(VENV)/bin/concord demo

test: install chromium
	$(VENV)/bin/pytest

# Measurements, not tests: each pair prints its figures as ratios against a baseline run alongside
# (bench/README.md). QUICK=1 shortens the runs, PROFILE=1 adds py-spy flame graphs in bench/profiles/,
# SIZE=N sets the demo seeding's customers per tenant, PAIRS="customer-360 jobs" runs only those.
bench: install chromium
	./scripts/ensure-bench-services.sh
	./scripts/ensure-wrk.sh
	BENCH_DEMO_SIZE=$(SIZE) $(VENV)/bin/python -m bench $(PAIRS) $(if $(QUICK),--quick) $(if $(PROFILE),--profile)

install: $(STAMP)

# The lock file pins every package with its hashes; the project itself is installed without deps.
$(STAMP): pyproject.toml requirements.lock
	PYTHON=$(PYTHON) ./scripts/ensure-python-venv.sh
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --require-hashes -r requirements.lock
	$(VENV)/bin/pip install --quiet --no-deps -e .
	touch $(STAMP)

chromium: install
	VENV=$(VENV) ./scripts/ensure-chromium.sh

# Regenerate the committed SDL after a schema change.
schema: install
	$(VENV)/bin/concord schema > schema.graphql

# Re-pin after changing dependencies in pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --extra test --extra bench --generate-hashes --universal --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) var .pytest_cache
