"""`pytest --count-builds`: how many end-to-end builds each test file runs, printed at the end of the run.

Counted, per test file (a session fixture's build counts for the file of the first test that needs it):
- in-process: every MkDocs build started in the test process (each `mkdocs.commands.build.build`, which
  runs the plugins' on_config first): explainer_checks' build_config, tests/conftest.py build_project,
  the session builds, and the quick check (`explainer.validate`, the build into a temporary folder),
  which is also counted on its own ("quick check");
- subprocess: every process the tests start that builds or serves a site: mkdocs, properdocs, the
  `explainer` command, `python -m explainer.*` (the quick check, the reader's diff), scripts/*.py, and
  `make` but a dry run (`make -n`, `--dry-run`, `--just-print`, `--recon`: the recipe printed, nothing run)
  or a target that builds nothing (`make no-machine-made-files`);
  not those asked only for --version or --help. A process that builds twice (the reader's diff builds two
  revisions) counts once, and one that stops before it builds (a wrong option) counts too.

Off unless asked for; it works under pytest-xdist too (each worker's counts travel with its reports).
"""

from __future__ import annotations

import subprocess
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from mkdocs.plugins import PluginCollection

KEY = "explainer_builds"
BUILDING_PROGRAMS = {"mkdocs", "properdocs", "explainer"}
DRY_RUN = {"-n", "--dry-run", "--just-print", "--recon"}  # make's ways of printing the recipe without running it
CHECKS_ONLY = {"no-machine-made-files"}  # make targets that build nothing (the Makefile's check of committed files)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--count-builds",
        action="store_true",
        help="count the end-to-end builds (in-process and subprocess) each test file runs, and print the table",
    )


class BuildCounter:
    def __init__(self) -> None:
        self.current: Counter[str] = Counter()  # counts since the last report (one test phase)
        self.by_file: defaultdict[str, Counter[str]] = defaultdict(Counter)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        counter = self
        on_config = PluginCollection.on_config

        def counting_on_config(plugins, config):
            counter.current["in-process"] += 1
            if getattr(config, "_explainer_check_only", False):  # explainer_mkdocs.hooks.CHECK_ONLY
                counter.current["quick check"] += 1
            return on_config(plugins, config)

        popen_init = subprocess.Popen.__init__

        def counting_popen_init(process, args, *positional, **keywords):
            if builds(args):
                counter.current["subprocess"] += 1
            return popen_init(process, args, *positional, **keywords)

        monkeypatch.setattr(PluginCollection, "on_config", counting_on_config)
        monkeypatch.setattr(subprocess.Popen, "__init__", counting_popen_init)

    def take(self) -> dict[str, int]:
        taken, self.current = dict(self.current), Counter()
        return taken


def builds(args) -> bool:
    """Whether a command line builds (or serves) a site."""
    words = [str(word) for word in ([args] if isinstance(args, str | Path) else args)]
    if not words or {"--version", "--help", "-h"} & set(words[1:]):
        return False  # answers without building
    program = Path(words[0].split()[0]).name
    if program in BUILDING_PROGRAMS:
        return True
    if program == "make":
        targets = [word for word in words[1:] if not word.startswith("-") and "=" not in word]
        return not DRY_RUN & set(words[1:]) and not (targets and set(targets) <= CHECKS_ONLY)
    if program.startswith("python"):
        rest = words[1:]
        if rest[:1] == ["-m"] and len(rest) > 1:
            return rest[1].split(".")[0] in BUILDING_PROGRAMS
        return any(word.endswith(".py") and "scripts" in Path(word).parts for word in rest)
    return False


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--count-builds", default=False):
        counter = BuildCounter()
        patcher = pytest.MonkeyPatch()
        counter.install(patcher)
        config.stash[COUNTER] = counter
        config.add_cleanup(patcher.undo)


COUNTER = pytest.StashKey[BuildCounter]()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    counter = item.config.stash.get(COUNTER, None)
    if counter is not None:
        counts = counter.take()
        if counts:
            outcome.get_result().user_properties.append((KEY, counts))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Add up each phase's counts by file (in the controller under xdist)."""
    if _TOTALS is not None:
        for name, counts in report.user_properties:
            if name == KEY:
                _TOTALS[report.nodeid.split("::")[0]].update(counts)


_TOTALS: defaultdict[str, Counter[str]] | None = None  # the table, when --count-builds is given


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    global _TOTALS
    if session.config.getoption("--count-builds", default=False):
        _TOTALS = defaultdict(Counter)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    if _TOTALS is None:
        return
    columns = ["in-process", "quick check", "subprocess"]
    rows = sorted(_TOTALS.items(), key=lambda item: (-(item[1]["in-process"] + item[1]["subprocess"]), item[0]))
    write = terminalreporter.write_line
    terminalreporter.section("end-to-end builds (--count-builds)")
    width = max([len("total"), *(len(name) for name, _ in rows)])
    write(f"{'file':<{width}}  " + "  ".join(f"{column:>11}" for column in columns) + f"  {'builds':>6}")
    total: Counter[str] = Counter()
    for name, counts in rows:
        total.update(counts)
        cells = "  ".join(f"{counts[column]:>11}" for column in columns)
        write(f"{name:<{width}}  {cells}  {counts['in-process'] + counts['subprocess']:>6}")
    cells = "  ".join(f"{total[column]:>11}" for column in columns)
    write(f"{'total':<{width}}  {cells}  {total['in-process'] + total['subprocess']:>6}")
