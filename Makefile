# 清风 Qingfeng — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test demo lint clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

## Set up (if needed) and start the bot: SQLite and the in-process scheduler, no other server. With no office
## yet and a terminal, `qingfeng setup` asks for it first; without a terminal it says what to run and exits 2.
run: $(STAMP)
	$(BIN)/qingfeng run --setup

## Set up (if needed) and run lint, type checks and the test suite (SQLite, then PostgreSQL if one answers).
test: $(STAMP)
	VENV=$(VENV) scripts/test

## Load the demo office and list its cases.
demo: $(STAMP)
	$(BIN)/qingfeng demo-data
	$(BIN)/qingfeng cases list

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) .venv-ci .mypy_cache .ruff_cache .pytest_cache *.egg-info
