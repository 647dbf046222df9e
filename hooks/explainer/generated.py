"""Pages written from data: Markdown only where Markdown is needed, finished HTML for the rest.

A generated page (Sources, Glossary, Timeline, Corrections) is mostly HTML built from the data,
every value escaped. Only its title, headings, introductions and text written in Markdown (a
glossary entry's `long`) need Python-Markdown: for the table of contents, typographic quotes,
and links that MkDocs checks. So the page is a list of parts: Markdown, converted with the rest
of the site, and `Html`, which Python-Markdown never parses or walks. Each HTML part goes through
the conversion as a one-line placeholder and is put back into the converted page afterwards
(MkDocs: on_page_content), exactly where a raw HTML block would have been.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from markdown import Markdown

_PLACEHOLDER = "<!-- explainer-html {} -->"
# Python-Markdown writes a raw HTML block (here, a placeholder) on its own line and a blank line after it.
_PLACEHOLDER_RE = re.compile(r"<!-- explainer-html (\d+) -->(\n\n)?")
_ID = re.compile(r'\sid="([^"]+)"')


@dataclass(frozen=True)
class Html:
    """Finished HTML for a generated page, every value from data already escaped.

    `tail` is what follows it in the page: a blank line, as after any raw HTML block, or one
    newline where the HTML opens or closes an element around the Markdown next to it.
    """

    text: str
    tail: str = "\n\n"


@dataclass
class GeneratedPage:
    """A generated page's body: Markdown parts and HTML parts, in reading order."""

    parts: list[str | Html] = field(default_factory=list)

    def add(self, part: str | Html) -> None:
        """Add a part; consecutive parts of one kind become one."""
        if self.parts and type(self.parts[-1]) is type(part):
            last = self.parts.pop()
            part = Html(last.text + last.tail + part.text, part.tail) if isinstance(part, Html) else f"{last}\n{part}"
        self.parts.append(part)

    def markdown(self) -> str:
        """What Python-Markdown converts: the Markdown parts, each HTML part as a placeholder block."""
        numbers = itertools.count()
        return "\n".join(
            f"\n{_PLACEHOLDER.format(next(numbers))}\n" if isinstance(part, Html) else part for part in self.parts
        )

    def fill(self, converted: str) -> str:
        """The converted page with each placeholder replaced by its HTML part."""
        html_parts = [part for part in self.parts if isinstance(part, Html)]

        def part_for(found: re.Match) -> str:
            part = html_parts[int(found.group(1))]
            return part.text + (part.tail if found.group(2) else "")  # nothing follows the page's last block

        filled = _PLACEHOLDER_RE.sub(part_for, converted)
        if len(_PLACEHOLDER_RE.findall(converted)) != len(html_parts):
            raise ValueError("a generated page lost some of its HTML parts in the conversion")
        return filled

    def render(self, md: Markdown) -> str:
        """The page's body as HTML, converted with `md` alone (without MkDocs: tests, checks)."""
        return self.fill(md.convert(self.markdown()))

    @property
    def anchor_ids(self) -> set[str]:
        """The ids in the HTML parts, which links from other pages may point at."""
        return {anchor for part in self.parts if isinstance(part, Html) for anchor in _ID.findall(part.text)}
