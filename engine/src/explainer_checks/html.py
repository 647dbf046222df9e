"""Checks on built HTML: the Nu HTML Checker, and what no page may carry.

The Nu HTML Checker (vnu) is the `vnu-jar` npm package in the site's node_modules (`npm ci`), run
with the machine's Java (Debian's default-jre-headless). Without Java or the jar the checks that
need it skip with the reason; under CI (`CI` set) they fail instead.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from .plugin import skip_or_fail

VNU_JAR = Path("node_modules") / "vnu-jar" / "build" / "dist" / "vnu.jar"  # inside the site
# Java for one short run: the quick compiler only (the optimising one costs more CPU than it saves in a run of a
# few seconds: the real site's pages in 3.0-3.4 CPU s instead of 7.0-7.5, the same messages), one GC thread, and
# the larger stack that the checker's schema needs when compiled so (it stops with a StackOverflowError at 1 MB).
VNU_JAVA_OPTIONS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss16m")


@dataclass(frozen=True)
class KnownError:
    """An error the Nu checker reports in Material's own markup, and why it is left alone."""

    name: str
    message: re.Pattern[str]
    why: str


# Material for MkDocs 9.8's markup, not the engine's: this repository's tests/test_html_validity.py
# shows each occurs in a bare Material build of the same pages (no hooks, no overrides).
KNOWN_THEME_ERRORS = (
    KnownError(
        "checkbox-autocomplete",
        re.compile(r"^Attribute “autocomplete” is only allowed when the input type is "),
        'Material\'s drawer and search toggles are hidden checkboxes with autocomplete="off", so that '
        "Firefox does not restore an open drawer or search on reload. The attribute is not valid on a "
        "checkbox, and browsers that do not need it ignore it: harmless.",
    ),
    KnownError(
        "label-empty-tabindex",
        re.compile(r"^Bad value “” for attribute “tabindex” on element “label”"),
        'Material\'s navigation writes tabindex="" on the labels of sections that are not links '
        "(navigation.sections). Browsers treat an empty tabindex as absent: harmless.",
    ),
)


@dataclass(frozen=True)
class VnuError:
    file: str
    line: int
    message: str
    extract: str = ""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message} [{self.extract.strip()[:80]}]"

    @property
    def known(self) -> KnownError | None:
        return next((known for known in KNOWN_THEME_ERRORS if known.message.search(self.message)), None)


def java_and_vnu(root: Path) -> tuple[str, Path]:
    """The java executable and the site's vnu.jar; skips the check (fails it under CI) if either is missing."""
    java, jar = shutil.which("java"), root / VNU_JAR
    if java is None or not jar.is_file():
        missing = "java (apt-get install default-jre-headless)" if java is None else "vnu.jar (run `npm ci`)"
        skip_or_fail(f"NU HTML CHECKER NOT RUN: {missing} is missing")
    return java, jar


def vnu_errors(root: Path, paths: Iterable[Path], relative_to: Path) -> list[VnuError]:
    """Every error the Nu HTML Checker finds in these HTML files (one Java start for all of them)."""
    files = sorted(paths)
    if not files:
        return []
    java, jar = java_and_vnu(root)
    result = subprocess.run(
        [
            java,
            *VNU_JAVA_OPTIONS,
            "-jar",
            str(jar),
            "--format",
            "json",
            "--errors-only",
            "--exit-zero-always",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    return [
        VnuError(
            Path(message["url"].removeprefix("file:")).relative_to(relative_to).as_posix(),
            message.get("lastLine", 0),
            message["message"],
            message.get("extract", ""),
        )
        for message in json.loads(result.stderr)["messages"]
        if message["type"] == "error"
    ]


# What no page may carry ---------------------------------------------------------------------------

# Attributes whose value is an address the browser follows or loads, on any element.
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset")
PAGE_SCHEMES = {"https", "mailto"}
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))


def unsafe_markup(page: BeautifulSoup) -> list[str]:
    """Event-handler attributes, and addresses with a scheme other than https: or mailto: (or to //host)."""
    found = []
    for element in page.find_all(True):
        for name, value in element.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"<{element.name} {name}=…>")
            elif name.lower() in URL_ATTRIBUTES and not _allowed_address(str(value)):
                found.append(f"<{element.name} {name}={value!r}>")
    return found


def _allowed_address(value: str) -> bool:
    """As a browser reads it: leading and trailing controls and spaces dropped, tabs and newlines anywhere."""
    url = re.sub(r"[\t\n\r]", "", value.strip(_C0_AND_SPACE))
    if scheme := _SCHEME.match(url):
        return scheme.group(1).lower() in PAGE_SCHEMES
    return not url.replace("\\", "/").startswith("//")


def style_attributes(page: BeautifulSoup) -> set[str]:
    """Every distinct style attribute on the page, as (tag, value) strings."""
    return {f"<{element.name} style={element['style']!r}>" for element in page.find_all(style=True)}
