"""The generated Glossary page: every entry by category, alphabetical, each anchored by its id."""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterator

from ..backlinks import placeholder
from ..datafile import Records
from ..pages import SOURCES_PAGE, front_matter
from ..sources.records import Source
from .records import GlossaryEntry

CATEGORY_HEADINGS = {
    "person": "People",
    "organization": "Companies and institutions",
    "product": "Products and models",
    "concept": "Concepts",
}
ENTRY_CLASS = "glossary-entry"  # the wrapper of one entry (and its heading)
GROUP_CLASS = "glossary-group"  # the wrapper of a category's entries with one initial


# The page's front matter; MkDocs needs it when the page is listed, the body comes later (see the hook).
FRONT_MATTER = front_matter(
    title="Glossary",
    description=(
        "The people, companies, products and ideas the story mentions, "
        "with sources and links back to where each appears."
    ),
)


def glossary_page_markdown(entries: Records[GlossaryEntry], sources: Records[Source]) -> str:
    """The Glossary page: entries grouped by category, alphabetical, each anchored by its id."""
    parts = [
        "# Glossary\n",
        f"The {len(entries)} people, companies, products and ideas the story mentions. On the story pages, "
        "the first mention of each is underlined with dots: point at it, tab to it or tap it to read "
        "a short definition, and follow it to the entry here.\n",
    ]
    present = [category for category in CATEGORY_HEADINGS if any(e.category == category for e in entries)]
    jumps = (f"[{CATEGORY_HEADINGS[category]}](#{_category_anchor(category)})" for category in present)
    parts.append("Jump to: " + " · ".join(jumps) + "\n")
    for category, heading in CATEGORY_HEADINGS.items():
        members = sorted((e for e in entries if e.category == category), key=lambda e: e.term.casefold())
        if members:
            parts.append(f"## {heading} {{#{_category_anchor(category)}}}\n")
            for _, group in itertools.groupby(members, key=lambda e: e.term[:1].casefold()):
                parts.append(_group_markdown(group, entries, sources))
    return "\n".join(parts)


def _group_markdown(members: Iterator[GlossaryEntry], entries: Records[GlossaryEntry], sources: Records[Source]) -> str:
    # Python-Markdown's inline pass looks up each child's position in its parent, so a parent with
    # thousands of children costs n²: one <div> per entry, and those grouped by initial letter.
    body = "\n".join(_entry_markdown(entry, entries, sources) for entry in members)
    return f'<div class="{GROUP_CLASS}" markdown>\n\n{body}\n</div>\n'


def _category_anchor(category: str) -> str:
    return "category-" + CATEGORY_HEADINGS[category].lower().replace(" ", "-")


def _entry_markdown(entry: GlossaryEntry, entries: Records[GlossaryEntry], sources: Records[Source]) -> str:
    lines = [
        f'<div class="{ENTRY_CLASS}" markdown>\n',
        f"### {_markdown_text(entry.term[:1].upper() + entry.term[1:])} {{#{entry.id} .glossary-entry}}\n",
        f'<p class="glossary-entry__short">{html.escape(entry.short)}</p>\n',
        entry.long.strip() + "\n",
    ]
    if entry.aliases:
        lines.append("*Also written:* " + ", ".join(_markdown_text(alias) for alias in entry.aliases) + "\n")
    if entry.sources:
        links = [_source_link(sources.by_id[source_id]) for source_id in entry.sources if source_id in sources]
        lines.append("*Sources:* " + "; ".join(links) + "\n")
    if entry.related:
        links = [f"[{_markdown_text(entries.by_id[r].term)}](#{r})" for r in entry.related if r in entries]
        lines.append("*Related:* " + ", ".join(links) + "\n")
    lines.append("*Mentioned in:*\n")
    lines.append(placeholder("glossary", entry.id) + "\n")
    lines.append("</div>\n")
    return "\n".join(lines)


def _source_link(source: Source) -> str:
    return f"[{_markdown_text(source.credit)}, {source.published.display}]({SOURCES_PAGE}#{source.id})"


def _markdown_text(text: str) -> str:
    """Plain text from data, safe inside Markdown (no accidental emphasis, links or HTML)."""
    return re.sub(r"([\\`*_\[\]{}<>#|!])", r"\\\1", html.escape(text, quote=False))
