# Two commands: `make run` and `make test`. Everything else is optional.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: test-packages run test lint typecheck soak bench screenshots dist deb translations clean appimage package-check

$(STAMP): pyproject.toml requirements.lock
	@command -v $(PY) >/dev/null 2>&1 || { echo "Python 3.11 is required ($(PY) not found)"; exit 1; }
	@# a venv without pip is what Debian's venv leaves when python3.11-venv is missing: start again
	$(BIN)/python -m pip --version >/dev/null 2>&1 || { rm -rf $(VENV); $(PY) -m venv $(VENV) \
	  || { rm -rf $(VENV); echo "Could not create $(VENV). On Debian/Ubuntu: sudo apt-get install python3.11-venv"; exit 1; }; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

translations: $(STAMP)
	$(BIN)/python -m desktop.ui.i18n_build

run: $(STAMP) translations
	unset QT_QPA_PLATFORM; $(BIN)/python -m tools.qt_check && $(BIN)/python -m tools.run_demo

# Debian packages some tests need, best effort (without root or apt those tests are skipped and
# say why): chromium for the dashboard's browser tests (Playwright drives it; it never downloads
# a browser), Xvfb for the test that starts the app on a real X display (tools/qt_check).
test-packages:
	@missing=""; command -v chromium >/dev/null 2>&1 || missing=" chromium"; \
	  command -v Xvfb >/dev/null 2>&1 || missing="$$missing xvfb"; \
	  [ -z "$$missing" ] || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	  && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) \
	  >/dev/null 2>&1; } || echo "could not install$$missing: the tests that need it will be skipped"

# The tests start hundreds of processes (the command line, servers, crash tests): each reads the
# project's compiled modules instead of compiling them again, even where the environment sets
# PYTHONDONTWRITEBYTECODE (an empty value turns it off)
test: $(STAMP) translations test-packages
	$(BIN)/ruff check .
	$(BIN)/mypy desktop server bench tools
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n 2 -m "not slow" tests

soak: $(STAMP) test-packages
	PYTHONDONTWRITEBYTECODE= RELAIS_SOAK=1 $(BIN)/python -m pytest -m slow --timeout=3600 tests

bench: $(STAMP)
	$(BIN)/python -m bench vault
	$(BIN)/python -m bench caseload
	$(BIN)/python -m bench cli
	$(BIN)/python -m bench ui

# On a real X screen (Xvfb + openbox + tint2, tools/xsession.py) when those are installed, so the
# pictures show the window frame and panel a laptop has; offscreen otherwise.
screenshots: $(STAMP) translations
	@if command -v Xvfb >/dev/null && command -v openbox >/dev/null && command -v tint2 >/dev/null; then \
	  $(BIN)/python -m tools.xsession -- $(BIN)/python -m tools.screenshots docs/screenshots; \
	else \
	  echo "Xvfb, openbox or tint2 missing (apt-get install xvfb openbox tint2): offscreen pictures"; \
	  $(BIN)/python -m tools.screenshots docs/screenshots; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy desktop server bench tools

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

# ---- packaging (installers/): one-folder bundle, .deb, AppImage, smoke tests -------------------
dist: $(STAMP) translations
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller installers/relais.spec
	@du -sh dist/relais

deb: dist
	installers/linux/build-deb.sh

appimage: dist
	installers/linux/build-appimage.sh

package-check: dist
	$(BIN)/python installers/package_check.py
