"""A small element tree over the standard library's HTML parser: enough to read MkDocs' output.

The site's HTML is generated (Python-Markdown and Material's templates), so it is well formed:
every element is closed except the void ones. A stray end tag is ignored; an end tag closes
whatever was left open inside its element. Reading a page takes time in proportion to its size,
whatever its tags (Element.iter and text walk with a stack of their own, not by recursion).
No dependency beyond the standard library, so the reader's diff runs wherever the site builds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


@dataclass(eq=False)
class Element:
    """One element: its tag, attributes, children (elements and text) and parent."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = field(default=None, repr=False)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> Iterator[Element]:
        """This element and every element inside it, in document order."""
        stack: list[Element] = [self]
        while stack:
            element = stack.pop()
            yield element
            stack += [child for child in reversed(element.children) if isinstance(child, Element)]

    def find_all(self, matches: Callable[[Element], bool]) -> list[Element]:
        return [element for element in self.iter() if matches(element)]

    def find(self, matches: Callable[[Element], bool]) -> Element | None:
        return next((element for element in self.iter() if matches(element)), None)

    def text(self, skip: Callable[[Element], bool] = lambda element: False) -> str:
        """The text inside, whitespace collapsed, leaving out the elements `skip` accepts."""
        parts: list[str] = []
        stack: list[Element | str] = list(reversed(self.children))
        while stack:
            child = stack.pop()
            if isinstance(child, str):
                parts.append(child)
            elif not skip(child):
                stack += reversed(child.children)
        return " ".join("".join(parts).split())


def has_class(name: str) -> Callable[[Element], bool]:
    return lambda element: name in element.classes


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document")
        self.open: list[Element] = [self.root]
        self.counts: dict[str, int] = {}  # open elements by tag: an end tag that closes none costs nothing

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs}, parent=self.open[-1])
        self.open[-1].children.append(element)
        if tag not in VOID_TAGS:
            self.open.append(element)
            self.counts[tag] = self.counts.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open[-1].children.append(Element(tag, {n: v or "" for n, v in attrs}, parent=self.open[-1]))

    def handle_endtag(self, tag: str) -> None:
        if not self.counts.get(tag):
            return
        while True:  # each element is closed once: linear in the page
            element = self.open.pop()
            self.counts[element.tag] -= 1
            if element.tag == tag:
                return

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)


def parse_html(markup: str) -> Element:
    """The document's tree; its root is a '#document' element."""
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root
