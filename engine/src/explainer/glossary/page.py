"""The generated Glossary page: every entry by category, alphabetical, each anchored by its id."""

from __future__ import annotations

import html
import itertools
import re

from ..backlinks import placeholder
from ..context import BuildContext
from ..datafile import Records
from ..generated import Close, GeneratedPage, Html, Open
from ..pages import GLOSSARY_PAGE, SOURCES_PAGE, front_matter
from ..sources.records import Source
from ..urls import relative_url
from .extension import LONG_PLACEHOLDER
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


def glossary_page(entries: Records[GlossaryEntry], sources: Records[Source], sources_url: str) -> GeneratedPage:
    """The Glossary page: entries grouped by category, alphabetical, each anchored by its id.

    `sources_url` is the Sources page's address relative to this one.
    """
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
    lines = _Lines(entries, sources, sources_url)
    for category, heading in CATEGORY_HEADINGS.items():
        members = sorted((e for e in entries if e.category == category), key=lambda e: e.term.casefold())
        if members:
            page.add(f"## {heading} {{#{_category_anchor(category)}}}\n")
            for _, group in itertools.groupby(members, key=lambda e: e.term[:1].casefold()):
                _add_group(page, list(group), lines)
    return page


def _add_group(page: GeneratedPage, group: list[GlossaryEntry], lines: _Lines) -> None:
    """One <div> per initial letter around its entries' <div>s, so no element has thousands of children."""
    page.add(Open("div", (("class", GROUP_CLASS),)))
    for entry in group:
        page.add(Open("div", (("class", ENTRY_CLASS),)))
        page.add(f"### {_markdown_text(entry.term[:1].upper() + entry.term[1:])} {{#{entry.id} .glossary-entry}}\n")
        page.add(Html(f'<p class="glossary-entry__short">{html.escape(entry.short)}</p>', tail="\n"))
        page.add(Open("div", ((LONG_PLACEHOLDER, entry.id),)))  # the checked `long` goes here (extension.py)
        page.add(Close())
        for line in lines.of(entry):
            page.add(line)
        page.add(Html(f"<p><em>Mentioned in:</em></p>\n{placeholder('glossary', entry.id)}", tail="\n"))
        page.add(Close())
    page.add(Close())


class _Lines:
    """An entry's 'Also written', 'Sources' and 'Related' lines.

    Their words come from data and are written as Markdown, so that they read as the rest of the
    page does (typographic quotes, escaping). Most are plain words, which Markdown would leave as
    they are; those lines are written as the HTML it would give, and spare the conversion.
    """

    def __init__(self, entries: Records[GlossaryEntry], sources: Records[Source], sources_url: str):
        self.entries, self.sources, self.sources_url = entries, sources, sources_url

    def of(self, entry: GlossaryEntry) -> list[str | Html]:
        cited = [self.sources.by_id[source_id] for source_id in entry.sources if source_id in self.sources]
        related = [self.entries.by_id[r] for r in entry.related if r in self.entries]
        lines = [
            ("Also written", [(alias, "") for alias in entry.aliases]),
            ("Sources", [(f"{s.credit}, {s.published.display}", f"{SOURCES_PAGE}#{s.id}") for s in cited]),
            ("Related", [(other.term, f"#{other.id}") for other in related]),
        ]
        return [self._line(label, items) for label, items in lines if items]

    def _line(self, label: str, items: list[tuple[str, str]]) -> str | Html:
        separator = "; " if label == "Sources" else ", "
        if not all(_plain(text) for text, _ in items):
            words = [
                f"[{_markdown_text(text)}]({target})" if target else _markdown_text(text) for text, target in items
            ]
            return f"*{label}:* " + separator.join(words) + "\n"
        words = [f'<a href="{self._address(target)}">{text}</a>' if target else text for text, target in items]
        return Html(f"<p><em>{label}:</em> " + separator.join(words) + "</p>", tail="\n")

    def _address(self, target: str) -> str:
        """Where MkDocs would point a link to `target` (a Markdown link from this page)."""
        path, _, fragment = target.partition("#")
        return f"{self.sources_url}#{fragment}" if path == SOURCES_PAGE else f"#{fragment}"


def _plain(text: str) -> bool:
    """True if Python-Markdown (with smartypants) would write `text` unchanged: no markup, quotes or entities."""
    return not _NOT_PLAIN.search(text)


# Characters that inline patterns, smartypants or HTML escaping act on, and dashes or dots they turn typographic.
_NOT_PLAIN = re.compile(r"""[\\`*_\[\]{}()<>#|!&'"\n]|--|\.\.|\s\s""")


def _category_anchor(category: str) -> str:
    return "category-" + CATEGORY_HEADINGS[category].lower().replace(" ", "-")


def _markdown_text(text: str) -> str:
    """Plain text from data, safe inside Markdown (no accidental emphasis, links or HTML)."""
    return re.sub(r"([\\`*_\[\]{}<>#|!])", r"\\\1", html.escape(text, quote=False))


def for_build(context: BuildContext) -> GeneratedPage:
    """The Glossary page of this build."""
    sources_url = relative_url(context.site.url(SOURCES_PAGE), context.site.url(GLOSSARY_PAGE))
    return glossary_page(context.glossary.records, context.sources.records, sources_url)
