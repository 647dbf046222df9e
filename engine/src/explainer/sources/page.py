"""The generated Sources page: every source grouped by kind, with where each is cited."""

from __future__ import annotations

import html

from ..backlinks import placeholder
from ..context import BuildContext
from ..datafile import Records
from ..generated import GeneratedPage, Html
from ..pages import front_matter
from .records import Source

KIND_HEADINGS = {  # in the order of the page
    "primary": "Primary sources",
    "news": "News reports",
    "analysis": "Analysis and commentary",
    "reference": "Reference",
}


# The page's front matter; MkDocs needs it when the page is listed, the body comes later (see the hook).
FRONT_MATTER = front_matter(
    title="Sources",
    description="Every source this explainer cites, grouped by kind, with links back to the passages that rely on it.",
)


def sources_page(sources: Records[Source]) -> GeneratedPage:
    """The Sources page: every source grouped by kind, with placeholders for 'cited in' links."""
    page = GeneratedPage()
    page.add(
        "# Sources\n\n"
        f"The explainer relies on {len(sources)} sources. Primary sources (company announcements, "
        "filings and regulators) come first; news reports and analysis fill in what they do not say. "
        "Each entry links back to every page that cites it.\n\n"
        f"{_independent_count(sources)} independent of Alibaba. An entry that speaks for Alibaba, for an "
        "outlet or company tied to it, or for the Chinese state says so, here and next to every note that "
        "cites it; a story republished by another site is one entry, credited to the agency or outlet that "
        "wrote it.\n"
    )
    for kind, heading in KIND_HEADINGS.items():
        entries = sorted((s for s in sources if s.kind == kind), key=lambda s: (s.published, s.publisher))
        if entries:
            page.add(f"## {heading}\n")
            page.add(Html("\n\n".join(_source_entry_html(source) for source in entries)))
    return page


def _independent_count(sources: Records[Source]) -> str:
    independent = sum(source.independent_of_alibaba for source in sources)
    return f"{independent} of the {len(sources)} {'is' if independent == 1 else 'are'}"


def _source_entry_html(source: Source) -> str:
    byline = f'<p class="source-entry__byline">By {html.escape(source.byline)}</p>' if source.authors else ""
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
        "</div>"
    )


def _disclosure_html(source: Source) -> str:
    """The Sources page's line on who is speaking: a republished copy's origin, any tie to Alibaba."""
    parts = []
    if source.origin:
        parts.append(f"{html.escape(source.origin)} story, republished by {html.escape(source.publisher)}.")
    if source.disclosure:
        stake_class = f"source-disclosure source-disclosure--{source.stake}"
        parts.append(f'<span class="{stake_class}">{html.escape(source.disclosure)}.</span>')
    return f'<p class="source-entry__disclosure">{" ".join(parts)}</p>\n' if parts else ""


def for_build(context: BuildContext) -> GeneratedPage:
    """The Sources page of this build."""
    return sources_page(context.sources.records)
