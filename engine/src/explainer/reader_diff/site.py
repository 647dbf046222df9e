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
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..claims import sentences
from ..markup import parse_fragment

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
        document = parse_fragment(path.read_text(encoding="utf-8"))[0] if path.suffix == ".html" else None
        url = relative.removesuffix("index.html")  # 'story/the-fall/index.html' -> 'story/the-fall/'; '404.html' stays
        page = read_page(document, url) if document else None
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


def read_page(document: etree.Element, url: str) -> Page | None:
    """The page's article, or None for an HTML file that has none (a redirect, a fragment)."""
    article = next(document.iter("article"), None)
    if article is None:
        return None
    title = next(article.iter("h1"), None)
    title = next(document.iter("title"), None) if title is None else title
    return Page(
        url=url,
        title=text(title, skip=not_prose) if title is not None else url,
        sentences=tuple(sentence for block in prose_blocks(article) for sentence in sentences(block)),
        notes=read_notes(article),
        markup=hashlib.sha256(serialize(article).encode()).hexdigest(),
        outside=outside_addresses(article),
    )


OUTSIDE = ("http://", "https://", "//")
URL_ATTRIBUTES = ("href", "src", "srcset", "poster", "cite", "data", "action", "xlink:href")
# The theme's own links on every page (edit this page, report an error): not the page's content.
THEME_LINK_CLASSES = frozenset({"md-content__button", "report-error", "md-source-file"})


def outside_addresses(article: etree.Element) -> tuple[str, ...]:
    """Every address on another site that the article links to or loads (href, src, ...), in order, each once."""
    found: dict[str, None] = {}
    theme_link = lambda element: bool(classes(element) & THEME_LINK_CLASSES)  # noqa: E731
    for element in [] if theme_link(article) else [article, *walk(article, skip=theme_link)]:
        if isinstance(element, etree.Element):
            for name in URL_ATTRIBUTES:
                value = element.get(name, "").strip()
                if value.lower().startswith(OUTSIDE):
                    found.setdefault(value, None)
    return tuple(found)


def classes(element: etree.Element) -> set[str]:
    return set(element.get("class", "").split())


def not_prose(element: etree.Element) -> bool:
    return element.tag in NOT_PROSE_TAGS or "hidden" in element.attrib or bool(classes(element) & NOT_PROSE_CLASSES)


def walk(element: etree.Element, skip: Callable[[etree.Element], bool] = lambda element: False) -> Iterator[Any]:
    """What is inside `element` in document order: text (str), each element as it opens and (element,) as it
    closes; an element `skip` accepts is left out with all inside it. A stack, not recursion: a page may
    nest its HTML deeper than Python recurses."""
    stack: list[Any] = _inside(element)
    while stack:
        item = stack.pop()
        if isinstance(item, etree.Element):
            if skip(item):
                continue
            stack += [(item,), *_inside(item)]
        if not isinstance(item, str) or item:
            yield item


def _inside(element: etree.Element) -> list[Any]:
    """What is directly inside `element`, last first: its text, each child and the text after it."""
    items = [element.text or ""]
    for child in element:
        items += [child, child.tail or ""]
    return items[::-1]


def text(element: etree.Element, skip: Callable[[etree.Element], bool] = lambda element: False) -> str:
    """The text inside `element`, whitespace collapsed, leaving out the elements `skip` accepts."""
    return " ".join("".join(item for item in walk(element, skip) if isinstance(item, str)).split())


def prose_blocks(element: etree.Element) -> list[str]:
    """The text of each paragraph, heading, list item, table cell... inside `element`, in order."""
    blocks: list[str] = []
    pending: list[str] = []
    for item in [*walk(element, skip=not_prose), None]:
        if isinstance(item, str):
            pending.append(item)
        elif item is None or (item if isinstance(item, etree.Element) else item[0]).tag in BLOCK_TAGS:
            if found := " ".join("".join(pending).split()):
                blocks.append(found)
            pending.clear()
    return blocks


def read_notes(article: etree.Element) -> dict[str, str]:
    """Source notes by source id: the list items of Python-Markdown's footnotes block."""
    notes: dict[str, str] = {}
    for block in (element for element in article.iter() if "footnote" in classes(element)):
        for item in block.iter("li"):
            note_id = item.get("id", "")
            if note_id.startswith(NOTE_ID_PREFIX):
                citation = text(item, skip=lambda element: bool(classes(element) & NOT_CITATION_CLASSES))
                notes[note_id.removeprefix(NOTE_ID_PREFIX)] = citation
    return notes


def read_glossary(document: etree.Element) -> dict[str, GlossaryEntry]:
    """The Glossary page's entries: each heading with class glossary-entry, by its id."""
    entries: dict[str, GlossaryEntry] = {}
    parents = {child: parent for parent in document.iter() for child in parent}
    for heading in document.iter():
        if "glossary-entry" in classes(heading) and "id" in heading.attrib:
            container = parents.get(heading, heading)
            short = next((each for each in container.iter() if "glossary-entry__short" in classes(each)), None)
            entry_id, short_text = heading.get("id", ""), text(short) if short is not None else ""
            entries[entry_id] = GlossaryEntry(entry_id, text(heading, skip=not_prose), short_text)
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


def serialize(element: etree.Element) -> str:
    """A canonical HTML string for `element`, to compare markup (attribute order and runs of spaces ignored)."""
    parts: list[str] = []
    for item in walk(element):
        if isinstance(item, str):
            parts.append(re.sub(r"\s+", " ", item))  # reflowing a paragraph changes nothing readers see
        elif isinstance(item, tuple):  # the end of an element written above
            parts.append(f"</{item[0].tag}>")
        else:
            attributes = "".join(f' {name}="{value}"' for name, value in sorted(item.attrib.items()))
            parts.append(f"<{item.tag}{attributes}>")
    return "".join(parts)
