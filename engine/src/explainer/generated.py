"""Pages written from data: Markdown only where Markdown is needed, finished HTML for the rest.

A generated page (Sources, Glossary, Timeline, Corrections) is mostly HTML built from the data,
every value escaped. Only its title, headings, introductions and text written in Markdown (a
glossary entry's `long`) need Python-Markdown: for the table of contents, typographic quotes,
and links that MkDocs checks. So the page is a list of parts: Markdown, converted with the rest
of the site, and `Html`, which Python-Markdown never parses or walks. Each HTML part goes through
the conversion as a one-line placeholder and is put back into the converted page afterwards
(MkDocs: on_page_content), exactly where a raw HTML block would have been.

`Open` and `Close` parts put the parts between them into an element of the page (a <div>
around a glossary entry): built directly in Python-Markdown's tree, so no element of a long
page has thousands of children (Python-Markdown's inline passes slow down with the square of
that number) and no HTML needs parsing.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

_PLACEHOLDER = "<!-- explainer-html {} -->"
# Python-Markdown writes a raw HTML block (here, a placeholder) on its own line and a blank line after it.
_PLACEHOLDER_RE = re.compile(r"<!-- explainer-html (\d+) -->(\n\n)?")
_ID = re.compile(r'\sid="([^"]+)"')
# Paragraphs that stand for Open and Close parts until `nest` replaces them with the element.
_OPEN = "explainer-open-{}"
_CLOSE = "explainer-close"


@dataclass(frozen=True)
class Html:
    """Finished HTML for a generated page, every value from data already escaped.

    `tail` is what follows it in the page: a blank line, as after any raw HTML block, or one
    newline where the HTML opens or closes an element around the Markdown next to it.
    """

    text: str
    tail: str = "\n\n"


@dataclass(frozen=True)
class Open:
    """The start of an element holding the parts up to the matching `Close` (e.g. a div with a class)."""

    tag: str
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Close:
    """The end of the element the last unclosed `Open` started."""


Part = str | Html | Open | Close


@dataclass
class GeneratedPage:
    """A generated page's body: Markdown, HTML and element parts, in reading order."""

    parts: list[Part] = field(default_factory=list)

    def add(self, part: Part) -> None:
        """Add a part; consecutive Markdown parts become one, and so do consecutive HTML parts."""
        last = self.parts[-1] if self.parts else None
        if isinstance(part, str) and isinstance(last, str):
            part = f"{self.parts.pop()}\n{part}"
        elif isinstance(part, Html) and isinstance(last, Html):
            self.parts.pop()
            part = Html(last.text + last.tail + part.text, part.tail)
        self.parts.append(part)

    def markdown(self) -> str:
        """What Python-Markdown converts: the Markdown parts, each other part as a one-line block."""
        html_numbers, open_numbers = itertools.count(), itertools.count()

        def block(part: Part) -> str:
            if isinstance(part, Html):
                return f"\n{_PLACEHOLDER.format(next(html_numbers))}\n"
            if isinstance(part, Open):
                return f"\n{_OPEN.format(next(open_numbers))}\n"
            return f"\n{_CLOSE}\n" if isinstance(part, Close) else part

        return "\n".join(block(part) for part in self.parts)

    def nest(self, root: etree.Element) -> None:
        """Replace the Open and Close paragraphs of the parsed page with the elements they stand for.

        One pass that builds each element's list of children (removing children one by one
        would cost the square of their number).
        """
        opens = [part for part in self.parts if isinstance(part, Open)]
        stack: list[tuple[etree.Element, list[etree.Element]]] = [(root, [])]
        for child in list(root):
            marker = child.text if child.tag == "p" and len(child) == 0 else None
            if marker is not None and marker.startswith(_OPEN.format("")):
                part = opens[int(marker.removeprefix(_OPEN.format("")))]
                stack.append((etree.Element(part.tag, dict(part.attributes)), []))
            elif marker == _CLOSE and len(stack) > 1:
                element, children = stack.pop()
                element.extend(children)
                stack[-1][1].append(element)
            else:
                stack[-1][1].append(child)
        if len(stack) > 1:
            raise ValueError("a generated page opens an element it never closes")
        root[:] = stack[0][1]

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
        md.treeprocessors.register(NestingTreeprocessor(md, lambda: self), NESTING_NAME, NESTING_PRIORITY)
        try:
            return self.fill(md.convert(self.markdown()))
        finally:
            md.treeprocessors.deregister(NESTING_NAME)

    @property
    def anchor_ids(self) -> set[str]:
        """The ids in the HTML parts, which links from other pages may point at."""
        return {anchor for part in self.parts if isinstance(part, Html) for anchor in _ID.findall(part.text)}


# Before inline patterns (20), so they run over a tree of modest width; after block parsing.
NESTING_NAME, NESTING_PRIORITY = "explainer-generated-page", 40


class NestingTreeprocessor(Treeprocessor):
    """Runs `GeneratedPage.nest` on the page being converted, if it is a generated page."""

    def __init__(self, md: Markdown, current: Callable[[], GeneratedPage | None]):
        super().__init__(md)
        self.current = current

    def run(self, root: etree.Element) -> None:
        if (page := self.current()) is not None:
            page.nest(root)


class GeneratedPagesExtension(Extension):
    """Builds the elements of a generated page in the tree being converted (see `GeneratedPage.nest`).

    `current` gives the generated page being converted, or None for a page written by hand.
    """

    def __init__(self, current: Callable[[], GeneratedPage | None]):
        super().__init__()
        self.current = current

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(NestingTreeprocessor(md, self.current), NESTING_NAME, NESTING_PRIORITY)
