# Two commands do all set-up on a fresh machine: `make lab` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
PORT   ?= 8888

.PHONY: lab report test test-fast bench quality browser clean lock

LOCK    = requirements.lock

# The tested set of versions: requirements.lock (pip-compile of pyproject.toml with the
# test and eval extras; `make lock` remakes it), then the kit itself without resolving again.
$(STAMP): pyproject.toml $(LOCK)
	@echo "== setting up $(VENV): about 200 packages (spaCy and its model, JupyterLab, pandas, ...),"
	@echo "   3-5 minutes on a fresh machine, once; later runs start at once"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "== installing the locked versions from $(LOCK)"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --progress-bar off -r $(LOCK)
	@echo "== installing the kit itself (editable)"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@git rev-parse --git-dir >/dev/null 2>&1 && $(BIN)/nbstripout --install || true
	@touch $(STAMP)
	@echo "== ready"

## make lock: re-resolve requirements.lock from pyproject.toml (needs the registry)
lock:
	@test -x $(VENV)-tools/bin/pip-compile || { $(PYTHON) -m venv $(VENV)-tools && $(VENV)-tools/bin/python -m pip install --quiet pip-tools; }
	$(VENV)-tools/bin/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links --extra test --extra eval --output-file $(LOCK) pyproject.toml

## make lab: JupyterLab on the first lesson (HEADLESS=1: write the HTML report instead)
lab: $(STAMP)
ifdef HEADLESS
	$(MAKE) report
else
	$(BIN)/jupyter lab --port=$(PORT) $(if $(filter 0,$(shell id -u)),--allow-root) \
	  --ServerApp.root_dir=$(CURDIR) --LabApp.default_url=/lab/tree/notebooks/00-start-here.ipynb
endif

## make report: the headless HTML report of the bundled corpus, in out/report/
report: $(STAMP)
	$(BIN)/python -m kit report data/wire data/wikinews --out out/report

## make test: every test, notebooks and the browser included
test: $(STAMP)
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser and not slow"

## make bench: speed and memory, printed side by side (not tests)
bench: $(STAMP)
	$(BIN)/python bench/run.py

## make quality: precision/recall on every annotated set, beside the baselines (MODEL=en_core_web_md: another spaCy pipeline)
quality: $(STAMP)
	$(if $(MODEL),KIT_MODEL=$(MODEL) )$(BIN)/python bench/quality.py

## make browser: Debian's Chromium for the browser tests (they find an installed Chromium or
## Chrome, macOS included, and skip with a one-line reason when there is none)
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq chromium >/dev/null; }

clean:
	rm -rf out .pytest_cache .kit-cache
