"""Source notes: `[^source-id]` in a page becomes a numbered note citing data/sources.yml.

Authors write a footnote reference whose key is a source id and no definition; the
preprocessor adds the definition (the formatted citation) before Python-Markdown's
footnotes extension numbers it, so the notes preview like any footnote (docs/assets/previews.js).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markdown import Extension, Markdown
from markdown.extensions.footnotes import FootnoteExtension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .backlinks import Backlink, placeholder
from .codeblocks import prose_texts
from .dates import PartialDate
from .errors import Problem
from .records import DataFileSpec, date_at, ids_in_order
from .yamlfile import YamlDocument

if TYPE_CHECKING:
    from .context import BuildContext

KIND_HEADINGS = {
    "primary": "Primary sources",
    "news": "News reports",
    "analysis": "Analysis and commentary",
    "reference": "Reference",
}
NOTES_HEADING_ID = "sources-and-notes"


@dataclass(frozen=True)
class Stake:
    """A source's relationship to Alibaba, as readers are told it (schemas/sources.schema.json)."""

    disclosure: str  # shown next to every note citing the source; empty for no tie
    independent_of_alibaba: bool


# The keys are the schema's `stake` values (tests/test_sources.py keeps the two in step).
STAKES = {
    "independent": Stake("", True),
    "alibaba": Stake("Alibaba's own statement", False),
    "owned-by-alibaba": Stake("Owned by Alibaba Group", False),
    "alibaba-affiliate": Stake("A company tied to Alibaba, speaking for itself", False),
    # State media speak for the government that regulated Alibaba: a stake in the story, not a tie to Alibaba.
    "chinese-state": Stake("Chinese state-owned media", True),
}

_REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_DEFINITION = re.compile(r"^[ ]{0,3}\[\^([^\]]+)\]:")


# Data ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    id: str
    publisher: str
    title: str
    published: PartialDate
    url: str
    kind: str
    used_for: str
    authors: tuple[str, ...] = ()
    notes: str = ""
    stake: str = "independent"  # a key of STAKES; the schema makes it required in data/sources.yml
    origin: str = ""  # for a republished copy: the agency or outlet whose story it is
    single_source: tuple[str, ...] = ()  # claims no other source was found to support
    index: int = 0  # position in data/sources.yml, for messages

    @property
    def credit(self) -> str:
        """Whose story it is, in one name: the original agency for a republished copy."""
        return self.origin or self.publisher

    @property
    def independent_of_alibaba(self) -> bool:
        return STAKES[self.stake].independent_of_alibaba

    def citation_html(self, details_href: str) -> str:
        """The note readers see (and preview on hover): title, publisher, byline, date, and any tie to Alibaba."""
        byline = f" by {html.escape(_join_names(self.authors))}" if self.authors else ""
        return (
            f'<span class="source-note"><cite><a href="{html.escape(self.url)}">{html.escape(self.title)}</a></cite>, '
            f"{self._publisher_html()}{byline}, "
            f'<time datetime="{self.published.iso}">{self.published.display}</time>. '
            f"{self._stake_html()}"
            f'<a class="source-note__details" href="{html.escape(details_href)}">About this source</a></span>'
        )

    def _publisher_html(self) -> str:
        if not self.origin:
            return html.escape(self.publisher)
        return (
            '<span class="source-disclosure source-disclosure--origin">'
            f"{html.escape(self.origin)} story, republished by {html.escape(self.publisher)}</span>"
        )

    def _stake_html(self) -> str:
        span = _stake_span(self.stake)
        return f"{span} " if span else ""


def build_sources(document: YamlDocument) -> tuple[dict[str, Source], list[Problem]]:
    """Typed sources by id from a schema-valid data/sources.yml."""
    first_index, problems = ids_in_order(document)
    records = {}
    for entry_id, index in first_index.items():
        entry = document.data[index]
        published = date_at(document, index, "published", f"source '{entry_id}'", problems)
        if published is None:
            continue
        fields = {key: value for key, value in entry.items() if key not in (*_TUPLE_FIELDS, "published")}
        tuples = {key: tuple(entry.get(key, ())) for key in _TUPLE_FIELDS}
        records[entry_id] = Source(**fields, **tuples, published=published, index=index)
    return records, problems


_TUPLE_FIELDS = ("authors", "single_source")

SPEC = DataFileSpec(name="sources", build=build_sources)


# Markdown extension -------------------------------------------------------------------------


def cited_keys(lines: list[str]) -> tuple[list[str], set[str]]:
    """Footnote keys written in Markdown lines (in order of first use) and those the page defines itself.

    Code included: whether a `[^key]` is a reference or an example in code is Python-Markdown's
    call, made later (see _SourceNotesTreeprocessor); a note offered here and never referenced
    is removed then.
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


class SourceNotesExtension(Extension):
    """Turns `[^source-id]` into numbered source notes and heads the notes 'Sources and notes'."""

    def __init__(self, context: BuildContext, sources_page_url: str):
        super().__init__()
        self.context = context
        self.sources_page_url = sources_page_url

    def extendMarkdown(self, md: Markdown) -> None:
        offer = _SourceNotePreprocessor(md, self)
        # After fenced code is stashed (superfences: 25-ish), before block parsing.
        md.preprocessors.register(offer, "explainer-source-notes", 15)
        # After inline patterns (20) made the references and footnotes ordered its notes (19).
        md.treeprocessors.register(_SourceNotesTreeprocessor(md, self, offer), "explainer-source-notes", 18)


class _SourceNotePreprocessor(Preprocessor):
    """Offers a note for every known source a line names; Python-Markdown decides which are references."""

    def __init__(self, md: Markdown, extension: SourceNotesExtension):
        super().__init__(md)
        self.extension = extension
        self.offered: list[str] = []  # source ids given a definition on this page, in order of first use

    def run(self, lines: list[str]) -> list[str]:
        context = self.extension.context
        cited, defined = cited_keys(lines)
        self.offered = [key for key in cited if key not in defined and key in context.site.sources]
        definitions = [
            f"[^{key}]: {self.md.htmlStash.store(context.site.sources[key].citation_html(self._details(key)))}"
            for key in self.offered
        ]
        return [*lines, "", *definitions] if definitions else lines

    def _details(self, key: str) -> str:
        page = self.extension.context.page
        return page.link_to(f"{self.extension.sources_page_url}#{key}") if page else f"#{key}"


class _SourceNotesTreeprocessor(Treeprocessor):
    """Keeps the notes the page references, reports unknown sources in its prose, heads the notes."""

    def __init__(self, md: Markdown, extension: SourceNotesExtension, offer: _SourceNotePreprocessor):
        super().__init__(md)
        self.extension = extension
        self.offer = offer

    def run(self, root: etree.Element) -> None:
        footnotes = next((e for e in self.md.registeredExtensions if isinstance(e, FootnoteExtension)), None)
        referenced = set(footnotes.footnote_order) if footnotes else set()  # keys of the references it made
        # A key seen only in code got a note no reference points to: its back-link would lead nowhere.
        if footnotes and (unreferenced := [key for key in self.offer.offered if key not in referenced]):
            _remove_notes(root, {footnotes.makeFootnoteId(key) for key in unreferenced})
        context, page = self.extension.context, self.extension.context.page
        if page:
            for key in self.offer.offered:
                if key in referenced:
                    context.backlinks.add("source", key, Backlink(page.url, page.title, f"fnref:{key}"))
            for key in _unknown_citations(root, footnotes):
                context.problems.append(
                    page.problem(f"[^{key}]", f"cites unknown source '{key}' (not in data/sources.yml)")
                )
        _head_the_notes(root, context.site.sources)


def _unknown_citations(root: etree.Element, footnotes: FootnoteExtension | None) -> list[str]:
    """Keys of `[^key]` left as text in the page's prose (not code): no note has that key."""
    known = footnotes.footnotes if footnotes else {}
    found = (key for text in prose_texts(root) for key in _REFERENCE.findall(text))
    return [key for key in dict.fromkeys(found) if key not in known]


def _remove_notes(root: etree.Element, note_ids: set[str]) -> None:
    for notes in root.iter("div"):
        if notes.get("class") == "footnote":
            for items in notes.iter("ol"):
                for item in [li for li in items if li.get("id") in note_ids]:
                    items.remove(item)
                if not len(items):
                    root.remove(notes)
            return


def _head_the_notes(root: etree.Element, sources: dict[str, Source]) -> None:
    """Head the footnotes 'Sources and notes' and end them with a count of the sources they cite."""
    for position, child in enumerate(root):
        if child.tag == "div" and child.get("class") == "footnote":
            heading = etree.Element("h2", {"id": NOTES_HEADING_ID})
            heading.text = "Sources and notes"
            root.insert(position, heading)
            cited = [sources.get(key) for key in _note_keys(child)]
            if summary := sources_summary([source for source in cited if source]):
                etree.SubElement(child, "p", {"class": "source-summary"}).text = summary
            return


def _note_keys(footnotes: etree.Element) -> list[str]:
    """The keys of the notes in a footnotes block, from their items' ids (`fn:KEY`)."""
    ids = (item.get("id", "") for listing in footnotes.findall("ol") for item in listing.findall("li"))
    return [match.group(1) for item_id in ids if (match := _NOTE_ID.match(item_id))]


_NOTE_ID = re.compile(r"^fn[:-](.+)$")


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


# Generated page -----------------------------------------------------------------------------


def sources_page_markdown(sources: dict[str, Source]) -> str:
    """The Sources page: every source grouped by kind, with placeholders for 'cited in' links."""
    parts = [
        "---\ntitle: Sources\ndescription: Every source this explainer cites, grouped by kind, "
        "with links back to the passages that rely on it.\n---\n",
        "# Sources\n",
        f"The explainer relies on {len(sources)} sources. Primary sources (company announcements, "
        "filings and regulators) come first; news reports and analysis fill in what they do not say. "
        "Each entry links back to every page that cites it.\n",
        f"{_independent_count(sources)} independent of Alibaba. An entry that speaks for Alibaba, for an "
        "outlet or company tied to it, or for the Chinese state says so, here and next to every note that "
        "cites it; a story republished by another site is one entry, credited to the agency or outlet that "
        "wrote it.\n",
    ]
    for kind, heading in KIND_HEADINGS.items():
        entries = sorted((s for s in sources.values() if s.kind == kind), key=lambda s: (s.published, s.publisher))
        if entries:
            parts.append(f"## {heading}\n")
            parts.extend(_source_entry_html(source) + "\n" for source in entries)
    return "\n".join(parts)


def _independent_count(sources: dict[str, Source]) -> str:
    independent = sum(source.independent_of_alibaba for source in sources.values())
    return f"{independent} of the {len(sources)} {'is' if independent == 1 else 'are'}"


def _source_entry_html(source: Source) -> str:
    byline = (
        f'<p class="source-entry__byline">By {html.escape(_join_names(source.authors))}</p>' if source.authors else ""
    )
    notes = (
        f'<p class="source-entry__notes"><strong>Caveat:</strong> {html.escape(source.notes)}</p>'
        if source.notes
        else ""
    )
    only_source = "".join(f"<li>{html.escape(claim)}</li>" for claim in source.single_source)
    only_source = (
        f'<div class="source-entry__single"><strong>Only source found for:</strong><ul>{only_source}</ul></div>\n'
        if only_source
        else ""
    )
    return (
        f'<div class="source-entry" id="{source.id}">\n'
        f'<p class="source-entry__title"><cite><a href="{html.escape(source.url)}">'
        f"{html.escape(source.title)}</a></cite></p>\n"
        f'<p class="source-entry__meta">{html.escape(source.publisher)}, '
        f'<time datetime="{source.published.iso}">{source.published.display}</time></p>\n'
        f"{byline}\n"
        f"{_disclosure_html(source)}"
        f'<p class="source-entry__use"><strong>Used for:</strong> {html.escape(source.used_for)}</p>\n'
        f"{notes}\n"
        f"{only_source}"
        f'<div class="source-entry__cited"><strong>Cited in:</strong> {placeholder("source", source.id)}</div>\n'
        "</div>\n"
    )


def _disclosure_html(source: Source) -> str:
    """The Sources page's line on who is speaking: a republished copy's origin, any tie to Alibaba."""
    parts = []
    if source.origin:
        parts.append(f"{html.escape(source.origin)} story, republished by {html.escape(source.publisher)}.")
    if span := _stake_span(source.stake):
        parts.append(span)
    return f'<p class="source-entry__disclosure">{" ".join(parts)}</p>\n' if parts else ""


def _stake_span(stake: str) -> str:
    """The disclosure for a stake (empty for none), marked with its value so it can be styled or found."""
    disclosure = STAKES[stake].disclosure
    return (
        f'<span class="source-disclosure source-disclosure--{stake}">{html.escape(disclosure)}.</span>'
        if disclosure
        else ""
    )


def _join_names(names: tuple[str, ...] | list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def uncited_sources(context: BuildContext) -> list[Problem]:
    """Sources that no page cites and no data entry relies on: worth a warning."""
    used = context.backlinks.used_ids("source") | context.site.referenced_source_ids()
    document = context.site.documents.get("sources")
    return [
        document.problem((source.index, "id"), f"source '{source.id}' is never cited")
        for source in context.site.sources.values()
        if source.id not in used and document
    ]
