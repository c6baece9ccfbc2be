# The README's two commands: `make run` then `make test`. Everything else is optional.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
BSTAMP := $(VENV)/.installed-bench
OUT    ?= out

.DEFAULT_GOAL := help
.PHONY: help run test check format docs bench samples clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	@# a venv made before the distribution was renamed holds it as "extract" too
	@$(BIN)/python -m pip uninstall --quiet -y extract >/dev/null 2>&1 || true; rm -rf src/extract.egg-info
	$(BIN)/python -m pip install --quiet -e '.[ocr]'
	@touch $@

$(TSTAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,ocr]'
	@touch $@

$(BSTAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	@touch $@

run: $(STAMP) ## create the venv, install, convert samples/ into out/
	$(BIN)/extract run samples --out $(OUT)

test: $(TSTAMP) ## install test tooling and run the whole suite
	$(BIN)/python -m pytest -q

check: $(TSTAMP) ## lint and type-check (ruff + mypy)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

format: $(TSTAMP) ## apply ruff's formatting and safe fixes
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

docs: $(STAMP) ## regenerate docs/DATA-DICTIONARY.md from src/extract/columns.toml
	@mkdir -p docs
	$(BIN)/python -m extract.columns > docs/.DATA-DICTIONARY.md.tmp
	@mv docs/.DATA-DICTIONARY.md.tmp docs/DATA-DICTIONARY.md

bench: $(BSTAMP) ## print throughput figures (see bench/)
	$(BIN)/python bench/bench_pipeline.py
	$(BIN)/python bench/bench_cli.py
	$(BIN)/python bench/bench_docx.py
	$(BIN)/python bench/bench_pdf.py
	$(BIN)/python bench/bench_pdf_triage.py
	$(BIN)/python bench/bench_batch.py
	$(BIN)/python bench/bench_xlsx.py
	$(BIN)/python bench/bench_ocr.py
	$(BIN)/python bench/bench_archive.py

samples: $(STAMP) ## regenerate samples/ and their goldens (PDFs need LibreOffice)
	$(BIN)/python samples/make_samples.py
	$(BIN)/python samples/make_legacy.py
	$(BIN)/python samples/forms/make_forms.py
	$(BIN)/python samples/forms/make_alt.py
	$(BIN)/python samples/forms/make_flat.py
	$(BIN)/python samples/forms/make_formats.py
	$(BIN)/python samples/narrative_gen/make_narrative.py
	$(BIN)/python samples/make_triage.py

clean: ## remove the venv and outputs
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache
