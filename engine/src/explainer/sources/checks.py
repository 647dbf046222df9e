"""Checks on sources once every page is converted: sources nothing cites."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import Problem

if TYPE_CHECKING:
    from ..context import BuildContext


def uncited_sources(context: BuildContext) -> list[Problem]:
    """Sources that no page cites and no data entry relies on: worth a warning."""
    sources = context.sources.records
    used = context.backlinks.used_ids("source") | context.cited.get("sources", set())
    return [
        sources.problem((source.index, "id"), f"source '{source.id}' is never cited").as_warning()
        for source in sources
        if source.id not in used and sources.document is not None
    ]
