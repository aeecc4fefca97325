# make book: build the HTML into _build/html     make test: every test (builds first)
# make lab:  JupyterLab on the notebooks          make clean: remove builds and caches
# make notebooks: re-run every chapter            make notebook NB=pooling: re-run one
# make requirements: regenerate requirements.txt from pyproject.toml (pip-compile)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: book bundles test nbval nbval-one-thread lab notebook notebooks stability clean requirements

# The pinned requirements (every extra: book, test, dev), then convbook itself, editable.
$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Regenerate requirements.txt from pyproject.toml, after editing its dependencies: pins stay
# where they still fit, unless `make requirements UPGRADE=1` moves all to the newest releases.
# torch is held at 2.13.0 and written without the +cpu label of the CPU wheel it resolves to
# here, so that the same line picks PyTorch's CPU build wherever its index is named (CI) or
# there is no label (macOS). Run it where that CPU wheel is visible (this machine, or with
# PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu): resolved against PyPI's torch,
# the lock would gain the nvidia-* CUDA packages, and the last line refuses that. convbook
# itself is left out (`--unsafe-package`): the stamp above installs it, editable.
requirements: $(STAMP)
	CUSTOM_COMPILE_COMMAND="make requirements" $(BIN)/pip-compile --quiet $(if $(UPGRADE),--upgrade) \
	  --extra=dev --strip-extras --upgrade-package=torch==2.13.0 \
	  --no-emit-index-url --no-emit-find-links \
	  --unsafe-package=convbook --unsafe-package=pip --unsafe-package=setuptools \
	  --output-file=requirements.txt pyproject.toml
	sed -i 's/^torch==2\.13\.0+cpu$$/torch==2.13.0/' requirements.txt
	! grep -n -E '^(nvidia-|triton==)' requirements.txt

# Browser files the pages load (widgets, MathJax, icon fonts), served by the site itself.
ASSETS := _build/assets
# The widget manager, and its icon fonts served beside it (assets/require-config.js says why).
MANAGER := node_modules/@jupyter-widgets/html-manager/dist

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# Each widget's front end: its ES module and the modules it imports, bundled by esbuild
# into the one file the Python class loads (committed, so `pip install .` needs no Node).
WIDGETS := src/convbook/widgets
# A widget is <name>_explorer.py with its entry module <name>_explorer.js; the other .js files are
# modules they import (the shared ones in kit/). Its look, static/<name>_explorer.css, is the
# kit's CSS followed by the widget's own <name>_explorer.css (kit/KIT.md).
ENTRIES := $(wildcard $(WIDGETS)/*_explorer.js)
BUNDLES := $(patsubst $(WIDGETS)/%,$(WIDGETS)/static/%,$(ENTRIES)) \
           $(patsubst $(WIDGETS)/%.js,$(WIDGETS)/static/%.css,$(ENTRIES))
# Minified, but with the identifiers kept (esbuild's --minify would rename them): a page's
# source still reads corr2d and channelMaps, which the tests look for. Each module the entry
# imports, a kit module included, is in its bundle once (tests/widgets/test_widgets_js.py checks it).
ESBUILD := node_modules/.bin/esbuild --bundle --format=esm --minify-whitespace --minify-syntax \
           --log-level=warning

$(WIDGETS)/static/%.js: $(WIDGETS)/%.js $(wildcard $(WIDGETS)/*.js $(WIDGETS)/kit/*.js) node_modules/.package-lock.json
	$(ESBUILD) $< --outfile=$@

$(WIDGETS)/static/%.css: $(WIDGETS)/kit/kit.css $(WIDGETS)/%.css
	cat $^ > $@

bundles: $(BUNDLES)

$(ASSETS)/.copied: node_modules/.package-lock.json assets/require-config.js
	rm -rf $(ASSETS)
	mkdir -p $(ASSETS)/static/widgets
	cp node_modules/requirejs/require.js assets/require-config.js $(ASSETS)/static/widgets/
	cp $(MANAGER)/embed-amd.js $(ASSETS)/static/widgets/
	cp node_modules/anywidget/dist/index.js $(ASSETS)/static/widgets/anywidget.js
	cp -r node_modules/mathjax/es5 $(ASSETS)/static/mathjax
	cp $(MANAGER)/*.woff* $(MANAGER)/*.ttf $(ASSETS)/static/widgets/
	touch $@

# The HTML is written afresh each time (Sphinx keeps the pages of removed chapters otherwise).
book: $(STAMP) $(ASSETS)/.copied $(BUNDLES)
	rm -rf _build/html
	$(BIN)/jupyter-book build . -W -n --keep-going
	@echo "Open file://$(CURDIR)/_build/html/index.html"

# Re-run every notebook and compare its outputs with the stored ones (nbval); `make test`
# does it with the default thread count and with one thread, the two runs side by side: no
# output may depend on it.
NBVAL := $(BIN)/python -m pytest --nbval book --nbval-sanitize-with tests/sanitize.cfg -p no:cacheprovider -q

# The tests spread over the cores (pytest-xdist, JOBS workers; JOBS=0: in this process), a test
# file per worker, so that a file's module fixtures (a trained network, a served page) are
# made once and its tests that read one another's results (test_accessibility.py) stay together.
# Each worker starts one Chromium for all its browser tests (tests/conftest.py).
JOBS ?= auto
PYTEST := $(BIN)/python -m pytest tests src $(if $(filter 0,$(JOBS)),,-n $(JOBS) --dist loadfile)

test: book
	$(BIN)/ruff check src tests book
	$(BIN)/ruff format --check src tests book
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/book.yml
	$(PYTEST)
	$(MAKE) --no-print-directory --output-sync=target -j2 nbval nbval-one-thread

nbval: $(STAMP)
	$(NBVAL)

nbval-one-thread: $(STAMP)
	OMP_NUM_THREADS=1 $(NBVAL)

# Three clean runs in a row, as a check that nothing in the notebooks is flaky.
stability: $(STAMP)
	for run in 1 2 3; do $(NBVAL) || exit 1; done

lab: $(STAMP)
	$(BIN)/jupyter lab book $(if $(filter 0,$(shell id -u)),--allow-root)

# Re-run every notebook top to bottom and store the outputs (`make notebook NB=pooling`: one
# chapter, book/pooling.ipynb, after editing it). The stored widget state is dropped first:
# nbclient keeps the old one where a run makes no widget, and it would hold models nothing
# shows any more. Streams printed in bursts are joined into one output, as Jupyter shows them.
DROP_WIDGET_STATE := $(BIN)/python -c "import sys, nbformat; \
  [nbformat.write(nb, p) for p in sys.argv[1:] for nb in [nbformat.read(p, 4)] \
   if nb.metadata.pop('widgets', None) is not None]"
define run_notebooks
	$(DROP_WIDGET_STATE) $(1)
	$(BIN)/jupyter execute --inplace $(1)
	$(BIN)/jupyter nbconvert --to notebook --inplace --log-level=WARN \
	  --CoalesceStreamsPreprocessor.enabled=True $(1)
endef

notebooks: $(STAMP) $(BUNDLES)
	$(call run_notebooks,book/*.ipynb)

notebook: $(STAMP) $(BUNDLES)
	@test -n "$(NB)" -a -f "book/$(NB).ipynb" || { echo "usage: make notebook NB=name (book/name.ipynb)"; exit 2; }
	$(call run_notebooks,book/$(NB).ipynb)

clean:
	rm -rf _build .pytest_cache .hypothesis node_modules
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +
