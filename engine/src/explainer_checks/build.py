"""Build a site in this process, as `mkdocs build [--strict]` would, and read what it wrote and logged."""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from explainer_mkdocs.reporting import build_log

# A problem line: `file:line: what is wrong`.
LOCATED = re.compile(r"^[\w./-]+:\d+: ")


@dataclass
class BuiltSite:
    """The outcome of one build: whether it passed, what it logged, and its pages."""

    ok: bool
    site_dir: Path
    messages: list[str] = field(default_factory=list)  # WARNING and ERROR log lines
    levels: list[str] = field(default_factory=list)  # each message's level: "error" or "warning"

    @property
    def located(self) -> list[str]:
        """The `file:line: message` lines among the messages, in the order logged."""
        return [message for message in self.messages if LOCATED.match(message)]

    @property
    def problem_lines(self) -> list[tuple[str, str]]:
        """(level, `file:line: message`) of every problem line, in the order logged."""
        return [
            (level, message)
            for level, message in zip(self.levels, self.messages, strict=True)
            if LOCATED.match(message)
        ]

    def html(self, page_path: str) -> BeautifulSoup:
        """Parsed HTML of a built page, e.g. 'story/the-fall/' or 'sources/': shared (`parsed_page`), read it,
        never change it."""
        target = self.site_dir / page_path
        if page_path.endswith("/") or not page_path:
            target = target / "index.html"
        return parsed_page(target)

    def pages(self) -> list[Path]:
        """Every HTML file the build wrote."""
        return sorted(self.site_dir.rglob("*.html"))


def parsed_page(path: Path) -> BeautifulSoup:
    """The HTML file at `path`, parsed once for every check that reads it while it is unchanged (the same
    modification time and size): the checks of a session's build read its pages many times, and parsing
    them is most of what such a check costs. Shared, so read it and never change it: a check that edits a
    page's tree parses a copy of its own."""
    stat = path.stat()
    return _parsed(path, stat.st_mtime_ns, stat.st_size, stat.st_ino)


@functools.lru_cache(maxsize=128)  # a site's pages and a few more (about 15 MB a site of 1.5 MB of HTML)
def _parsed(path: Path, mtime_ns: int, size: int, inode: int) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def build_config(config_file: Path, site_dir: Path, strict: bool = True) -> BuiltSite:
    """Build the site that `config_file` describes into `site_dir`, collecting its warnings and errors."""
    with build_log() as records:
        try:
            build(load_config(str(config_file), strict=strict, site_dir=str(site_dir)))
            ok = True
        except Abort:
            ok = False
    levels = ["warning" if record.levelno == logging.WARNING else "error" for record in records]
    return BuiltSite(ok, site_dir, [record.getMessage() for record in records], levels)
