"""Checks on built HTML shared by the tests: the engine's (explainer_checks.html), with this repository's
node_modules for the Nu HTML Checker (vnu-jar, installed by `npm ci`).

Without Java or the jar the tests that need it skip with the reason; under CI (`CI` set) they fail instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from conftest import REPO

from explainer_checks import html as _html
from explainer_checks.html import (  # noqa: F401 - re-exported to the tests
    KNOWN_THEME_ERRORS,
    KnownError,
    VnuError,
    style_attributes,
    unsafe_markup,
)

VNU_JAR = REPO / _html.VNU_JAR


def java_and_vnu() -> str:
    """The java executable; skips the test (fails it under CI) if Java or vnu.jar is missing."""
    return _html.java_and_vnu(REPO)[0]


def vnu_errors(paths: Iterable[Path], relative_to: Path) -> list[VnuError]:
    """Every error the Nu HTML Checker finds in these HTML files (one Java start for all of them)."""
    return _html.vnu_errors(REPO, paths, relative_to)
