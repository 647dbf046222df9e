"""The generated Glossary page: every entry by category, alphabetical, each anchored by its id."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING, Any

from ..concern import GeneratedPage
from ..sources.page import PAGE as SOURCES

if TYPE_CHECKING:
    from ..context import BuildContext
    from .records import GlossaryEntry

# Characters that inline patterns, smartypants or HTML escaping act on, and dashes or dots they turn typographic.
_NOT_PLAIN = re.compile(r"""[\\`*_\[\]{}()<>#|!&'"\n]|--|\.\.|\s\s""")


def variables(context: BuildContext) -> dict[str, Any]:
    """The entries by category (data/story.yml's, in its order) and initial letter, and each entry's lines
    ('Also written', 'Sources', 'Related')."""
    entries = context.glossary.records
    here = context.site.url("glossary.md")
    sources_url = context.site.link(context.site.url(SOURCES.src_uri), here)
    categories = []
    for category, heading in context.story.categories.items():
        members = sorted((e for e in entries if e.category == category), key=lambda e: e.term.casefold())
        groups = [list(group) for _, group in itertools.groupby(members, key=lambda e: e.term[:1].casefold())]
        if groups:
            # its words only: a heading is text from data/story.yml, and the anchor goes into an attribute list
            anchor = "category-" + "-".join(re.findall(r"\w+", heading.lower()))
            categories.append({"heading": heading, "anchor": anchor, "groups": groups})
    lines = {entry.id: _lines(entry, context, sources_url) for entry in entries}
    return {"count": len(entries), "categories": categories, "lines": lines, "covers": context.story.glossary_covers}


def _lines(entry: GlossaryEntry, context: BuildContext, sources_url: str) -> list[dict[str, Any]]:
    """An entry's lines: each item's words, its Markdown link target, and the address that link leads to.

    Their words come from data and are written as Markdown, so that they read as the rest of the page
    does (typographic quotes, escaping); a line whose words are all plain, which Markdown would leave as
    they are, is written as the HTML it would give, and spares the conversion.
    """
    sources, entries = context.sources.records, context.glossary.records
    cited = [
        (f"{s.credit}, {s.published.display}", f"{SOURCES.src_uri}#{s.id}", f"{sources_url}#{s.id}")
        for s in (sources.by_id[source_id] for source_id in entry.sources if source_id in sources)
    ]
    related = [(entries.by_id[other].term, f"#{other}", f"#{other}") for other in entry.related if other in entries]
    lines = [
        ("Also written", ", ", [(alias, "", "") for alias in entry.aliases]),
        ("Sources", "; ", cited),
        ("Related", ", ", related),
    ]
    return [
        {"label": label, "separator": separator, "words": items, "plain": all(plain(text) for text, _, _ in items)}
        for label, separator, items in lines
        if items
    ]


def plain(text: str) -> bool:
    """True if Python-Markdown (with smartypants) would write `text` unchanged: no markup, quotes or entities."""
    return not _NOT_PLAIN.search(text)


PAGE = GeneratedPage(
    "glossary.md",
    title="Glossary",
    description=lambda story: (
        f"The {story.glossary_covers} the story mentions, with sources and links back to where each appears."
    ),
    variables=variables,
)
