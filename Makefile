# The front door. `make` lists the targets.

GO       ?= go
VERSION  ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)
FUZZTIME ?= 30s
# Extra flags for `go test`, e.g. TESTFLAGS='-run TestX -v' or '-race'.
TESTFLAGS ?=

GOLANGCI_LINT_VERSION = v2.15.0
GOLANGCI_LINT ?= $(GO) run github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_LINT_VERSION)

# What `go generate ./...` writes; check-generated compares these with git.
GENERATED = ent ':!ent/schema' ':!ent/entc.go' \
	graph/generated.go graph/model graph/ent.graphqls schema.graphql frontend/dist

.DEFAULT_GOAL := help
.PHONY: help generate build run test test-ci lint fuzz bench check-generated

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

generate: ## Regenerate ent, gqlgen and schema.graphql (go generate ./...)
	$(GO) generate ./...

build: ## Build bin/chidao
	$(GO) build -trimpath -ldflags "-s -w -X main.version=$(VERSION)" -o bin/chidao ./cmd/chidao

run: build ## Build, then serve with demo data on an empty database
	bin/chidao serve --demo

test: ## Run the tests (PostgreSQL ones are skipped if it is unreachable)
	$(GO) test -timeout 20m $(TESTFLAGS) ./...

test-ci: ## Run the tests as CI does: PostgreSQL required, no test cache
	CHIDAO_TEST_POSTGRES_REQUIRED=1 $(MAKE) --no-print-directory test TESTFLAGS='-count=1 $(TESTFLAGS)'

lint: ## go vet and golangci-lint (.golangci.yml)
	$(GO) vet ./...
	$(GOLANGCI_LINT) run ./...

fuzz: ## Fuzz the document parser for FUZZTIME (default 30s)
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./internal/docparse

bench: ## Run the benchmarks
	$(GO) test -run '^$$' -bench . -benchmem ./...

check-generated: generate ## Regenerate; fail if generated files differ from git's index
	@if ! git diff --quiet -- $(GENERATED) || \
	    [ -n "$$(git ls-files --others --exclude-standard -- $(GENERATED))" ]; then \
		echo 'Generated files are stale: run `make generate` and commit the result.'; \
		git diff --stat -- $(GENERATED); \
		git ls-files --others --exclude-standard -- $(GENERATED) | sed 's/^/ untracked: /'; \
		exit 1; \
	fi
	@echo 'Generated files are up to date.'
