"""Corrections: dated notes attached to an exact phrase of a page, listed on the page and site-wide.

Each entry of data/corrections.yml names a page and an anchor, a phrase that must occur
exactly once in that page's text. At build time a treeprocessor wraps the phrase, adds a
correction mark (C1, C2, ... in reading order) that previews like a footnote (docs/assets/previews.js),
dates the page under its title and ends it with a "Corrections" block. The generated
Corrections page lists every entry by kind, and two feeds (Atom and JSON Feed) publish them.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .backlinks import Backlink, placeholder
from .dates import PartialDate
from .errors import Problem
from .records import DataFileSpec, check_ids, date_at, group_by, ids_in_order
from .yamlfile import YamlDocument

if TYPE_CHECKING:
    from .context import BuildContext, PageInfo
    from .data import SiteData

KINDS = ("fact", "update", "translation")  # the order of the groups on the Corrections page
KIND_LABELS = {"fact": "Correction", "update": "Update", "translation": "Translation note"}
KIND_HEADINGS = {"fact": "Corrections of fact", "update": "Updates", "translation": "Translation notes"}
NOTICE_VERBS = {"fact": "Corrected", "update": "Updated", "translation": "Translation notes added"}
WRONG_LEADS = {
    "translation": "The machine-translated copy read",
    "fact": "This page said",
    "update": "This page said",
}
BLOCK_HEADING_ID = "corrections"
DATA_FILE = "data/corrections.yml"
MARK_PREFIX = "cref:"
LOG_PAGE = "corrections.md"
SOURCES_PAGE = "sources.md"
JSON_FEED = "corrections.json"
ATOM_FEED = "corrections.xml"
ATOM_NS = "http://www.w3.org/2005/Atom"

# Text inside these is not the page's prose: a mark there would break code, links or headings.
_OPAQUE_TAGS = {"a", "code", "pre", "kbd", "samp", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6"}
_OPAQUE_CLASSES = {"footnote", "corrections", "corrected-notice"}
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_QUOTE_CLASSES = {"'": "['‘’]", "‘": "['‘’]", "’": "['‘’]", '"': '["“”]', "“": '["“”]', "”": '["“”]'}


def mark_id(correction_id: str) -> str:
    """The id of the mark in the text: the spot the Corrections page links to."""
    return f"{MARK_PREFIX}{correction_id}"


def note_id(correction_id: str) -> str:
    """The id of the note in the page's Corrections block: what the mark links to and previews."""
    return f"correction:{correction_id}"


# Data ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Correction:
    id: str
    page: str  # path inside docs/, e.g. "story/the-fall.md"
    anchor: str
    issued: PartialDate
    kind: str
    wrong: str
    correction: str
    sources: tuple[str, ...]
    index: int = 0  # position in data/corrections.yml, for messages
    anchor_line: int = 1  # line of `anchor:` in data/corrections.yml, for anchor problems

    @property
    def label(self) -> str:
        """'Translation note, 26 November 2026': how the note introduces itself."""
        return f"{KIND_LABELS[self.kind]}, {self.issued.display}"

    @property
    def sentence(self) -> str:
        """What was wrong and the correction, as one plain-text passage."""
        return f"{WRONG_LEADS[self.kind]} “{_apostrophes(self.wrong)}”. {_apostrophes(self.correction)}"


def _apostrophes(text: str) -> str:
    """Typographic apostrophes, as smartypants gives the page's own text (Tsai's → Tsai’s)."""
    return _APOSTROPHE.sub("’", text)


def build_corrections(document: YamlDocument) -> tuple[dict[str, Correction], list[Problem]]:
    """Typed corrections by id from a schema-valid data/corrections.yml."""
    first_index, problems = ids_in_order(document)
    records = {}
    for entry_id, index in first_index.items():
        entry = document.data[index]
        issued = date_at(document, index, "issued", f"correction '{entry_id}'", problems)
        if issued is None:
            continue
        fields = {key: value for key, value in entry.items() if key not in ("issued", "sources")}
        anchor_line = document.line_of((index, "anchor"))
        records[entry_id] = Correction(
            **fields, issued=issued, sources=tuple(entry["sources"]), index=index, anchor_line=anchor_line
        )
    return records, problems


def check_sources(site: SiteData) -> list[Problem]:
    """Every source a correction cites must be in data/sources.yml."""
    document = site.documents["corrections"]
    return [
        problem
        for correction in site.records["corrections"].values()
        for problem in check_ids(
            document, (correction.index, "sources"), list(correction.sources), site.sources,
            f"correction '{correction.id}'", "source",
        )
    ]  # fmt: skip


def unknown_pages(site: SiteData, page_uris: set[str]) -> list[Problem]:
    """Every corrected page must be a Markdown page of docs/ (not a generated one)."""
    document = site.documents.get("corrections")
    return [
        document.problem(
            (correction.index, "page"), f"correction '{correction.id}' is on unknown page '{correction.page}'"
        )
        for correction in site.records.get("corrections", {}).values()
        if correction.page not in page_uris
    ]


SPEC = DataFileSpec(name="corrections", build=build_corrections, check=check_sources)


def newest_first(corrections: list[Correction]) -> list[Correction]:
    """Newest issue date first; on the same day, in the order the data file lists them."""
    return sorted(sorted(corrections, key=lambda c: c.index), key=lambda c: c.issued, reverse=True)


# Finding anchors ----------------------------------------------------------------------------

TextSlot = tuple[etree.Element, etree.Element | None, str]  # (element, parent, "text" or "tail")


def anchor_pattern(anchor: str) -> re.Pattern[str]:
    """The anchor as a regex: any run of whitespace for a space, any quote style, whole words only."""
    words = anchor.split()
    body = r"\s+".join("".join(_QUOTE_CLASSES.get(char, re.escape(char)) for char in word) for word in words)
    start = r"(?<!\w)" if re.match(r"\w", words[0]) else ""
    end = r"(?!\w)" if re.search(r"\w$", words[-1]) else ""
    return re.compile(start + body + end)


def text_slots(element: etree.Element, parent: etree.Element | None = None) -> Iterator[TextSlot]:
    """Every run of the page's prose under `element`, outside code, links, headings and notes."""
    if element.text and not isinstance(element.text, AtomicString):
        yield element, parent, "text"
    for child in element:
        if not _is_opaque(child):
            yield from text_slots(child, element)
        if child.tail:
            yield child, element, "tail"


def _is_opaque(element: etree.Element) -> bool:
    classes = set((element.get("class") or "").split())
    return (
        element.tag in _OPAQUE_TAGS or bool(classes & _OPAQUE_CLASSES) or element.get("id", "").startswith(MARK_PREFIX)
    )


def count_anchor(root: etree.Element, anchor: str) -> int:
    """How often the anchor occurs in the page's prose."""
    pattern = anchor_pattern(anchor)
    return sum(len(pattern.findall(getattr(element, where))) for element, _, where in text_slots(root))


def anchor_problem(correction: Correction, count: int, page_label: str) -> Problem:
    """The one line that stops the build when an anchor is missing or ambiguous."""
    where = f"correction '{correction.id}' anchor \"{correction.anchor}\""
    if count == 0:
        advice = "copy an exact phrase from the page's text (not from a heading, link or code)"
        message = f"{where} does not occur in {page_label}; {advice}"
    else:
        message = f"{where} occurs {count} times in {page_label}; make it longer so it is unique"
    return Problem(DATA_FILE, correction.anchor_line, message)


def overlap_problem(correction: Correction, page_label: str) -> Problem:
    """An anchor that shares words with an anchor marked before it on the same page."""
    message = (
        f"correction '{correction.id}' anchor \"{correction.anchor}\" overlaps another correction's anchor "
        f"in {page_label}; choose phrases that do not share words"
    )
    return Problem(DATA_FILE, correction.anchor_line, message)


def attach_mark(root: etree.Element, correction: Correction) -> bool:
    """Wrap the anchor's one occurrence and put the correction mark after it; False if not found."""
    pattern = anchor_pattern(correction.anchor)
    for element, parent, where in text_slots(root):
        text = getattr(element, where)
        if match := pattern.search(text):
            setattr(element, where, text[: match.start()])
            phrase = etree.Element("span", {"class": "corrected"})
            phrase.text = match.group()
            mark = correction_mark(correction.id)
            mark.tail = text[match.end() :]
            host, position = (element, 0) if where == "text" else (parent, list(parent).index(element) + 1)
            host.insert(position, phrase)
            host.insert(position + 1, mark)
            return True
    return False


def correction_mark(correction_id: str) -> etree.Element:
    """The mark: a footnote-style reference, so its note previews on hover and focus like a source note."""
    mark = etree.Element("sup", {"class": "correction-ref", "id": mark_id(correction_id)})
    etree.SubElement(mark, "a", {"class": "footnote-ref", "href": f"#{note_id(correction_id)}"})
    return mark


def number_marks(root: etree.Element) -> dict[str, str]:
    """Label the marks C1, C2, ... in reading order; return each correction's label."""
    labels = {}
    marks = (sup for sup in root.iter("sup") if sup.get("class") == "correction-ref")
    for number, mark in enumerate(marks, start=1):
        label = f"C{number}"
        link = mark.find("a")
        link.text = AtomicString(label)
        link.set("aria-label", f"Correction {label}")
        labels[mark.get("id").removeprefix(MARK_PREFIX)] = label
    return labels


# Page blocks --------------------------------------------------------------------------------


def corrected_notice(corrections: list[Correction]) -> etree.Element:
    """'Corrected 26 November 2026 — see corrections', for under the page title."""
    latest = newest_first(corrections)[0]
    notice = etree.Element("p", {"class": "corrected-notice"})
    notice.text = AtomicString(f"{NOTICE_VERBS[latest.kind]} ")
    date = _time(notice, latest.issued)
    date.tail = AtomicString(" — ")
    link = etree.SubElement(notice, "a", {"href": f"#{BLOCK_HEADING_ID}"})
    link.text = AtomicString("see corrections")
    return notice


def corrections_block(
    corrections: list[Correction], labels: dict[str, str], sources_href: dict[str, tuple[str, str]], log_href: str
) -> list[etree.Element]:
    """The page's closing 'Corrections' heading and notes, newest first."""
    heading = etree.Element("h2", {"id": BLOCK_HEADING_ID})
    heading.text = "Corrections"
    notes = etree.Element("ul", {"class": "corrections"})
    for correction in newest_first(corrections):
        notes.append(correction_note(correction, labels[correction.id], sources_href))
    footer = etree.Element("p", {"class": "corrections__all"})
    link = etree.SubElement(footer, "a", {"href": log_href})
    link.text = AtomicString("All corrections on this site")
    return [heading, notes, footer]


def correction_note(correction: Correction, label: str, sources_href: dict[str, tuple[str, str]]) -> etree.Element:
    """One note: 'C1 Translation note, 26 November 2026: The copy read “…”. …  Sources: …'."""
    item = etree.Element("li", {"id": note_id(correction.id), "class": f"correction correction--{correction.kind}"})
    back = etree.SubElement(item, "a", {"class": "correction__back", "href": f"#{mark_id(correction.id)}"})
    back.text = AtomicString(label)
    back.set("aria-label", f"Back to {label} in the text")
    text = etree.SubElement(item, "p")
    strong = etree.SubElement(text, "strong", {"class": "correction__label"})
    strong.text = AtomicString(f"{KIND_LABELS[correction.kind]}, ")
    _time(strong, correction.issued).tail = AtomicString(":")
    strong.tail = AtomicString(f" {correction.sentence}")
    text.append(_source_links(correction.sources, sources_href))
    return item


def _source_links(source_ids: tuple[str, ...], sources_href: dict[str, tuple[str, str]]) -> etree.Element:
    span = etree.Element("span", {"class": "correction__sources"})
    span.text = AtomicString(" Sources: " if len(source_ids) > 1 else " Source: ")
    for position, source_id in enumerate(source_ids):
        href, name = sources_href[source_id]
        link = etree.SubElement(span, "a", {"href": href})
        link.text = AtomicString(name)
        link.tail = AtomicString("." if position == len(source_ids) - 1 else ", ")
    return span


def _time(parent: etree.Element, date: PartialDate) -> etree.Element:
    element = etree.SubElement(parent, "time", {"datetime": date.iso})
    element.text = AtomicString(date.display)
    return element


# Markdown extension -------------------------------------------------------------------------


class CorrectionsExtension(Extension):
    """Attaches each page's corrections at their anchors and ends the page with its Corrections block."""

    def __init__(self, context: BuildContext):
        super().__init__()
        self.context = context

    def extendMarkdown(self, md: Markdown) -> None:
        # After inline parsing (20) and footnotes (50), before smartypants (6) turns quotes curly,
        # and before other text decorations (abbr 7, glossary) add links the anchor would sit in.
        md.treeprocessors.register(_CorrectionsTreeprocessor(md, self), "explainer-corrections", 17)

    def corrections_for(self, page: PageInfo) -> list[Correction]:
        return list(self.corrections_by_page.get(page.src_uri, ()))

    @cached_property
    def corrections_by_page(self) -> dict[str, list[Correction]]:
        """Each page's corrections in file order, grouped on first use (the extension lives one build)."""
        return group_by(self.context.site.records.get("corrections", {}).values(), lambda c: c.page)


class _CorrectionsTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: CorrectionsExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        context, page = self.extension.context, self.extension.context.page
        if page is None or page.generated:
            return
        attached = self._attach_all(root, self.extension.corrections_for(page), page)
        if attached:
            labels = number_marks(root)
            _insert_after_title(root, corrected_notice(attached))
            root.extend(corrections_block(attached, labels, self._sources_href(attached, page), self._log_href(page)))
            for correction in attached:
                backlink = Backlink(page.url, page.title, mark_id(correction.id), f"“{correction.anchor}”")
                context.backlinks.add("correction", correction.id, backlink)

    def _attach_all(self, root: etree.Element, corrections: list[Correction], page: PageInfo) -> list[Correction]:
        """Mark every anchor that occurs exactly once (counted before any mark is added); report the rest."""
        counts = {correction.id: count_anchor(root, correction.anchor) for correction in corrections}
        problems = self.extension.context.problems
        attached = []
        for correction in corrections:
            if counts[correction.id] != 1:
                problems.append(anchor_problem(correction, counts[correction.id], page.file_label))
            elif attach_mark(root, correction):
                attached.append(correction)
            else:
                problems.append(overlap_problem(correction, page.file_label))
        return attached

    def _sources_href(self, corrections: list[Correction], page: PageInfo) -> dict[str, tuple[str, str]]:
        sources = self.extension.context.site.sources
        return {
            source_id: (_doc_link(page, f"{SOURCES_PAGE}#{source_id}"), sources[source_id].credit)
            for correction in corrections
            for source_id in correction.sources
        }

    def _log_href(self, page: PageInfo) -> str:
        return _doc_link(page, LOG_PAGE)


def _doc_link(page: PageInfo, target: str) -> str:
    """A link to a page by its path in docs/; MkDocs turns it into the page's URL and checks it exists."""
    return posixpath.relpath(target, posixpath.dirname(page.src_uri) or ".")


def _insert_after_title(root: etree.Element, element: etree.Element) -> None:
    children = list(root)
    titles = [position for position, child in enumerate(children) if child.tag == "h1"]
    root.insert(titles[0] + 1 if titles else 0, element)


# Generated page -----------------------------------------------------------------------------


def log_page_markdown(corrections: dict[str, Correction], source_names: dict[str, str], sources_link: str) -> str:
    """The Corrections page: every correction, grouped by kind, newest first, linking to its spot.

    `source_names` gives each source's publisher; `sources_link` is the Sources page's address
    relative to this one.
    """
    parts = [
        "---\ntitle: Corrections\ndescription: Every correction this explainer has published, newest first, "
        "with a link to the exact spot it corrects.\n---\n",
        "# Corrections\n",
        f"{_count_sentence(len(corrections))} A **translation note** decodes a name, term or fact that the "
        "machine-translated copy garbled; a **correction of fact** fixes a mistake this site made; an "
        "**update** adds information that changed what a page says. Each entry links to the marked phrase; "
        "every page also ends with its own corrections.\n",
        f"Follow new corrections with the [Atom feed]({ATOM_FEED}) or the [JSON Feed]({JSON_FEED}). "
        "Spotted a mistake? Use the *Report an error* link at the foot of any page.\n",
    ]
    for kind in KINDS:
        entries = newest_first([c for c in corrections.values() if c.kind == kind])
        if entries:
            parts.append(f"## {KIND_HEADINGS[kind]}\n")
            parts.extend(log_entry_html(entry, source_names, sources_link) + "\n" for entry in entries)
    return "\n".join(parts)


def _count_sentence(count: int) -> str:
    if count == 0:
        return "No corrections have been published yet."
    return f"This site has published {count} correction{'s' if count != 1 else ''}."


def log_entry_html(correction: Correction, source_names: dict[str, str], sources_link: str) -> str:
    """One entry of the Corrections page (raw HTML, every value from data escaped)."""
    sources = ", ".join(
        f'<a href="{html.escape(sources_link)}#{source_id}">{html.escape(source_names.get(source_id, source_id))}</a>'
        for source_id in correction.sources
    )
    where = placeholder("correction", correction.id)
    label = "Sources" if len(correction.sources) > 1 else "Source"
    return (
        f'<div class="correction-entry correction-entry--{correction.kind}" id="{correction.id}">\n'
        f'<p class="correction-entry__label"><strong>{KIND_LABELS[correction.kind]}, '
        f'<time datetime="{correction.issued.iso}">{correction.issued.display}</time></strong></p>\n'
        f'<p class="correction-entry__text">{html.escape(correction.sentence)}</p>\n'
        f'<div class="correction-entry__where"><strong>Where:</strong> {where}</div>\n'
        f'<p class="correction-entry__sources"><strong>{label}:</strong> {sources}</p>\n'
        "</div>\n"
    )


# Feeds --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedEntry:
    """A correction as the feeds publish it: with its page's title and the absolute address of its mark."""

    correction: Correction
    page_title: str
    spot_url: str

    @property
    def title(self) -> str:
        return f"{self.correction.label}: {self.page_title}"


@dataclass(frozen=True)
class FeedSite:
    """What the feeds say about the site: its name and the absolute addresses they point at."""

    name: str
    base_url: str  # ends with '/'
    log_url: str  # e.g. 'corrections/'
    author: str = ""

    def absolute(self, url: str) -> str:
        return self.base_url + url.lstrip("/")


def json_feed(entries: list[FeedEntry], site: FeedSite) -> str:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1), newest first, byte-for-byte reproducible."""
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"Corrections · {site.name}",
        "home_page_url": site.absolute(site.log_url),
        "feed_url": site.absolute(JSON_FEED),
        "description": "Every correction this site has published, newest first.",
        "language": "en",
        "items": [_json_item(entry, site) for entry in entries],
    }
    return json.dumps(feed, indent=2, ensure_ascii=False) + "\n"


def _json_item(entry: FeedEntry, site: FeedSite) -> dict:
    correction = entry.correction
    return {
        "id": site.absolute(f"{site.log_url}#{correction.id}"),
        "url": entry.spot_url,
        "title": entry.title,
        "content_text": correction.sentence,
        "date_published": _timestamp(correction.issued),
        "tags": [correction.kind],
        "_correction": {
            "id": correction.id,
            "page": correction.page,
            "anchor": correction.anchor,
            "kind": correction.kind,
            "issued": correction.issued.iso,
            "wrong": correction.wrong,
            "correction": correction.correction,
            "sources": list(correction.sources),
        },
    }


def atom_feed(entries: list[FeedEntry], site: FeedSite) -> str:
    """An Atom 1.0 feed (RFC 4287), newest first; 'updated' is the latest issue date, not the build time."""
    feed = etree.Element("feed", {"xmlns": ATOM_NS, "xml:lang": "en"})
    _atom_text(feed, "id", site.absolute(site.log_url))
    _atom_text(feed, "title", f"Corrections · {site.name}")
    _atom_text(feed, "updated", _timestamp(entries[0].correction.issued) if entries else "1970-01-01T00:00:00Z")
    _atom_link(feed, site.absolute(ATOM_FEED), "self", "application/atom+xml")
    _atom_link(feed, site.absolute(site.log_url), "alternate", "text/html")
    _atom_text(etree.SubElement(feed, "author"), "name", site.author or site.name)
    for entry in entries:
        feed.append(_atom_entry(entry, site))
    etree.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + etree.tostring(feed, encoding="unicode") + "\n"


def _atom_entry(entry: FeedEntry, site: FeedSite) -> etree.Element:
    correction = entry.correction
    element = etree.Element("entry")
    _atom_text(element, "id", site.absolute(f"{site.log_url}#{correction.id}"))
    _atom_text(element, "title", entry.title)
    _atom_text(element, "published", _timestamp(correction.issued))
    _atom_text(element, "updated", _timestamp(correction.issued))
    _atom_link(element, entry.spot_url, "alternate", "text/html")
    etree.SubElement(element, "category", {"term": correction.kind, "label": KIND_LABELS[correction.kind]})
    _atom_text(element, "summary", correction.sentence).set("type", "text")
    return element


def _atom_text(parent: etree.Element, tag: str, text: str) -> etree.Element:
    element = etree.SubElement(parent, tag)
    element.text = text
    return element


def _atom_link(parent: etree.Element, href: str, rel: str, media_type: str) -> None:
    etree.SubElement(parent, "link", {"href": href, "rel": rel, "type": media_type})


def _timestamp(date: PartialDate) -> str:
    """RFC 3339 at midnight UTC: feeds need a time, and the day is all a correction records."""
    return f"{date.iso}T00:00:00Z"


def feed_entries(context: BuildContext, site: FeedSite) -> list[FeedEntry]:
    """Every attached correction, newest first, with where it was attached (known once pages are converted)."""
    entries = []
    for correction in newest_first(list(context.site.records.get("corrections", {}).values())):
        for link in context.backlinks.links("correction", correction.id)[:1]:
            spot = site.absolute(f"{link.page_url}#{link.anchor}")
            entries.append(FeedEntry(correction, link.page_title, spot))
    return entries
