"""Problems found in data files and pages, reported as one line each: `file:line: what is wrong`."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake a contributor can fix, located in a file (repo-relative path) and line."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"

    def github_annotation(self, level: str = "error") -> str:
        """The same problem as a GitHub Actions workflow command, shown on the pull request's diff."""
        message = _escape_data(self.message)
        return f"::{level} file={_escape_property(self.file)},line={self.line}::{message}"


def _escape_data(text: str) -> str:
    """Escape a workflow command's message as the Actions runner expects."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """Escape a workflow command's property value (where ',' and ':' are separators)."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class DataError(Exception):
    """Raised when data or pages have problems that must stop the build."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


def raise_if_any(problems: list[Problem]) -> None:
    """Stop with every problem found so far, so a contributor can fix them all in one go."""
    if problems:
        raise DataError(problems)


def under_github_actions() -> bool:
    """True when running as a GitHub Actions step (its runners set GITHUB_ACTIONS=true)."""
    return os.environ.get("GITHUB_ACTIONS") == "true"


def line_of(text: str, needle: str, start_line: int = 1) -> int:
    """The 1-based line on which `needle` first occurs in `text` (or `start_line` if absent)."""
    index = text.find(needle)
    if index < 0:
        return start_line
    return text.count("\n", 0, index) + 1
