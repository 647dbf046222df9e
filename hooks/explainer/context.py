"""State of one build, shared by the hooks: the validated data, the page being converted,
the problems found in pages, and the backlinks collected for generated pages.

It is created afresh in `on_config` and attached to that build's config object, so
nothing survives from one `mkdocs serve` rebuild to the next.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .backlinks import BacklinkIndex
from .codeblocks import without_code
from .data import SiteData
from .errors import Problem, line_of
from .urls import relative_url

_ATTRIBUTE = "_explainer_build"


@dataclass
class PageInfo:
    """The page being converted, as the Markdown extensions need to know it."""

    src_uri: str  # path inside docs/, e.g. "story/the-fall.md"
    url: str  # site URL, e.g. "story/the-fall/"
    title: str
    source_text: str = ""  # the file as written (front matter included), for line numbers
    generated: bool = False

    @property
    def file_label(self) -> str:
        """The page's path as contributors see it in the repository."""
        return f"docs/{self.src_uri}"

    @property
    def is_story(self) -> bool:
        return self.src_uri.startswith("story/") and not self.generated

    def problem(self, needle: str, message: str) -> Problem:
        """A problem located at the first line of this page that contains `needle` outside code."""
        text = without_code(self.source_text)
        return Problem(self.file_label, line_of(text if needle in text else self.source_text, needle), message)

    def link_to(self, target_url: str) -> str:
        return relative_url(target_url, self.url)


@dataclass
class BuildContext:
    site: SiteData
    backlinks: BacklinkIndex = field(default_factory=BacklinkIndex)
    problems: list[Problem] = field(default_factory=list)
    # Under `mkdocs serve` only: problems shown at the top of every page instead of stopping the
    # build, and whether the data they concern was replaced by the last good data (explainer.serving).
    preview_problems: list[Problem] = field(default_factory=list)
    stale_data: bool = False
    page: PageInfo | None = None
    state: dict[str, Any] = field(default_factory=dict)  # per-concern objects, e.g. Markdown extensions


def attach(config: Any, context: BuildContext) -> None:
    setattr(config, _ATTRIBUTE, context)


def context_of(config: Any) -> BuildContext:
    return getattr(config, _ATTRIBUTE)
