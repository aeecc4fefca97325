# make book: build the HTML into _build/html     make test: every test (builds first)
# make lab:  JupyterLab on the notebooks          make clean: remove builds and caches
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: book bundles test lab notebooks stability clean

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

# Browser files the pages load (widgets, MathJax, icon fonts), served by the site itself.
ASSETS := _build/assets
# The widget manager asks for its icon fonts relative to the page (pages live in book/).
FONTS  := @jupyter-widgets/html-manager/dist

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# Each widget's front end: its ES module and the modules it imports, bundled by esbuild
# into the one file the Python class loads (committed, so `pip install .` needs no Node).
WIDGETS := src/convbook/widgets
BUNDLES := $(WIDGETS)/static/kernel_explorer.js $(WIDGETS)/static/lr_explorer.js
ESBUILD := node_modules/.bin/esbuild --bundle --format=esm --log-level=warning

$(WIDGETS)/static/%.js: $(WIDGETS)/%.js $(wildcard $(WIDGETS)/*.js) node_modules/.package-lock.json
	$(ESBUILD) $< --outfile=$@

bundles: $(BUNDLES)

$(ASSETS)/.copied: node_modules/.package-lock.json assets/require-config.js
	rm -rf $(ASSETS)
	mkdir -p $(ASSETS)/static/widgets $(ASSETS)/extra/book/$(FONTS)
	cp node_modules/requirejs/require.js assets/require-config.js $(ASSETS)/static/widgets/
	cp node_modules/@jupyter-widgets/html-manager/dist/embed-amd.js $(ASSETS)/static/widgets/
	cp node_modules/anywidget/dist/index.js $(ASSETS)/static/widgets/anywidget.js
	cp -r node_modules/mathjax/es5 $(ASSETS)/static/mathjax
	cp node_modules/$(FONTS)/*.woff* node_modules/$(FONTS)/*.ttf $(ASSETS)/extra/book/$(FONTS)/
	touch $@

book: $(STAMP) $(ASSETS)/.copied $(BUNDLES)
	$(BIN)/jupyter-book build . -W -n --keep-going
	@echo "Open file://$(CURDIR)/_build/html/index.html"

# Re-run every notebook and compare its outputs with the stored ones (nbval); `make test`
# does it with the default thread count and with one thread: no output may depend on it.
NBVAL := $(BIN)/python -m pytest --nbval book --nbval-sanitize-with tests/sanitize.cfg -p no:cacheprovider -q

test: book
	$(BIN)/ruff check src tests book
	$(BIN)/ruff format --check src tests book
	$(BIN)/python -m pytest tests src
	$(NBVAL)
	OMP_NUM_THREADS=1 $(NBVAL)

# Three clean runs in a row, as a check that nothing in the notebooks is flaky.
stability: $(STAMP)
	for run in 1 2 3; do $(NBVAL) || exit 1; done

lab: $(STAMP)
	$(BIN)/jupyter lab book $(if $(filter 0,$(shell id -u)),--allow-root)

# Re-run every notebook top to bottom and store the outputs (do this after editing one).
# Streams printed in bursts are joined into one output, as Jupyter shows them.
notebooks: $(STAMP) $(BUNDLES)
	$(BIN)/jupyter execute --inplace book/*.ipynb
	$(BIN)/jupyter nbconvert --to notebook --inplace --log-level=WARN \
	  --CoalesceStreamsPreprocessor.enabled=True book/*.ipynb

clean:
	rm -rf _build .pytest_cache .hypothesis node_modules
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +
