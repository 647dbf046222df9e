"""The generated Corrections page: every correction, grouped by kind, newest first, linking to its spot."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..concern import GeneratedPage
from ..sources.page import PAGE as SOURCES
from .records import KIND_LABELS, newest_first

if TYPE_CHECKING:
    from ..context import BuildContext

KIND_HEADINGS = {"fact": "Corrections of fact", "update": "Updates", "translation": "Translation notes"}  # page order
ATOM_FEED, JSON_FEED = "corrections.xml", "corrections.json"  # explainer.corrections.feeds


def variables(context: BuildContext) -> dict[str, Any]:
    """The corrections by kind, newest first, with the names and addresses of the sources they cite."""
    corrections, site = list(context.corrections.records), context.site
    sources_url = site.link(site.url(SOURCES.src_uri), site.url("corrections.md"))
    names = {source.id: source.credit for source in context.sources.records}
    kinds = [
        (heading, newest_first([c for c in corrections if c.kind == kind])) for kind, heading in KIND_HEADINGS.items()
    ]
    return {
        "count": len(corrections),
        "kinds": [(heading, entries) for heading, entries in kinds if entries],
        "labels": KIND_LABELS,
        "feeds": {"atom": ATOM_FEED, "json": JSON_FEED},
        "cited": lambda correction: [(f"{sources_url}#{s}", names.get(s, s)) for s in correction.sources],
    }


PAGE = GeneratedPage(
    "corrections.md",
    title="Corrections",
    description=(
        "Every correction this explainer has published, newest first, with a link to the exact spot it corrects."
    ),
    variables=variables,
)
