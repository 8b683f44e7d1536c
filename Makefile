# Everything a user or CI needs, from a fresh clone with ../shared beside it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
export QUOTES_SHARED := $(abspath $(SHARED))

.PHONY: install test serve db models eval bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

test: install
	$(BIN)/pytest -q

db: install
	$(BIN)/quotes extract db/quotes.db db/articles

serve: db
	$(BIN)/quotes serve db/quotes.db --host 127.0.0.1 --port 8001

models: install
	$(BIN)/python -m quotes.training

# Every figure in quotes/models/README.md, measured on the shipped artifacts (timings vary).
.PHONY: measure
measure: install
	$(BIN)/python -m quotes.training.measure

# PolNeAR dev through `quotes parse --jsonl`, scored by the shared reference scorer.
eval: install
	mkdir -p eval-out
	$(BIN)/quotes evaluate $(SHARED)/corpora/polnear/dev.jsonl --calibration -o eval-out/polnear-dev.jsonl > eval-out/polnear-dev.txt
	$(PYTHON) $(SHARED)/tools/quote_score.py $(SHARED)/corpora/polnear/dev.jsonl eval-out/polnear-dev.jsonl
	@echo
	@sed -n '/^(d) calibration/,$$p' eval-out/polnear-dev.txt
	@echo
	$(BIN)/quotes evaluate-speakers eval/polnear-dev-speakers.jsonl --texts $(SHARED)/corpora/polnear/dev.jsonl

bench: install
	$(BIN)/python -m quotes.bench

# Datasette pages on a synthetic million-quote database in /tmp (README, "At scale").
.PHONY: bench-db
bench-db: install
	$(BIN)/python -m quotes.bench_db

clean:
	rm -rf $(VENV) db/quotes.db
