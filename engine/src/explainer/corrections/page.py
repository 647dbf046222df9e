"""The generated Corrections page: every correction, grouped by kind, newest first, linking to its spot."""

from __future__ import annotations

import html

from ..backlinks import placeholder
from ..context import BuildContext
from ..datafile import Records
from ..generated import GeneratedPage, Html
from ..pages import CORRECTIONS_ATOM_FEED, CORRECTIONS_JSON_FEED, CORRECTIONS_PAGE, SOURCES_PAGE, front_matter
from ..sources.records import Source
from ..urls import relative_url
from .records import KIND_LABELS, Correction, newest_first

KINDS = ("fact", "update", "translation")  # the order of the groups on the page
KIND_HEADINGS = {"fact": "Corrections of fact", "update": "Updates", "translation": "Translation notes"}


# The page's front matter; MkDocs needs it when the page is listed, the body comes later (see the hook).
FRONT_MATTER = front_matter(
    title="Corrections",
    description=(
        "Every correction this explainer has published, newest first, with a link to the exact spot it corrects."
    ),
)


def corrections_page(corrections: Records[Correction], sources: Records[Source], sources_link: str) -> GeneratedPage:
    """The Corrections page: every correction, grouped by kind, newest first, linking to its spot.

    `sources_link` is the Sources page's address relative to this one.
    """
    source_names = {source.id: source.credit for source in sources}
    page = GeneratedPage()
    page.add(
        "# Corrections\n\n"
        f"{_count_sentence(len(corrections))} A **translation note** decodes a name, term or fact that the "
        "machine-translated copy garbled; a **correction of fact** fixes a mistake this site made; an "
        "**update** adds information that changed what a page says. Each entry links to the marked phrase; "
        "every page also ends with its own corrections.\n\n"
        f"Follow new corrections with the [Atom feed]({CORRECTIONS_ATOM_FEED}) or the "
        f"[JSON Feed]({CORRECTIONS_JSON_FEED}). "
        "Spotted a mistake? Use the *Report an error* link at the foot of any page.\n"
    )
    for kind in KINDS:
        entries = newest_first([c for c in corrections if c.kind == kind])
        if entries:
            page.add(f"## {KIND_HEADINGS[kind]}\n")
            page.add(Html("\n\n".join(log_entry_html(entry, source_names, sources_link) for entry in entries)))
    return page


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
        "</div>"
    )


def for_build(context: BuildContext) -> GeneratedPage:
    """The Corrections page of this build."""
    sources_link = relative_url(context.site.url(SOURCES_PAGE), context.site.url(CORRECTIONS_PAGE))
    return corrections_page(context.corrections.records, context.sources.records, sources_link)
