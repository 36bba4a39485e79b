# make / make build: bin/termite.  make test: everything CI checks.
# make help lists the targets: the text after ## on each target's line.

GO ?= go
# make install copies bin/termite to $(DESTDIR)$(PREFIX)/bin. The default
# is the user's own ~/.local/bin (the XDG place, on PATH by default in most
# distributions), so that installing needs no root;
# sudo make install PREFIX=/usr/local installs for every user.
PREFIX ?= $(HOME)/.local
BINDIR := $(DESTDIR)$(PREFIX)/bin
# The packages whose goroutines share memory, tested again under -race.
RACE_PKGS := ./runtime/... ./eval/... ./net/...

.PHONY: all build install uninstall test fmt-check vet tidy-check bench fuzz pgo clean help

all: build ## Build bin/termite (the default)

# Without cgo the binary is static: no dynamic loader and no C library to
# start, which is 0.7 ms of a 10 ms run. Nothing is lost: the network
# code uses Go's own resolver.
build: ## Build bin/termite
	CGO_ENABLED=0 $(GO) build -o bin/termite ./cmd/termite

install: build ## Copy bin/termite to $(PREFIX)/bin (PREFIX=~/.local; /usr/local: all users)
	install -d $(BINDIR)
	install -m 755 bin/termite $(BINDIR)/termite
	@case ":$$PATH:" in *":$(PREFIX)/bin:"*) ;; \
	*) echo "note: $(PREFIX)/bin is not on PATH: add it, or run $(BINDIR)/termite";; esac

uninstall: ## Remove the termite that make install installed
	rm -f $(BINDIR)/termite

test: fmt-check vet tidy-check ## Everything CI checks: formatting, vet, go.mod, tests, race tests
	$(GO) test ./...
	$(GO) test -race -short $(RACE_PKGS)
	@# The multi-node and process tests again, with a binary built with the
	@# race detector: nodes, their goroutines and the scheduler at work.
	$(GO) build -race -o bin/termite-race ./cmd/termite
	TERMITE_BIN=$(CURDIR)/bin/termite-race $(GO) test -count=1 -run 'Scheme/(nodes|processes)/' ./tests/scheme

fmt-check: ## Fail if a file needs gofmt
	@files=$$(gofmt -l .); \
	if [ -n "$$files" ]; then echo "gofmt needed on:"; echo "$$files"; exit 1; fi

vet: ## Run go vet
	$(GO) vet ./...

# go mod tidy must change nothing: run it on copies, then put them back.
tidy-check: ## Fail if go mod tidy would change go.mod or go.sum
	@tmp=$$(mktemp -d); cp go.mod go.sum $$tmp/; \
	status=0; $(GO) mod tidy || status=1; \
	diff -u $$tmp/go.mod go.mod && diff -u $$tmp/go.sum go.sum || status=1; \
	cp $$tmp/go.mod $$tmp/go.sum .; rm -rf $$tmp; \
	if [ $$status -ne 0 ]; then echo "go mod tidy changes go.mod or go.sum: run it and commit the result"; fi; \
	exit $$status

bench: ## Run the Go benchmarks of every package
	$(GO) test -run '^$$' -bench . -benchmem ./...

# cmd/termite/default.pgo is the profile go build optimizes the binary with
# (Go's profile-guided optimization): runs of benchmark programs, merged.
# Make it again when the machine or the library changes much. BENCH is a
# folder of Scheme benchmark programs, cpu/*.scm and conc/*.scm, of which
# all but idle.scm and startup.scm run; this repository does not hold
# them: make pgo BENCH=DIR.
PGO_PROGRAMS := $(filter-out %/idle.scm %/startup.scm,$(wildcard $(BENCH)/cpu/*.scm $(BENCH)/conc/*.scm))

pgo: build ## Make cmd/termite/default.pgo from runs of the programs in BENCH
	@test -n "$(PGO_PROGRAMS)" || { echo "no programs in $(BENCH): set BENCH"; exit 1; }
	@tmp=$$(mktemp -d); \
	for f in $(PGO_PROGRAMS); do \
		TERMITE_CPUPROFILE=$$tmp/$$(basename $$f .scm).pprof bin/termite $$f > /dev/null || exit 1; \
	done; \
	$(GO) tool pprof -proto $$tmp/*.pprof > cmd/termite/default.pgo; status=$$?; \
	rm -rf $$tmp; exit $$status

# Every fuzz target of the repository, found by its name (func FuzzX in a
# _test.go file), so that a new one is fuzzed without a change here.
FUZZTIME ?= 30s
fuzz: ## Fuzz every fuzz target (reader, decoder, running decoded code, machine, node protocol), FUZZTIME each
	@for f in $$(grep -rl --include='*_test.go' '^func Fuzz' .); do \
		for name in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$f); do \
			echo "$$name ($$(dirname $$f))"; \
			$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) ./$$(dirname $$f) || exit 1; \
		done; \
	done

clean: ## Remove bin/
	rm -rf bin

# The target lines that carry ## text, in file order.
help: ## List the targets
	@awk -F ':.*## ' '/^[a-z-]+:.*## / { printf "  %-11s %s\n", $$1, $$2 }' $(firstword $(MAKEFILE_LIST))
