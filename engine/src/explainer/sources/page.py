"""The generated Sources page: every source grouped by kind, with where each is cited."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..concern import GeneratedPage

if TYPE_CHECKING:
    from ..context import BuildContext


def variables(context: BuildContext) -> dict[str, Any]:
    """The sources by the story's kinds, in the page's order, and how many are independent (of its subject)."""
    sources = list(context.sources.records)
    kinds = [
        (kind.heading, sorted((s for s in sources if s.kind == key), key=lambda s: (s.published, s.publisher)))
        for key, kind in context.story.source_kinds.items()
    ]
    return {
        "sources": sources,
        "independent": sum(source.independent for source in sources),
        "of_subject": context.story.of_subject,
        "intro": context.story.sources_intro,
        "kinds_intro": context.story.source_kinds_intro,
        "kinds": [(heading, entries) for heading, entries in kinds if entries],
        "claims": context.sources.claims,
    }


PAGE = GeneratedPage(
    "sources.md",
    title="Sources",
    description="Every source this explainer cites, grouped by kind, with links back to the passages that rely on it.",
    variables=variables,
)
