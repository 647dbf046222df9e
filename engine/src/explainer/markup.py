"""Markdown in data fields: rendered one way, with the site's own extensions, and checked as a tree.

Pages are trusted: they are reviewed as Markdown and may hold HTML. Data fields are not: a field
whose schema says `"contentMediaType": "text/markdown"` is rendered here, by one Markdown set-up
that matches the site's, and the HTML that comes out is parsed into a tree and checked against an
allow-list of elements, attributes and link schemes. Anything else is refused with a message that
names it, never cleaned away silently. Pages then show the very tree that was checked
(`fragment_elements`), so no second rendering can differ from the one checked.

Links are checked as a browser reads them: after character references are decoded (the HTML
parser does that) and after removing what the URL parser ignores (leading and trailing control
characters and spaces, tabs and line breaks anywhere), so `java&#9;script:` is `javascript:`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from markdown import Markdown

# The site's Markdown set-up as MkDocs hands it to Python-Markdown for mkdocs.yml (MkDocs adds toc,
# tables and fenced_code to every site); tests/test_markup.py checks that they agree.
SITE_EXTENSIONS = (
    "toc",
    "tables",
    "fenced_code",
    "abbr",
    "admonition",
    "attr_list",
    "footnotes",
    "md_in_html",
    "smarty",
    "pymdownx.details",
    "pymdownx.superfences",
)
SITE_CONFIGS = {
    "footnotes": {"USE_DEFINITION_ORDER": False},
    "toc": {"permalink": True, "permalink_title": "Link to this section"},
}

# What data may become. Everything else is refused, with a hint for the usual suspects.
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "p": frozenset(),
    "em": frozenset(),
    "strong": frozenset(),
    "code": frozenset(),
    "br": frozenset(),
    "ul": frozenset(),
    "ol": frozenset({"start"}),
    "li": frozenset(),
    "blockquote": frozenset(),
    "a": frozenset({"href", "title"}),
}
URL_ATTRIBUTES = frozenset({"href"})
ALLOWED_SCHEMES = frozenset({"https", "mailto"})
_HINTS = {
    "sup": "superscript",
    "div": "an admonition or a code block",
    "hr": "a horizontal rule",
    "pre": "a code block",
    "table": "a table",
    "details": "a collapsible block",
    "abbr": "an abbreviation",
    **{f"h{level}": "a heading" for level in range(1, 7)},
}
_IMAGE_MESSAGE = "embeds an image; the site loads nothing from other hosts, so describe it in words"
_FOOTNOTE_MESSAGE = "has a footnote ([^…]), which is not allowed in data"
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_IGNORED_BY_URL_PARSER = re.compile(r"[\t\n\r]")


@dataclass
class MarkdownSetup:
    """Python-Markdown's extensions and their settings, as MkDocs passes them."""

    extensions: list[str] = field(default_factory=lambda: list(SITE_EXTENSIONS))
    configs: dict[str, dict[str, Any]] = field(default_factory=lambda: {k: dict(v) for k, v in SITE_CONFIGS.items()})

    def describe(self) -> str:
        """The set-up as text, for the fingerprint of checked data (a change renders fields anew)."""
        return repr((self.extensions, sorted((name, sorted(conf.items())) for name, conf in self.configs.items())))


def setup_from_config(config: Any) -> MarkdownSetup:
    """The Markdown set-up of a loaded MkDocs config (the names it lists; hooks add theirs later)."""
    names = [name for name in config.markdown_extensions if isinstance(name, str)]
    return MarkdownSetup(names, {name: dict(settings) for name, settings in config.mdx_configs.items()})


@dataclass(frozen=True)
class CheckedMarkdown:
    """A data field's Markdown rendered to HTML, with the link targets in it and what is wrong with it."""

    html: str
    links: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()


class DataMarkdown:
    """Renders and checks data fields; one Markdown instance for all of them (creating one costs more)."""

    def __init__(self, setup: MarkdownSetup | None = None, site_schemes: frozenset[str] = frozenset()):
        setup = setup or MarkdownSetup()
        self._markdown = Markdown(extensions=setup.extensions, extension_configs=setup.configs)
        self.schemes = ALLOWED_SCHEMES | site_schemes  # the site's own link schemes, e.g. glossary:

    def render(self, text: str, field_name: str) -> CheckedMarkdown:
        """The field's HTML and its problems, each phrased "'long' has …" for a one-line message."""
        if problem := structure_problem(text):
            return CheckedMarkdown("", problems=(f"'{field_name}' {problem}",))
        html = self._markdown.reset().convert(text)  # reset: no link references from the last field
        root, problems = parse_fragment(html)
        problems += check_tree(root, self.schemes)
        links = tuple(element.get("href", "") for element in root.iter("a"))
        return CheckedMarkdown(html, links, tuple(f"'{field_name}' {problem}" for problem in dict.fromkeys(problems)))


# Before rendering ---------------------------------------------------------------------------------


def structure_problem(text: str) -> str:
    """Brackets that would make Python-Markdown slow (its link search is quadratic), in one pass.

    Data Markdown needs one level of [ ] (links: [text](url)) and closed ( ); more is refused.
    A backslash-escaped bracket is text and does not count.
    """
    brackets = parentheses = 0
    escaped = False
    for character in text:
        if escaped:
            escaped = False
        elif character == "\\":
            escaped = True
        elif character == "[":
            if brackets:
                return "has a [ inside [ ]; data Markdown allows one level (links are written [text](url))"
            brackets = 1
        elif character == "]":
            brackets = 0
        elif character == "(":
            parentheses += 1
        elif character == ")":
            parentheses = max(0, parentheses - 1)
    if brackets:
        return "has a [ that is never closed with ]"
    if parentheses:
        return "has a ( that is never closed with )"
    return ""


# The tree ---------------------------------------------------------------------------------------


def parse_fragment(html: str) -> tuple[etree.Element, list[str]]:
    """The HTML as an element tree under a <div>, plus anything that is not an element or text."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root, builder.problems


def fragment_elements(html: str) -> list[etree.Element]:
    """The checked HTML's top-level elements, to insert into a page (Markdown puts all text in blocks)."""
    return list(parse_fragment(html)[0])


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # text and attribute values arrive decoded
        self.root = etree.Element("div")
        self.stack = [self.root]
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = etree.SubElement(self.stack[-1], tag, {name: value or "" for name, value in attrs})
        if tag not in _VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        etree.SubElement(self.stack[-1], tag, {name: value or "" for name, value in attrs})

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        parent = self.stack[-1]
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + data
        else:
            parent.text = (parent.text or "") + data

    def handle_comment(self, data: str) -> None:
        self.problems.append("has an HTML comment (not allowed in data)")

    def handle_decl(self, decl: str) -> None:
        self.problems.append("has an HTML declaration (not allowed in data)")

    def handle_pi(self, data: str) -> None:
        self.problems.append("has an HTML processing instruction (not allowed in data)")

    def unknown_decl(self, data: str) -> None:
        self.problems.append("has an HTML declaration (not allowed in data)")


def check_tree(root: etree.Element, schemes: frozenset[str] = ALLOWED_SCHEMES) -> list[str]:
    """Everything in the tree outside the allow-list; a refused element's contents are not examined."""
    problems = []
    for element in _allowed_walk(root, problems):
        allowed = ALLOWED_ATTRIBUTES[element.tag]
        for name, value in element.attrib.items():
            if name not in allowed:
                problems.append(f"has an attribute '{name}' on <{element.tag}> (not allowed in data)")
            elif name in URL_ATTRIBUTES and not url_allowed(value, schemes):
                problems.append(f"links to {value!r}; use https:// or a link within the site")
    return problems


def _allowed_walk(root: etree.Element, problems: list[str]) -> Iterator[etree.Element]:
    for element in root:
        if element.tag == "img":
            problems.append(_IMAGE_MESSAGE)
        elif _is_footnote(element):
            problems.append(_FOOTNOTE_MESSAGE)  # its reference (<sup>) and its list (<div>): one message
        elif element.tag not in ALLOWED_ATTRIBUTES:
            hint = f"{_HINTS[element.tag]}; " if element.tag in _HINTS else ""
            problems.append(f"has a <{element.tag}> element ({hint}not allowed in data)")
        else:
            yield element
            yield from _allowed_walk(element, problems)


def _is_footnote(element: etree.Element) -> bool:
    classes = " ".join([element.get("class", ""), *(child.get("class", "") for child in element)]).split()
    return element.tag in ("sup", "div") and ("footnote" in classes or "footnote-ref" in classes)


def url_allowed(value: str, schemes: frozenset[str] = ALLOWED_SCHEMES) -> bool:
    """True for an allowed scheme, a fragment, or a relative link within the site, as a browser reads it."""
    url = _IGNORED_BY_URL_PARSER.sub("", value.strip("".join(map(chr, range(0x21)))))
    if scheme := _SCHEME.match(url):
        return scheme.group(1).lower() in schemes
    # No scheme: a path within the site, unless it starts a new host (//host, or /\host to a browser)
    # or leaves the site's folder for the server's root.
    return not url.replace("\\", "/").startswith("/")
