"""What readers get from one built site: each page's text and notes, the glossary, events, corrections.

Reads a directory written by `mkdocs build`. A page's text is its article as readers read it:
not the navigation, header, footer or search index, and without what only numbers things
(footnote and correction marks, ¶ links), so renumbering changes nothing. Source notes are read
apart from the text, keyed by source id. Events and corrections come from the published feeds
(events.json, corrections.json), glossary entries from the Glossary page.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .htmltree import Element, has_class, parse_html
from .sentences import split_sentences

# Text readers don't read as prose: marks that only number or link (1, C1, ↩, ¶), icons and pictures
# (the timeline's SVG repeats the events, reported from events.json), and the notes (read apart).
NOT_PROSE_CLASSES = frozenset(
    {"footnote-ref", "footnote-backref", "correction__back", "headerlink", "md-content__button", "footnote"}
)
NOT_PROSE_TAGS = frozenset({"script", "style", "svg", "template", "noscript"})
BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption"),
        *("figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav"),
        *("ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"),
    }
)
NOTE_ID_PREFIX = "fn:"
NOT_CITATION_CLASSES = frozenset({"footnote-backref", "source-note__details"})  # ↩ and "About this source"
# Written on every build or derived from the pages' text: comparing them adds only noise.
IGNORED_FILES = frozenset({"sitemap.xml", "sitemap.xml.gz", "search/search_index.json"})


@dataclass(frozen=True)
class Page:
    """One page as readers read it."""

    url: str  # relative to the site's root, as in the address bar: 'story/the-fall/'
    title: str
    sentences: tuple[str, ...]
    notes: dict[str, str]  # source id -> the citation as the note shows it
    markup: str  # fingerprint of the article's HTML, to tell a change of markup alone
    outside: tuple[str, ...] = ()  # addresses on other sites the article links to or loads, each once


@dataclass(frozen=True)
class GlossaryEntry:
    id: str
    term: str
    short: str


@dataclass(frozen=True)
class Site:
    pages: dict[str, Page]
    glossary: dict[str, GlossaryEntry]
    events: dict[str, dict]
    corrections: dict[str, dict]
    files: dict[str, str] = field(default_factory=dict)  # other files: path -> sha256


def read_site(site_dir: Path) -> Site:
    pages: dict[str, Page] = {}
    files: dict[str, str] = {}
    glossary: dict[str, GlossaryEntry] = {}
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if not path.is_file() or relative in IGNORED_FILES:
            continue
        document = parse_html(path.read_text(encoding="utf-8")) if path.suffix == ".html" else None
        page = read_page(document, page_url(relative)) if document else None
        if page is None:
            files[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
            continue
        pages[page.url] = page
        if page.url == "glossary/":
            glossary = read_glossary(document)
    return Site(
        pages=pages,
        glossary=glossary,
        events=read_events(site_dir / "events.json"),
        corrections=read_corrections(site_dir / "corrections.json"),
        files=files,
    )


def page_url(relative_path: str) -> str:
    """'story/the-fall/index.html' -> 'story/the-fall/'; 'index.html' -> ''; '404.html' stays."""
    return relative_path.removesuffix("index.html")


def read_page(document: Element, url: str) -> Page | None:
    """The page's article, or None for an HTML file that has none (a redirect, a fragment)."""
    article = document.find(lambda element: element.tag == "article")
    if article is None:
        return None
    title = article.find(lambda element: element.tag == "h1") or document.find(lambda element: element.tag == "title")
    return Page(
        url=url,
        title=title.text(skip=not_prose) if title else url,
        sentences=tuple(sentence for block in prose_blocks(article) for sentence in split_sentences(block)),
        notes=read_notes(article),
        markup=hashlib.sha256(serialize(article).encode()).hexdigest(),
        outside=outside_addresses(article),
    )


OUTSIDE = ("http://", "https://", "//")
URL_ATTRIBUTES = ("href", "src", "srcset", "poster", "cite", "data", "action", "xlink:href")
# The theme's own links on every page (edit this page, report an error): not the page's content.
THEME_LINK_CLASSES = frozenset({"md-content__button", "report-error", "md-source-file"})


def outside_addresses(article: Element) -> tuple[str, ...]:
    """Every address on another site that the article links to or loads (href, src, ...), in order, each once."""
    found: dict[str, None] = {}
    stack = [article]
    while stack:
        element = stack.pop()
        if element.classes & THEME_LINK_CLASSES:
            continue
        for name in URL_ATTRIBUTES:
            value = element.attrs.get(name, "").strip()
            if value.lower().startswith(OUTSIDE):
                found.setdefault(value, None)
        stack += [child for child in reversed(element.children) if isinstance(child, Element)]
    return tuple(found)


def not_prose(element: Element) -> bool:
    return element.tag in NOT_PROSE_TAGS or "hidden" in element.attrs or bool(element.classes & NOT_PROSE_CLASSES)


def prose_blocks(element: Element) -> list[str]:
    """The text of each paragraph, heading, list item, table cell... inside `element`, in order."""
    blocks: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        text = " ".join("".join(pending).split())
        if text:
            blocks.append(text)
        pending.clear()

    # A stack instead of recursion: a page may nest its HTML deeper than Python recurses.
    _FLUSH = object()
    stack: list[object] = list(reversed(element.children))
    while stack:
        child = stack.pop()
        if child is _FLUSH:
            flush()
        elif isinstance(child, str):
            pending.append(child)
        elif not not_prose(child):
            if child.tag in BLOCK_TAGS:
                flush()
                stack.append(_FLUSH)
            stack += reversed(child.children)
    flush()
    return blocks


def read_notes(article: Element) -> dict[str, str]:
    """Source notes by source id: the list items of Python-Markdown's footnotes block."""
    notes: dict[str, str] = {}
    for block in article.find_all(has_class("footnote")):
        for item in block.find_all(lambda element: element.tag == "li"):
            note_id = item.attrs.get("id", "")
            if note_id.startswith(NOTE_ID_PREFIX):
                citation = item.text(skip=lambda element: bool(element.classes & NOT_CITATION_CLASSES))
                notes[note_id.removeprefix(NOTE_ID_PREFIX)] = citation
    return notes


def read_glossary(document: Element) -> dict[str, GlossaryEntry]:
    """The Glossary page's entries: each heading with class glossary-entry, by its id."""
    entries: dict[str, GlossaryEntry] = {}
    for heading in document.find_all(lambda element: "glossary-entry" in element.classes and "id" in element.attrs):
        container = heading.parent or heading
        short = container.find(has_class("glossary-entry__short"))
        entry_id = heading.attrs["id"]
        entries[entry_id] = GlossaryEntry(entry_id, heading.text(skip=not_prose), short.text() if short else "")
    return entries


def read_events(path: Path) -> dict[str, dict]:
    if not path.is_file():
        return {}
    return {event["id"]: event for event in json.loads(path.read_text(encoding="utf-8"))}


def read_corrections(path: Path) -> dict[str, dict]:
    """Corrections by id, from the JSON Feed's items (their `_correction` extension holds the entry)."""
    if not path.is_file():
        return {}
    corrections: dict[str, dict] = {}
    for item in json.loads(path.read_text(encoding="utf-8"))["items"]:
        entry = item.get("_correction") or {"id": item["id"].rpartition("#")[2], "correction": item["content_text"]}
        corrections[entry["id"]] = entry
    return corrections


def serialize(element: Element) -> str:
    """A canonical HTML string for `element`, to compare markup (attribute order and runs of spaces ignored)."""
    parts: list[str] = []
    stack: list[Element | str | tuple[str]] = list(reversed(element.children))
    while stack:  # a stack, not recursion: a page may nest deeper than Python recurses
        child = stack.pop()
        if isinstance(child, tuple):  # the end tag of an element written above
            parts.append(child[0])
        elif isinstance(child, str):
            parts.append(re.sub(r"\s+", " ", child))  # reflowing a paragraph changes nothing readers see
        else:
            attributes = "".join(f' {name}="{value}"' for name, value in sorted(child.attrs.items()))
            parts.append(f"<{child.tag}{attributes}>")
            stack.append((f"</{child.tag}>",))
            stack += reversed(child.children)
    return "".join(parts)
