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
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .backlinks import Backlink, placeholder
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

_REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_DEFINITION = re.compile(r"^[ ]{0,3}\[\^([^\]]+)\]:")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


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
    index: int = 0  # position in data/sources.yml, for messages

    def citation_html(self, details_href: str) -> str:
        """The note readers see (and preview on hover): title, publisher, byline, date."""
        byline = f" by {html.escape(_join_names(self.authors))}" if self.authors else ""
        return (
            f'<span class="source-note"><cite><a href="{html.escape(self.url)}">{html.escape(self.title)}</a></cite>, '
            f"{html.escape(self.publisher)}{byline}, "
            f'<time datetime="{self.published.iso}">{self.published.display}</time>. '
            f'<a class="source-note__details" href="{html.escape(details_href)}">About this source</a></span>'
        )


def build_sources(document: YamlDocument) -> tuple[dict[str, Source], list[Problem]]:
    """Typed sources by id from a schema-valid data/sources.yml."""
    first_index, problems = ids_in_order(document)
    records = {}
    for entry_id, index in first_index.items():
        entry = document.data[index]
        published = date_at(document, index, "published", f"source '{entry_id}'", problems)
        if published is None:
            continue
        fields = {key: value for key, value in entry.items() if key not in ("published", "authors")}
        records[entry_id] = Source(**fields, published=published, authors=tuple(entry.get("authors", ())), index=index)
    return records, problems


SPEC = DataFileSpec(name="sources", build=build_sources)


# Markdown extension -------------------------------------------------------------------------


def cited_keys(lines: list[str]) -> tuple[list[str], set[str]]:
    """Footnote keys referenced (in order of first use) and defined in Markdown lines, ignoring code spans."""
    cited: dict[str, None] = {}
    defined = set()
    for line in lines:
        if match := _DEFINITION.match(line):
            defined.add(match.group(1))
            line = line[match.end() :]
        for key in _REFERENCE.findall(_CODE_SPAN.sub("", line)):
            cited.setdefault(key, None)
    return list(cited), defined


class SourceNotesExtension(Extension):
    """Turns `[^source-id]` into numbered source notes and heads the notes 'Sources and notes'."""

    def __init__(self, context: BuildContext, sources_page_url: str):
        super().__init__()
        self.context = context
        self.sources_page_url = sources_page_url

    def extendMarkdown(self, md: Markdown) -> None:
        # After fenced code is stashed (superfences: 25-ish), before block parsing.
        md.preprocessors.register(_SourceNotePreprocessor(md, self), "explainer-source-notes", 15)
        # After the footnotes extension builds its list (50), before the table of contents (5).
        md.treeprocessors.register(_NotesHeadingTreeprocessor(md), "explainer-notes-heading", 45)


class _SourceNotePreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: SourceNotesExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        context, page = self.extension.context, self.extension.context.page
        cited, defined = cited_keys(lines)
        definitions = []
        for key in cited:
            if key in defined:
                continue
            source = context.site.sources.get(key)
            if source is None:
                if page:
                    context.problems.append(
                        page.problem(f"[^{key}]", f"cites unknown source '{key}' (not in data/sources.yml)")
                    )
                continue
            details = page.link_to(f"{self.extension.sources_page_url}#{key}") if page else f"#{key}"
            definitions.append(f"[^{key}]: {self.md.htmlStash.store(source.citation_html(details))}")
            if page:
                context.backlinks.add("source", key, Backlink(page.url, page.title, f"fnref:{key}"))
        return [*lines, "", *definitions] if definitions else lines


class _NotesHeadingTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for position, child in enumerate(root):
            if child.tag == "div" and child.get("class") == "footnote":
                heading = etree.Element("h2", {"id": NOTES_HEADING_ID})
                heading.text = "Sources and notes"
                root.insert(position, heading)
                return


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
    ]
    for kind, heading in KIND_HEADINGS.items():
        entries = sorted((s for s in sources.values() if s.kind == kind), key=lambda s: (s.published, s.publisher))
        if entries:
            parts.append(f"## {heading}\n")
            parts.extend(_source_entry_html(source) + "\n" for source in entries)
    return "\n".join(parts)


def _source_entry_html(source: Source) -> str:
    byline = (
        f'<p class="source-entry__byline">By {html.escape(_join_names(source.authors))}</p>' if source.authors else ""
    )
    notes = (
        f'<p class="source-entry__notes"><strong>Caveat:</strong> {html.escape(source.notes)}</p>'
        if source.notes
        else ""
    )
    return (
        f'<div class="source-entry" id="{source.id}">\n'
        f'<p class="source-entry__title"><cite><a href="{html.escape(source.url)}">'
        f"{html.escape(source.title)}</a></cite></p>\n"
        f'<p class="source-entry__meta">{html.escape(source.publisher)}, '
        f'<time datetime="{source.published.iso}">{source.published.display}</time></p>\n'
        f"{byline}\n"
        f'<p class="source-entry__use"><strong>Used for:</strong> {html.escape(source.used_for)}</p>\n'
        f"{notes}\n"
        f'<div class="source-entry__cited"><strong>Cited in:</strong> {placeholder("source", source.id)}</div>\n'
        "</div>\n"
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
