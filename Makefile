# Tremplin — two commands on a fresh machine:
#   make run    installs what is missing, builds, opens the app
#   make test   installs what is missing, runs every test layer
# Other targets: make package (installers), make icons, make bench, make e2e,
# make lint, make clean.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
CARGO ?= cargo
NPM ?= npm
STAMPS := .stamps
APP := target/debug/tremplin-desktop
TAURI_DRIVER ?= $(shell command -v tauri-driver 2>/dev/null || echo $(HOME)/.cargo/bin/tauri-driver)
# The Tauri CLI from the UI's npm packages (its binary ships in the package);
# it runs from the repository root, where it finds src-tauri/.
TAURI := ui/node_modules/.bin/tauri
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
NEXT := $(shell echo $(VERSION) | awk -F. '{print $$1 "." $$2 "." $$3 + 1}')
DEB := target/release/bundle/deb/Tremplin_$(VERSION)_amd64.deb

.PHONY: run test deps test-deps ui-deps ui core-test bindings-check ui-test app e2e package package-test icons bench lint clean

run: deps ui
	$(CARGO) build -p tremplin-desktop --features custom-protocol
	$(APP)

test: test-deps core-test bindings-check ui-test ui app e2e package-test
	@echo "Toutes les couches de tests sont passées."

deps: $(STAMPS)/system-build ui-deps

test-deps: $(STAMPS)/system-test ui-deps $(TAURI_DRIVER)

$(STAMPS)/system-build: scripts/install-system-deps.sh
	scripts/install-system-deps.sh build
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/system-test: scripts/install-system-deps.sh
	scripts/install-system-deps.sh test
	@mkdir -p $(STAMPS) && touch $@ $(STAMPS)/system-build

ui-deps: ui/node_modules/.package-lock.json

ui/node_modules/.package-lock.json: ui/package.json ui/package-lock.json
	cd ui && $(NPM) ci --no-audit --no-fund
	@touch $@

$(TAURI_DRIVER):
	$(CARGO) install tauri-driver --locked

ui: ui-deps
	cd ui && $(NPM) run build

# Core and shell: unit, integration (real SQLite files, the CLI) and command
# tests on Tauri's mock runtime. Also regenerates the TypeScript bindings.
core-test:
	$(CARGO) test --workspace --exclude tremplin-e2e

# The generated TypeScript types must be committed as cargo test wrote them.
bindings-check: core-test
	@if ! git diff --quiet -- ui/src/lib/api/generated || [ -n "$$(git ls-files --others --exclude-standard ui/src/lib/api/generated)" ]; then \
	  echo "Les types TypeScript générés ont changé : committez ui/src/lib/api/generated." >&2; \
	  git status --short ui/src/lib/api/generated >&2; exit 1; fi

ui-test: ui-deps
	cd ui && $(NPM) run check && $(NPM) test

# The real app with the built UI inside (after cargo test, which builds the
# shell without it).
app: ui core-test
	$(CARGO) build -p tremplin-desktop --features custom-protocol

# The real app in a real WebKit window under Xvfb, driven by WebDriver.
e2e: test-deps app
	TREMPLIN_E2E_APP=$(CURDIR)/$(APP) TAURI_DRIVER=$(TAURI_DRIVER) \
	  xvfb-run -a -s "-screen 0 1280x800x24" $(CARGO) test -p tremplin-e2e --test window -- --nocapture

# The release app and its Linux installers (.deb, .rpm), with the `tremplin`
# command line inside. Windows and macOS installers come from the release
# workflow (.github/workflows/release.yml), which cannot run here.
package: deps ui
	$(CARGO) build --release -p tremplin --bin tremplin
	$(TAURI) build --ci --bundles deb,rpm
	@ls -l target/release/bundle/deb/*.deb target/release/bundle/rpm/*.rpm

# The installed app: the .deb installed on this machine, started under Xvfb,
# updated by a newer package (same binaries, version +1: the data must stay),
# then removed. Needs root (or sudo).
package-test: test-deps package
	mkdir -p target/package-test
	cp $(DEB) target/package-test/old.deb
	$(TAURI) bundle --ci --bundles deb --config '{"version":"$(NEXT)"}'
	mv target/release/bundle/deb/Tremplin_$(NEXT)_amd64.deb target/package-test/new.deb
	tests/package/installed.sh target/package-test/old.deb target/package-test/new.deb target/package-test

# Every size and format of the icon, from its one source drawing.
icons: ui-deps
	$(TAURI) icon icons/source/tremplin.svg -o icons
	rm -rf icons/android icons/ios

bench:
	$(CARGO) bench --bench document
	$(CARGO) bench --bench results
	$(CARGO) bench --bench backup

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

clean:
	$(CARGO) clean
	rm -rf ui/node_modules ui/dist $(STAMPS)
