"""The generated Glossary page: every entry by category, alphabetical, each anchored by its id."""

from __future__ import annotations

import html
import itertools
import re

from ..backlinks import placeholder
from ..datafile import Records
from ..generated import Close, GeneratedPage, Html, Open
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


def glossary_page(entries: Records[GlossaryEntry], sources: Records[Source]) -> GeneratedPage:
    """The Glossary page: entries grouped by category, alphabetical, each anchored by its id."""
    present = [category for category in CATEGORY_HEADINGS if any(e.category == category for e in entries)]
    jumps = (f"[{CATEGORY_HEADINGS[category]}](#{_category_anchor(category)})" for category in present)
    page = GeneratedPage()
    page.add(
        "# Glossary\n\n"
        f"The {len(entries)} people, companies, products and ideas the story mentions. On the story pages, "
        "the first mention of each is underlined with dots: point at it, tab to it or tap it to read "
        "a short definition, and follow it to the entry here.\n\n"
        "Jump to: " + " · ".join(jumps) + "\n"
    )
    for category, heading in CATEGORY_HEADINGS.items():
        members = sorted((e for e in entries if e.category == category), key=lambda e: e.term.casefold())
        if members:
            page.add(f"## {heading} {{#{_category_anchor(category)}}}\n")
            for _, group in itertools.groupby(members, key=lambda e: e.term[:1].casefold()):
                _add_group(page, list(group), entries, sources)
    return page


def _add_group(page: GeneratedPage, group: list[GlossaryEntry], entries: Records, sources: Records) -> None:
    """One <div> per initial letter around its entries' <div>s, so no element has thousands of children."""
    page.add(Open("div", (("class", GROUP_CLASS),)))
    for entry in group:
        page.add(Open("div", (("class", ENTRY_CLASS),)))
        page.add(f"### {_markdown_text(entry.term[:1].upper() + entry.term[1:])} {{#{entry.id} .glossary-entry}}\n")
        page.add(Html(f'<p class="glossary-entry__short">{html.escape(entry.short)}</p>', tail="\n"))
        page.add(_entry_markdown(entry, entries, sources))
        page.add(Html(f"<p><em>Mentioned in:</em></p>\n{placeholder('glossary', entry.id)}", tail="\n"))
        page.add(Close())
    page.add(Close())


def _category_anchor(category: str) -> str:
    return "category-" + CATEGORY_HEADINGS[category].lower().replace(" ", "-")


def _entry_markdown(entry: GlossaryEntry, entries: Records[GlossaryEntry], sources: Records[Source]) -> str:
    """The parts of an entry written in Markdown: `long`, and the lines that name other entries and sources."""
    lines = [entry.long.strip() + "\n"]
    if entry.aliases:
        lines.append("*Also written:* " + ", ".join(_markdown_text(alias) for alias in entry.aliases) + "\n")
    if entry.sources:
        links = [_source_link(sources.by_id[source_id]) for source_id in entry.sources if source_id in sources]
        lines.append("*Sources:* " + "; ".join(links) + "\n")
    if entry.related:
        links = [f"[{_markdown_text(entries.by_id[r].term)}](#{r})" for r in entry.related if r in entries]
        lines.append("*Related:* " + ", ".join(links) + "\n")
    return "\n".join(lines)


def _source_link(source: Source) -> str:
    return f"[{_markdown_text(source.credit)}, {source.published.display}]({SOURCES_PAGE}#{source.id})"


def _markdown_text(text: str) -> str:
    """Plain text from data, safe inside Markdown (no accidental emphasis, links or HTML)."""
    return re.sub(r"([\\`*_\[\]{}<>#|!])", r"\\\1", html.escape(text, quote=False))
