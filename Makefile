# Everything runs inside .venv, created on first use from the Python on PATH.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := interop/js/node_modules/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test bench lint format system-deps node-deps clean demo-vault soak translations \
	translations-update dist screenshots

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## system-deps: Debian packages for Qt under X, the real Secret Service tests and screenshots
system-deps:
	@bash .ci/system-deps

## node-deps: Node.js and the pinned npm packages of the JavaScript interop vendor (interop/js),
## reinstalled only when package-lock.json is newer than the install marker
node-deps: $(NODE_STAMP)

$(NODE_STAMP): interop/js/package-lock.json
	@bash .ci/node-deps

## translations: the compiled catalogues (.qm, not committed) of resources/translations/*.ts,
## each rebuilt only when its .ts is newer
TS_FILES := $(wildcard resources/translations/vrm-wallet_*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

translations: $(QM_FILES)

resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

## translations-update: merge the texts of ui/ and the core's marked texts into the .ts files
translations-update: $(STAMP)
	$(BIN)/python -m ui.i18n.update

run: $(STAMP) system-deps translations
	@QT_QPA_PLATFORM= $(BIN)/vrm-wallet --demo

test: $(STAMP) system-deps node-deps translations
	$(BIN)/ruff check wallet vendorkit ui tests bench
	$(BIN)/ruff format --check wallet vendorkit ui tests bench
	$(BIN)/mypy
	bash .ci/with-secret-service $(BIN)/python -m pytest -q -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check wallet vendorkit ui tests bench
	$(BIN)/ruff format --check wallet vendorkit ui tests bench
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format wallet vendorkit ui tests bench
	$(BIN)/ruff check --fix wallet vendorkit ui tests bench

bench: $(STAMP) system-deps translations
	$(BIN)/python -m bench

## soak: the long run of issue 11: 2 000 kills of the crash harness, then every property test with
## 20 times its cases; bounded (the harness stops starting rounds after 20 min, pytest is killed
## after 40) and prints the figures of both; fails if either found a problem
soak: $(STAMP)
	@status=0; \
	$(BIN)/python -m tests.crash_harness --kills 2000 --max-seconds 1200 || status=1; \
	VRM_SOAK_FACTOR=20 HYPOTHESIS_PROFILE=soak timeout 2400 $(BIN)/python -m pytest -q \
		-p no:cacheprovider --timeout=2400 --hypothesis-show-statistics \
		$$(grep -l -e "tests.properties" -e "from hypothesis" tests/test_*.py tests/ui/test_*.py) \
		|| status=1; \
	exit $$status

## dist: the sdist, the wheel built from it, and the frozen one-folder app (dist/vrm-wallet/,
## PyInstaller's packaging/pyinstaller/vrm-wallet.spec), then their sizes
dist: $(STAMP) translations
	rm -rf dist/vrm-wallet dist/vrm_wallet-* build/sdist
	$(BIN)/python -c "import sys; from setuptools import build_meta; \
		build_meta.build_sdist(sys.argv[1])" dist >/dev/null
	mkdir -p build/sdist && tar -xzf dist/vrm_wallet-*.tar.gz -C build/sdist
	$(BIN)/pip wheel --quiet --no-deps --no-build-isolation --wheel-dir dist build/sdist/vrm_wallet-*/
	$(BIN)/pyinstaller --noconfirm --clean --log-level ERROR --distpath dist \
		--workpath build/pyinstaller packaging/pyinstaller/vrm-wallet.spec
	@du -sh dist/vrm_wallet-*.tar.gz dist/vrm_wallet-*.whl dist/vrm-wallet

## screenshots: the real app on the demo vault under a virtual X display (Xvfb): the metainfo's
## pages into packaging/screenshots/, and every page in the three languages into
## docs/screenshots/<language>/ for the README and the guide
screenshots: $(STAMP) system-deps translations
	@for language in en es it; do \
		xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb \
			$(BIN)/python packaging/make_screenshots.py docs/screenshots/$$language \
			--language $$language --all || exit 1; \
	done
	@xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb \
		$(BIN)/python packaging/make_screenshots.py
	@# 256 colours keep the committed pictures small (a tenth of the size) and read the same
	@for picture in docs/screenshots/*/*.png packaging/screenshots/*.png; do \
		convert "$$picture" -colors 256 "PNG8:$$picture"; \
	done

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache interop/js/node_modules
