"""The source notes extension: `[^source-id]` in a page becomes a numbered note citing the source.

Authors write a footnote reference whose key is a source id and no definition; the preprocessor
adds the definition before Python-Markdown's footnotes extension numbers it, so the notes
preview like any footnote (docs/assets/previews.js). The treeprocessor then writes each note (title,
publisher, date, who it speaks for or its tie to the story's subject, and a link to the source's entry
on the Sources page), heads the notes 'Sources and notes', gives the count of the sources cited, and folds
the list behind 'All N notes' (shown on wide screens and in print).

Usable on its own (see explainer.extensions), after "footnotes": `SourceNotesExtension(sources={...})`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import ClassVar

from markdown import Markdown
from markdown.extensions.footnotes import FootnoteExtension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from ..anchors import prose_slots
from ..backlinks import Backlink
from ..codeblocks import CODE_TAGS
from ..context import PageInfo
from ..elements import child, element, insert_after_title, literal
from ..extensions import ContextProcessor, ExplainerExtension, WrittenPageTreeprocessor
from .annotations import mark_adjacent_references, mark_claims, retold_line
from .origins import one_origin_problems
from .page import PAGE
from .records import SPEC, Source

NOTES_HEADING_ID = "sources-and-notes"

_REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_DEFINITION = re.compile(r"^[ ]{0,3}\[\^([^\]]+)\]:")
_NOTE_ID = re.compile(r"^fn[:-](.+)$")
# What the preprocessor writes as a note's definition; the treeprocessor replaces it with the note.
_NOTE_MARKER = "explainer-source-note"


class SourceNotesExtension(ExplainerExtension):
    """Turns `[^source-id]` into numbered source notes and heads the notes 'Sources and notes'."""

    data: ClassVar = {"sources": SPEC}

    def extendMarkdown(self, md: Markdown) -> None:
        offers = _NoteOffers(md, self.context)
        # After fenced code is stashed (superfences: 25), before block parsing.
        md.preprocessors.register(offers, "explainer-source-definitions", 15)
        # After inline patterns (20) made the references and footnotes ordered its notes (19).
        md.treeprocessors.register(_SourceNotes(md, self.context, offers), "explainer-source-notes", 18)
        # After the notes (18), the corrections' marks (17) and the charts (16); before event links (14),
        # abbreviations (7), smartypants (6) and glossary mentions (5.5) change the page's text.
        # Then, every mark in place (notes 18, corrections' 17, its own), it marks those side by side.
        md.treeprocessors.register(_Annotations(md, self.context), "explainer-source-annotations", 15.5)


makeExtension = SourceNotesExtension  # Python-Markdown's entry point for the extension by name


def cited_keys(lines: list[str]) -> tuple[list[str], set[str]]:
    """Footnote keys written in Markdown lines (in order of first use) and those the page defines itself.

    Code included: whether a `[^key]` is a reference or an example in code is Python-Markdown's
    call, made later (see _SourceNotes); a note offered here and never referenced is removed then.
    """
    cited: dict[str, None] = {}
    defined = set()
    for line in lines:
        if match := _DEFINITION.match(line):
            defined.add(match.group(1))
            line = line[match.end() :]
        for key in _REFERENCE.findall(line):
            cited.setdefault(key, None)
    return list(cited), defined


class _NoteOffers(ContextProcessor, Preprocessor):
    """Offers a note for every known source a line names; Python-Markdown decides which are references."""

    offered: list[str]  # source ids given a definition on this page, in order of first use (set by run)

    def run(self, lines: list[str]) -> list[str]:
        cited, defined = cited_keys(lines)
        self.offered = [key for key in cited if key not in defined and key in self.context.sources.records]
        definitions = [f"[^{key}]: {_NOTE_MARKER}" for key in self.offered]
        return [*lines, "", *definitions] if definitions else lines


class _SourceNotes(ContextProcessor, Treeprocessor):
    """Keeps the notes the page references (of those the earlier _NoteOffers offered) and writes them, reports
    unknown sources in its prose, heads the notes."""

    def run(self, root: etree.Element) -> None:
        footnotes = next((e for e in self.md.registeredExtensions if isinstance(e, FootnoteExtension)), None)
        referenced = set(footnotes.footnote_order) if footnotes else set()  # keys of the references it made
        # A key seen only in code got a note no reference points to: its back-link would lead nowhere.
        if footnotes and (unreferenced := [key for key in self.earlier.offered if key not in referenced]):
            _remove_notes(root, {footnotes.makeFootnoteId(key) for key in unreferenced})
        context, page = self.context, self.context.page
        for key in self.earlier.offered:
            if key in referenced and page:
                context.backlinks.add("source", key, Backlink(page.url, page.title, f"fnref:{key}"))
        # A `[^key]` left as text in the page's prose (not code): no note has that key.
        with_notes = footnotes.footnotes if footnotes else {}
        prose = (getattr(node, where) for node, _, where in prose_slots(root, lambda node: node.tag in CODE_TAGS))
        for key in dict.fromkeys(key for text in prose for key in _REFERENCE.findall(text)):
            if key not in with_notes and not context.sources.records.knows(key):  # else left out for its own problem
                context.report(f"[^{key}]", f"cites unknown source '{key}' (not in data/sources.yml)")
        for position, notes in enumerate(root):
            if notes.tag == "div" and notes.get("class") == "footnote":
                heading = etree.Element("h2", {"id": NOTES_HEADING_ID})
                heading.text = "Sources and notes"
                root.insert(position, heading)
                cited = self._write_notes(notes)
                listing_at = fold_notes(notes)
                if summary := sources_summary(cited, context.story.subject):
                    line = etree.Element("p", {"class": "source-summary"})
                    line.text = summary
                    notes.insert(listing_at, line)
                return

    def _write_notes(self, footnotes: etree.Element) -> list[Source]:
        """Fill in every note this extension defined; the sources all the notes cite."""
        page = self.context.page
        details = page.link_to(PAGE.src_uri) if page else PAGE.src_uri
        cited = []
        for item in (item for listing in footnotes.findall("ol") for item in listing.findall("li")):
            match = _NOTE_ID.match(item.get("id", ""))
            source = self.context.sources.records.get(match.group(1)) if match else None
            if source is None:
                continue
            cited.append(source)
            # Out of the search index: a search for a source finds its one entry on the Sources page (with
            # the pages that cite it), not every page's copy of the note, on a phone in a folded list.
            # Notes of the page's own stay searchable. Material's search removes the attribute from the page.
            item.set("data-search-exclude", "source-note")
            paragraph = item.find("p")
            if paragraph is not None and (paragraph.text or "").startswith(_NOTE_MARKER):
                note = citation(source, f"{details}#{source.id}")
                note.tail = paragraph.text.removeprefix(_NOTE_MARKER)  # the space before the back link
                paragraph.text = None
                paragraph.insert(0, note)
        return cited


class _Annotations(WrittenPageTreeprocessor):
    """Under a story page's title, the report the story retells; a mark after each single-source claim the
    page makes; and the origin rule: a figure cited only to reports of one origin must be declared. Then, on
    every page, marks side by side ("¹,²"): see explainer.sources.annotations."""

    def run(self, root: etree.Element) -> None:
        super().run(root)
        mark_adjacent_references(root)

    def run_on_page(self, root: etree.Element, page: PageInfo) -> None:
        context, state = self.context, self.context.sources
        sources, sources_href, base = state.records.by_id, page.link_to(PAGE.src_uri), state.base_report
        retold = page.meta.get("retold", True) is not False  # front matter `retold: false`: our own reporting
        if page.is_story and retold and base is not None:
            insert_after_title(root, retold_line(base, f"{sources_href}#{base.id}"))
        marked, problems = mark_claims(root, state.claims_on_page(page.src_uri), sources, page.file_label, sources_href)
        context.problems += problems
        for claim in marked:
            context.backlinks.add("one-report", claim.key, Backlink(page.url, page.title, claim.mark_id))
        if page.is_story:
            base_notes = frozenset({base.id}) if base else frozenset()
            glossary = context.states.get("glossary")  # its names that hold a digit are no figure
            names = list(glossary.forms_with_digits) if glossary is not None else []
            context.problems += one_origin_problems(
                root, sources, page.file_label, page.source_text, names, base_notes, self.md
            )


def _remove_notes(root: etree.Element, note_ids: set[str]) -> None:
    # The notes' block is where the page's `///Footnotes Go Here///` put it, inside a quote or a list too.
    for parent in root.iter():
        for notes in [div for div in parent if div.tag == "div" and div.get("class") == "footnote"]:
            for items in notes.iter("ol"):
                for item in [li for li in items if li.get("id") in note_ids]:
                    items.remove(item)
                if not len(items):
                    parent.remove(notes)
            return


def citation(source: Source, details_href: str) -> etree.Element:
    """The note readers see (and preview on hover): title, publisher, byline, date, any disclosure."""
    note = element("span", {"class": "source-note"})
    cite = child(note, "cite", {"lang": source.title_language} if source.title_language else {})
    child(cite, "a", {"href": source.url}, source.title)
    byline = f" by {source.byline}" if source.byline else ""
    if source.origin:
        cite.tail = literal(", ")
        republished = f"{source.origin} story, republished by {source.publisher}"
        child(note, "span", {"class": "source-disclosure source-disclosure--origin"}, republished, f"{byline}, ")
    else:
        cite.tail = literal(f", {source.publisher}{byline}, ")
    child(note, "time", {"datetime": source.published.iso}, source.published.display, ". ")
    if source.disclosure:
        child(note, "span", {"class": source.relationship.css_class}, f"{source.disclosure}.", " ")
    child(note, "a", {"class": "source-note__details", "href": details_href}, "About this source")
    return note


def fold_notes(footnotes: etree.Element) -> int:
    """Put the list of notes in a disclosure ("All 74 notes"), closed on phones, shown on wide screens and in
    print (explainer.css); return where the list stood. Why: on a phone every note is styled again each
    time Material's start-up restyles the page, though no reader sees the list while reading; each mark
    still previews its note (previews.js reads it from the closed list), and a link to a note opens the
    list and shows the note (explainer.js)."""
    listing = footnotes.find("ol")
    if listing is None:
        return len(footnotes)
    position = list(footnotes).index(listing)
    count = len(listing.findall("li"))
    disclosure = etree.Element("details", {"class": "footnote__list"})
    etree.SubElement(disclosure, "summary").text = f"All {count} notes" if count > 1 else "1 note"
    footnotes.remove(listing)
    disclosure.append(listing)
    footnotes.insert(position, disclosure)
    return position


def sources_summary(cited: list[Source], subject: str = "") -> str:
    """One line: how many distinct sources a page cites, and how many are independent (of the subject).

    Each entry of data/sources.yml is one story (a wire story republished elsewhere is one
    entry, credited to its agency), so distinct entries are distinct sources.
    """
    total = len({source.id for source in cited})
    if not total:
        return ""
    of = f" of {subject}" if subject else ""
    independent = len({source.id for source in cited if source.independent})
    if total == 1:
        return f"This page cites 1 source, {'' if independent else 'not '}independent{of}."
    return f"This page cites {total} distinct sources, {independent} of them independent{of}."
