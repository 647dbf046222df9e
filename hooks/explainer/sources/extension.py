"""The source notes extension: `[^source-id]` in a page becomes a numbered note citing the source.

Authors write a footnote reference whose key is a source id and no definition; the preprocessor
adds the definition before Python-Markdown's footnotes extension numbers it, so Material's
footnote previews work unchanged. The treeprocessor then writes each note (title, publisher,
date, any tie to Alibaba, and a link to the source's entry on the Sources page), heads the notes
'Sources and notes' and ends them with a count of the sources cited.

Usable on its own, by name or from Python (see `SourceNotesExtension`):

    markdown.markdown(text, extensions=["footnotes", SourceNotesExtension(sources={...})])
    markdown.Markdown(extensions=["footnotes", "explainer.sources.extension"],
                      extension_configs={"explainer.sources.extension": {"data_file": "data/sources.yml"}})
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import ClassVar

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from ..backlinks import Backlink
from ..context import BuildContext
from ..elements import child, element, literal
from ..extensions import ExplainerExtension
from ..markdown_code import without_code_spans
from ..pages import SOURCES_PAGE, doc_link
from .records import SPEC, Source

NOTES_HEADING_ID = "sources-and-notes"

_REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_DEFINITION = re.compile(r"^[ ]{0,3}\[\^([^\]]+)\]:")
_NOTE_ID = re.compile(r"^fn[:-](.+)$")
# What the preprocessor writes as a note's definition; the treeprocessor replaces it with the note.
_NOTE_MARKER = "explainer-source-note"


class SourceNotesExtension(ExplainerExtension):
    """Turns `[^source-id]` into numbered source notes and heads the notes 'Sources and notes'."""

    data: ClassVar = {
        "sources": ("sources", "data_file", SPEC),
    }

    def __init__(self, **kwargs):
        self.config = {
            **self.shared_config(),
            "sources": [{}, "On its own: the sources by id (explainer.sources.records.Source), from Python."],
            "data_file": [SPEC.path, "On its own, without `sources`: the sources file to load and check."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # After fenced code is stashed (superfences: 25), before block parsing.
        md.preprocessors.register(_NoteDefinitions(md, self.context), "explainer-source-definitions", 15)
        # After the footnotes extension builds its list (50), before inline patterns (20), so the
        # notes' text is never read as Markdown.
        md.treeprocessors.register(_SourceNotes(md, self.context), "explainer-source-notes", 45)


def makeExtension(**kwargs) -> SourceNotesExtension:
    return SourceNotesExtension(**kwargs)


def cited_keys(lines: list[str]) -> tuple[list[str], set[str]]:
    """Footnote keys referenced (in order of first use) and defined in Markdown lines, ignoring code spans."""
    cited: dict[str, None] = {}
    defined = set()
    for line in lines:
        if match := _DEFINITION.match(line):
            defined.add(match.group(1))
            line = line[match.end() :]
        for key in _REFERENCE.findall(without_code_spans(line)):
            cited.setdefault(key, None)
    return list(cited), defined


class _NoteDefinitions(Preprocessor):
    """Adds a footnote definition for each cited source the page does not define itself."""

    def __init__(self, md: Markdown, context: BuildContext):
        super().__init__(md)
        self.context = context

    def run(self, lines: list[str]) -> list[str]:
        context, page = self.context, self.context.page
        cited, defined = cited_keys(lines)
        definitions = []
        for key in cited:
            if key in defined:
                continue
            if key not in context.sources.records:
                context.report(f"[^{key}]", f"cites unknown source '{key}' (not in data/sources.yml)")
                continue
            definitions.append(f"[^{key}]: {_NOTE_MARKER}")
            if page:
                context.backlinks.add("source", key, Backlink(page.url, page.title, f"fnref:{key}"))
        return [*lines, "", *definitions] if definitions else lines


class _SourceNotes(Treeprocessor):
    """Writes each source note, heads the notes 'Sources and notes' and counts the sources they cite."""

    def __init__(self, md: Markdown, context: BuildContext):
        super().__init__(md)
        self.context = context

    def run(self, root: etree.Element) -> None:
        for position, footnotes in enumerate(root):
            if footnotes.tag == "div" and footnotes.get("class") == "footnote":
                heading = etree.Element("h2", {"id": NOTES_HEADING_ID})
                heading.text = "Sources and notes"
                root.insert(position, heading)
                cited = self._write_notes(footnotes)
                if summary := sources_summary(cited):
                    etree.SubElement(footnotes, "p", {"class": "source-summary"}).text = summary
                return

    def _write_notes(self, footnotes: etree.Element) -> list[Source]:
        """Fill in every note this extension defined; the sources all the notes cite."""
        page = self.context.page
        details = doc_link(page.src_uri if page else "", SOURCES_PAGE)
        cited = []
        for item in (item for listing in footnotes.findall("ol") for item in listing.findall("li")):
            match = _NOTE_ID.match(item.get("id", ""))
            source = self.context.sources.records.get(match.group(1)) if match else None
            if source is None:
                continue
            cited.append(source)
            paragraph = item.find("p")
            if paragraph is not None and (paragraph.text or "").startswith(_NOTE_MARKER):
                note = citation(source, f"{details}#{source.id}")
                note.tail = paragraph.text.removeprefix(_NOTE_MARKER)  # the space before the back link
                paragraph.text = None
                paragraph.insert(0, note)
        return cited


def citation(source: Source, details_href: str) -> etree.Element:
    """The note readers see (and preview on hover): title, publisher, byline, date, any tie to Alibaba."""
    note = element("span", {"class": "source-note"})
    cite = child(note, "cite")
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
        stake_class = f"source-disclosure source-disclosure--{source.stake}"
        child(note, "span", {"class": stake_class}, f"{source.disclosure}.", " ")
    child(note, "a", {"class": "source-note__details", "href": details_href}, "About this source")
    return note


def sources_summary(cited: list[Source]) -> str:
    """One line: how many distinct sources a page cites, and how many are independent of Alibaba.

    Each entry of data/sources.yml is one story (a wire story republished elsewhere is one
    entry, credited to its agency), so distinct entries are distinct sources.
    """
    total = len({source.id for source in cited})
    if not total:
        return ""
    independent = len({source.id for source in cited if source.independent_of_alibaba})
    if total == 1:
        return f"This page cites 1 source, {'' if independent else 'not '}independent of Alibaba."
    return f"This page cites {total} distinct sources, {independent} of them independent of Alibaba."
