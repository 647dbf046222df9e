"""The quick check: every problem `mkdocs build` would report, without building the site, in about a second.

    PYTHONPATH=hooks .venv/bin/python -m explainer.validate [--strict] [-f mkdocs.yml] [FILE ...]

It runs the build's own checks (explainer.sitecheck) on the files: mkdocs.yml, the data files,
every page converted with the site's Markdown extensions, links and the nav. It prints the build's
lines, in file order, then one line that sums them up; `--help` says the rest.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .data import SiteData, check_page_references, concern_names, load_site_data
from .errors import ERROR, WARNING, Problem, in_file_order, summary, under_github_actions
from .pages import is_story_page, section_id
from .sitecheck import SiteCheck, check_site

DESCRIPTION = """\
Check the site as `mkdocs build` does, without building it: mkdocs.yml, the data files (against
their schemas and each other), every page (citations, glossary links, Key dates, corrections'
anchors, front matter), the links between pages and the nav. Every problem is one line,
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
        if under_github_actions():
            print(problem.github_annotation(), flush=True)  # noqa: T201 - read by GitHub
        print(LEVEL_PREFIX[problem.level] + str(problem), file=sys.stderr)  # noqa: T201 - a command-line tool
    others = len(set(result.problems)) - len(shown)
    if shown or result.stopped_early:
        print(summary(shown, result.stopped_early) + _elsewhere(others), file=sys.stderr)  # noqa: T201
    else:
        print(ok_line(result) + _elsewhere(others))  # noqa: T201 - a command-line tool
    failed = any(problem.is_error or options.strict for problem in shown)
    return 1 if failed else 0


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


def ok_line(result: SiteCheck) -> str:
    """What was checked, when nothing is wrong."""
    data = result.data
    counts = ", ".join(f"{len(getattr(data, name))} {name}" for name in concern_names()) if data else ""
    return f"OK: mkdocs.yml, data/*.yml ({counts}), {result.pages} pages, {result.links} links"


def _elsewhere(count: int) -> str:
    if not count:
        return ""
    return f" ({count} more problem{'s' if count > 1 else ''} in other files: run without file names to see them)"


def _project_path(path: Path, root: Path) -> str:
    """A file named on the command line as problems name it: its path in the project ('data/events.yml')."""
    resolved = path.resolve()
    return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else path.as_posix()


# The data files alone ----------------------------------------------------------------------------


def validate(root: Path) -> SiteData:
    """The data files under `root`, checked on their own and against the list of pages; DataError if wrong.

    For tests and scripts that want the checked data; the command checks the whole site.
    """
    site = load_site_data(root)
    pages = {path.relative_to(root / "docs").as_posix() for path in (root / "docs").rglob("*.md")}
    check_page_references(site, {section_id(page) for page in pages if is_story_page(page)}, pages)
    return site


def problems_of(config_file: Path) -> list[Problem]:
    """Every problem of the whole check, in file order (for tests)."""
    return in_file_order(check_site(config_file).problems)


if __name__ == "__main__":
    sys.exit(main())
