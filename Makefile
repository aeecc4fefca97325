# make book: build the HTML into _build/html     make test: every test (builds first)
# make lab:  JupyterLab on the notebooks          make clean: remove builds and caches
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: book test lab notebooks clean

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

book: $(STAMP)
	$(BIN)/jupyter-book build . -W -n --keep-going
	@echo "Open file://$(CURDIR)/_build/html/index.html"

test: book
	$(BIN)/python -m pytest tests src
	$(BIN)/python -m pytest --nbval book --nbval-sanitize-with tests/sanitize.cfg -p no:cacheprovider

lab: $(STAMP)
	$(BIN)/jupyter lab book

# Re-run every notebook top to bottom and store the outputs (do this after editing one).
notebooks: $(STAMP)
	$(BIN)/jupyter execute --inplace book/*.ipynb

clean:
	rm -rf _build .pytest_cache .hypothesis
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +
