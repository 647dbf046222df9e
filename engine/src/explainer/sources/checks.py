"""Checks on sources once every page is converted: sources nothing uses, single-source claims marked nowhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import Problem
from .records import SPEC

if TYPE_CHECKING:
    from ..context import BuildContext


def after_pages(context: BuildContext) -> list[Problem]:
    return unused_sources(context) + unmarked_claims(context)


def unused_sources(context: BuildContext) -> list[Problem]:
    """Sources that no page cites, no chart, Timeline entry or glossary entry uses and no data entry relies
    on: the Sources page would list them as used nowhere."""
    sources = context.sources.records
    used = context.backlinks.used_ids("source") | context.cited.get("sources", set())
    return [
        sources.problem(
            (source.index, "id"),
            f"source '{source.id}' is used nowhere (no page, chart, Timeline entry or glossary entry cites it): "
            f"cite it where it is used, or remove it from {SPEC.path}",
        )
        for source in sources
        if source.id not in used
    ]


def unmarked_claims(context: BuildContext) -> list[Problem]:
    """Single-source claims whose mark no page shows: a page or chart that is not in the site, or a chart's
    point that does not cite the claim's source (an anchor missing from its page is reported there)."""
    sources, marked = context.sources.records, context.backlinks.used_ids("one-report")
    problems = []
    for claim in context.sources.claims:
        if claim.key in marked or (claim.page and claim.page in context.site.urls):
            continue  # marked, or on a page of the site: its anchor's problem is reported with the page
        if claim.page:
            message = f"{claim.where}: page '{claim.page}' is not a page of the site; give a page's path inside docs/"
        else:
            message = (
                f"{claim.where}: no chart shows a point of '{claim.figure}' dated {claim.date.iso} citing this source; "
                "give the date of a point that cites it, or show the chart on a page (<!-- chart: ... -->)"
            )
        problems.append(sources.problem((claim.index, "single_source", claim.position), message))
    return problems
