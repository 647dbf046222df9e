"""Problems found in data files, pages and links, reported as one line each: `file:line: what is wrong`.

A problem is an error (it stops every build) or a warning (it fails only strict builds: `make
build`, CI, `python -m explainer.validate --strict`; `make serve` still previews). Every check
collects its problems and the build reports them all together, sorted by file and line, so a
contributor sees every mistake at once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

ERROR = "error"
WARNING = "warning"

# Said after the problems when a file could not be read: the checks that needed it did not run.
STOPPED_EARLY = (
    "Stopped early: a file above cannot be read, so the checks that need it (data against data and pages, "
    "the pages, their links) did not run; fix it and run again to see any other problems."
)


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake a contributor can fix, located in a file (repo-relative path) and line."""

    file: str
    line: int
    message: str
    level: str = field(default=ERROR, compare=False)  # ERROR or WARNING

    def __str__(self) -> str:
        # One line, always: a line break from a page or a data file would start a line of the log that a
        # contributor wrote (GitHub Actions reads `::error::...` at the start of a line as a command).
        return f"{self.file}:{self.line}: {' '.join(self.message.splitlines())}"

    @property
    def is_error(self) -> bool:
        return self.level == ERROR

    def as_warning(self) -> Problem:
        return replace(self, level=WARNING)

    def github_annotation(self, level: str | None = None) -> str:
        """The same problem as a GitHub Actions workflow command, shown on the pull request's diff."""
        file = _escape_data(self.file).replace(":", "%3A").replace(",", "%2C")  # separators in a property
        return f"::{level or self.level} file={file},line={self.line}::{_escape_data(self.message)}"


def _escape_data(text: str) -> str:
    """Escape a workflow command's message as the Actions runner expects."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def in_file_order(problems: list[Problem]) -> list[Problem]:
    """Each problem once, sorted by file, then line, then message."""
    return sorted(set(problems))


def summary(problems: list[Problem], stopped_early: bool = False) -> str:
    """The line after the problems: how many errors and warnings, in how many files, and what next."""
    errors = sum(problem.is_error for problem in set(problems))
    warnings = len(set(problems)) - errors
    counts = [_count(errors, "error"), _count(warnings, "warning")] if warnings else [_count(errors, "error")]
    files = len({problem.file for problem in problems})
    found = f"{' and '.join(counts)} in {_count(files, 'file')}"
    if stopped_early:
        return f"{found}. {STOPPED_EARLY}"
    if not errors:
        return f"{found}: warnings fail only strict builds (make build, CI); fix them before publishing."
    return f"{found}, listed above in file order; fix {'it' if errors + warnings == 1 else 'them'} and run again."


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


class DataError(Exception):
    """Raised when data or pages have problems that must stop the build."""

    def __init__(self, problems: list[Problem], stopped_early: bool = False):
        self.problems = in_file_order(problems)
        self.stopped_early = stopped_early
        super().__init__("\n".join(str(p) for p in self.problems))


def raise_if_any(problems: list[Problem]) -> None:
    """Stop with every problem found so far, so a contributor can fix them all in one go."""
    if problems:
        raise DataError(problems)


def under_github_actions() -> bool:
    """True when running as a GitHub Actions step (its runners set GITHUB_ACTIONS=true)."""
    return os.environ.get("GITHUB_ACTIONS") == "true"


def line_of(text: str, needle: str) -> int:
    """The 1-based line on which `needle` first occurs in `text` (1 if absent)."""
    return text.count("\n", 0, max(text.find(needle), 0)) + 1
