"""The quick check, `python -m explainer.validate`: the build itself, every problem in file order, in about a second.

It builds the site as `mkdocs build` does, in this process, into a temporary folder (nothing is
written to site/), through every check (the end of on_env), without the two parts that find no
mistake: Material's search index and writing the pages' HTML. It prints the build's problems in
file order, then one line that sums them up;
under GitHub Actions each problem is also an annotation on its line of the pull request's diff.
`--help` says the rest.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from explainer.errors import ERROR, WARNING, Problem, in_file_order, summary, under_github_actions

from .hooks import CHECK_ONLY, Checked, built_context
from .reporting import Stop, build_log, config_problems

DESCRIPTION = """\
Check the site as `mkdocs build` does, by building it into a temporary folder: mkdocs.yml, the data
files (against their schemas and each other), every page (citations, glossary links, Key dates,
corrections' anchors, front matter), the links between pages and the nav. Every problem is one line,
`file:line: what is wrong`, printed as the build prints it, in file order; then one line sums up.

An error stops every build; a warning (a source nobody cites, a glossary entry no page mentions,
a link that leads nowhere, a page missing from the nav) fails only strict builds: `make build`,
CI, and this command with --strict. If a file cannot be read at all (a YAML syntax error, a page
that is not UTF-8), the checks that need it are skipped, and the last line says so."""

EPILOG = """\
exit status:
  0  no errors (warnings, if any, are printed)
  1  errors (with --strict: errors or warnings) in the files reported
  2  the command was used wrongly (unknown option, no mkdocs.yml, a FILE that does not exist)

Under GitHub Actions (GITHUB_ACTIONS=true) each problem is also printed as a workflow command
(`::error file=...,line=...::...`), which shows it on that line of the pull request's diff. The
build does not annotate, so a mistake is annotated once, by this check in CI's lint job."""

# Each problem line as MkDocs prints a log record: the same lines as the build's.
LEVEL_PREFIX = {ERROR: f"{'ERROR':<8}-  ", WARNING: f"{'WARNING':<8}-  "}


@dataclass
class Check:
    """What the build found: its problems (with a line), MkDocs' other warnings, whether it stopped early."""

    problems: list[Problem] = field(default_factory=list)
    others: list[tuple[str, str]] = field(default_factory=list)  # (level, message) of MkDocs' own lines
    stopped_early: bool = False
    pages: int = 0
    data: dict[str, int] = field(default_factory=dict)  # records by data file


def check_site(config_file: Path) -> Check:
    """Build the site that `config_file` describes into a temporary folder, and collect what it reports."""
    check, stop = Check(), None
    with build_log() as logged:
        try:
            with tempfile.TemporaryDirectory(prefix="explainer-check-") as site_dir:
                config = load_config(str(config_file), site_dir=site_dir)
                # Material's search index finds no mistake and is a fifth of the build's time: the check skips it.
                if (search := config.plugins.get("material/search")) is not None and "enabled" in search.config:
                    search.config.enabled = False
                setattr(config, CHECK_ONLY, True)
                with contextlib.suppress(Checked):  # every check has run: the pages are not written
                    build(config)
            context = built_context(config)
            check.pages = sum(src_uri.endswith(".md") for src_uri in context.site.urls)
            check.data = {name: len(records) for name, records in context.records.items()}
        except ConfigurationError as error:
            stop, check.stopped_early = error, True
        except Abort as error:
            stop = error.__context__
            check.stopped_early = isinstance(stop, Stop) and stop.stopped_early
    for record in logged:  # a stop's summary is ours to print, for the files asked about
        if (problem := getattr(record, "problem", None)) is not None:
            check.problems.append(problem)
        elif not (isinstance(stop, Stop) and record.getMessage() == str(stop)):
            check.others.append((ERROR if record.levelno >= logging.ERROR else WARNING, record.getMessage()))
    if isinstance(stop, ConfigurationError):
        check.problems = config_problems(config_file, stop)
    return check


def main(argv: list[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    config_file = Path(options.config_file)
    if not config_file.is_file():
        _parser().error(f"no configuration file {config_file} (run it in the project, or give -f path/to/mkdocs.yml)")
    config_file = config_file.resolve()
    if missing := [name for name in options.files if not Path(name).exists()]:
        _parser().error(f"no such file: {', '.join(missing)}")
    result = check_site(config_file)
    wanted = {_project_path(Path(name), config_file.parent) for name in options.files}
    shown = [problem for problem in in_file_order(result.problems) if not wanted or problem.file in wanted]
    for problem in shown:
        if under_github_actions():  # a workflow command: GitHub shows it on its line of the pull request's diff
            print(problem.github_annotation(), flush=True)  # noqa: T201 - read by GitHub
        print(LEVEL_PREFIX[problem.level] + str(problem), file=sys.stderr)  # noqa: T201 - a command-line tool
    for level, message in result.others:
        print(LEVEL_PREFIX[level] + message, file=sys.stderr)  # noqa: T201 - MkDocs' own warnings
    others = len(set(result.problems)) - len(shown)
    if shown or result.stopped_early:
        print(summary(shown, result.stopped_early) + _elsewhere(others), file=sys.stderr)  # noqa: T201
    elif not result.others:
        counts = ", ".join(f"{count} {name}" for name, count in result.data.items())
        print(f"OK: mkdocs.yml, data/*.yml ({counts}), {result.pages} pages" + _elsewhere(others))  # noqa: T201
    failed = any(problem.is_error or options.strict for problem in shown) or (options.strict and result.others)
    return 1 if failed or any(level == ERROR for level, _ in result.others) else 0


def problems_of(config_file: Path) -> list[Problem]:
    """Every problem of the build, in file order (for tests)."""
    return in_file_order(check_site(config_file).problems)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m explainer.validate",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="report only the problems in these files (the whole site is still checked: a change to one file can "
        "break another, so run it without files before you push)",
    )
    parser.add_argument(
        "-f",
        "--config-file",
        default="mkdocs.yml",
        metavar="PATH",
        help="the site's configuration, as for mkdocs (default: mkdocs.yml)",
    )
    parser.add_argument(
        "-s",
        "--strict",
        action="store_true",
        help="fail on warnings too, as `mkdocs build --strict` (make build, CI) does",
    )
    return parser


def _elsewhere(count: int) -> str:
    if not count:
        return ""
    return f" ({count} more problem{'s' if count > 1 else ''} in other files: run without file names to see them)"


def _project_path(path: Path, root: Path) -> str:
    """A file named on the command line as problems name it: its path in the project ('data/events.yml')."""
    resolved = path.resolve()
    return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else path.as_posix()
