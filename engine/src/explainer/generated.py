"""Pages and files written from data, rendered from Jinja2 templates with every value escaped.

Each generated page and feed has a template in the theme's explainer/ folder; a site overrides one with a
file of the same name in its `custom_dir` (overrides/explainer/glossary.html), as it overrides Material's.
Every value a template prints is escaped (as `html.escape` does) unless it is markup the engine made safe
(a chart, checked Markdown).

A page's template writes Markdown only where Markdown is needed (title, headings, introductions: the table
of contents, typographic quotes, links MkDocs checks) and hands the rest, finished HTML, to Python-Markdown
as placeholder paragraphs (`explainer-part-N`), put back where a raw HTML block would be, unparsed and
unwalked. The template's helpers make the parts:

- `{% call html() %}...{% endcall %}`: finished HTML;
- `{% call element("div", class="x") %}...{% endcall %}`: an element around the Markdown and parts inside it,
  built directly in Python-Markdown's tree (so no element of a long page has thousands of children: its
  inline passes slow down with the square of that number);
- `{{ tree(checked_html) }}`: checked HTML (a glossary entry's `long`) as the page's own elements (its
  `glossary:` links become mentions);
- `{{ text | md }}`: plain text from data, escaped for Markdown.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from markupsafe import Markup

from .markup import fragment_elements

THEME = Path(__file__).resolve().parent / "theme"  # the engine's theme directory (package data)

_PART = "explainer-part-{}"
_PART_RE = re.compile(r"^explainer-part-(\d+)$")
_ID = re.compile(r'\sid="([^"]+)"')
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|!])")


@dataclass(frozen=True)
class Html:
    """Finished HTML, every value in it escaped by the template."""

    text: str


@dataclass(frozen=True)
class Open:
    """The start of an element around the parts up to the matching `Close`."""

    tag: str
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Close:
    """The end of the element the last unclosed `Open` started."""


@dataclass(frozen=True)
class Tree:
    """Checked HTML (explainer.markup) to put into the page as elements."""

    html: str


Part = Html | Open | Close | Tree


@dataclass
class Body:
    """A generated page's body: the Markdown its template wrote, and the parts its placeholders stand for."""

    markdown: str
    parts: list[Part] = field(default_factory=list)

    @property
    def anchor_ids(self) -> set[str]:
        """The ids in the HTML parts, which links from other pages may point at."""
        return {anchor for part in self.parts if isinstance(part, Html) for anchor in _ID.findall(part.text)}


def markdown_text(text: str) -> str:
    """Plain text as Markdown that shows it unchanged: no accidental emphasis, links or HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


class _CompiledTemplates(jinja2.BytecodeCache):
    """Each template's compiled code, kept for the process and shared by every build's `Templates`: compiling
    costs far more than rendering, and `mkdocs serve`, the reader's diff and tests build more than once. Jinja2
    hands back code only for the same file with the same source (SHA-1): an edited template is compiled anew.
    One cache per kind of environment (the code depends on its settings)."""

    def __init__(self) -> None:
        self.code: dict[tuple[str, str], Any] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        bucket.code = self.code.get((bucket.key, bucket.checksum))

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key, bucket.checksum] = bucket.code


_COMPILED_HTML, _COMPILED_XML = _CompiledTemplates(), _CompiledTemplates()


class Templates:
    """The generated pages' templates: the site's overrides first, then the engine's theme directory."""

    def __init__(self, search_path: list[str] | None = None):
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(search_path or [str(THEME)]),
            bytecode_cache=_COMPILED_HTML,
            autoescape=True,
            finalize=_escaped,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            undefined=jinja2.StrictUndefined,
        )
        self.env.filters["md"] = lambda text: Markup(markdown_text(str(text)))
        self.env.filters["json"] = lambda value: Markup(json.dumps(value, indent=2, ensure_ascii=False))
        # Feeds are XML: escaped as XML escapes text and attributes (an apostrophe stays as it is).
        self.xml = self.env.overlay(finalize=_xml_escaped, bytecode_cache=_COMPILED_XML)

    def text(self, template: str, variables: dict[str, Any], xml: bool = False) -> str:
        """A file from its template (a feed)."""
        return (self.xml if xml else self.env).get_template(template).render(variables)

    def body(self, template: str, variables: dict[str, Any]) -> Body:
        """A page's body from its template: its Markdown, and the parts its placeholders stand for."""
        writer = _Writer()
        markdown = self.env.get_template(template).render(variables, html=writer.html, element=writer.element,
                                                          tree=writer.tree)  # fmt: skip
        return Body(markdown, writer.parts)


def _escaped(value: Any) -> Markup:
    """Every value a template prints, escaped as `html.escape` escapes it (markup made safe stays as it is)."""
    return value if isinstance(value, Markup) else Markup(html.escape(str(value)))


def _xml_escaped(value: Any) -> Markup:
    """Every value a feed's template prints, escaped as XML's serializer escapes it (an apostrophe stays)."""
    return value if isinstance(value, Markup) else Markup(html.escape(str(value), quote=False).replace('"', "&quot;"))


class _Writer:
    """The template's helpers: each part it hands over becomes a placeholder paragraph of the Markdown."""

    def __init__(self) -> None:
        self.parts: list[Part] = []

    def _placeholder(self, part: Part) -> str:
        self.parts.append(part)
        return f"\n\n{_PART.format(len(self.parts) - 1)}\n\n"

    def html(self, caller: Callable[[], str]) -> Markup:
        return Markup(self._placeholder(Html(str(caller()).strip())))

    def element(self, tag: str, caller: Callable[[], str], **attributes: str) -> Markup:
        opened = self._placeholder(Open(tag, tuple((name.rstrip("_"), value) for name, value in attributes.items())))
        inside = str(caller())
        return Markup(opened + inside + self._placeholder(Close()))

    def tree(self, checked_html: str) -> Markup:
        return Markup(self._placeholder(Tree(checked_html))) if checked_html else Markup("")


# After block parsing, before inline patterns (20): the tree is still as wide as the page's blocks.
PARTS_NAME, PARTS_PRIORITY = "explainer-generated-page", 40


class PartsTreeprocessor(Treeprocessor):
    """Puts the parts of the generated page being converted where their placeholders are.

    `current` gives the page's body, or None for a page written by hand. HTML goes into
    Python-Markdown's stash, which puts it back as it puts back a raw HTML block (followed by a
    blank line, or by one newline inside an element); elements are built in one pass that gives
    each its list of children (removing children one by one would cost the square of their number).
    """

    def __init__(self, md: Markdown, current: Callable[[], Body | None]):
        super().__init__(md)
        self.current = current

    def run(self, root: etree.Element) -> None:
        if (body := self.current()) is None:
            return
        stack: list[tuple[etree.Element, list[etree.Element]]] = [(root, [])]
        for child in list(root):
            found = _PART_RE.match(child.text or "") if child.tag == "p" and len(child) == 0 else None
            part = body.parts[int(found.group(1))] if found else None
            if isinstance(part, Html):
                child.text = AtomicString(self.md.htmlStash.store(part.text + ("" if len(stack) > 1 else "\n")))
                stack[-1][1].append(child)
            elif isinstance(part, Open):
                stack.append((etree.Element(part.tag, dict(part.attributes)), []))
            elif isinstance(part, Close):
                element, children = stack.pop()
                element.extend(children)
                stack[-1][1].append(element)
            elif isinstance(part, Tree):
                stack[-1][1].extend(_atomic(element) for element in fragment_elements(part.html))
            else:
                stack[-1][1].append(child)
        root[:] = stack[0][1]


def _atomic(element: etree.Element) -> etree.Element:
    """Checked HTML's elements, their text left alone by Python-Markdown's inline patterns (it is finished)."""
    for node in element.iter():
        node.text = AtomicString(node.text) if node.text else node.text
        node.tail = AtomicString(node.tail) if node.tail else node.tail
    return element


class GeneratedPagesExtension(Extension):
    """Converts a generated page's body (`current` gives it; None for a page written by hand)."""

    def __init__(self, current: Callable[[], Body | None]):
        super().__init__()
        self.current = current

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(PartsTreeprocessor(md, self.current), PARTS_NAME, PARTS_PRIORITY)
