"""Checks on sources that need more than data/sources.yml: sources nobody cites."""

from __future__ import annotations

from ..datafile import Records
from ..errors import Problem
from .records import Source


def uncited_sources(sources: Records[Source], used_ids: set[str]) -> list[Problem]:
    """Sources that no page cites and no data entry relies on (`used_ids`): worth a warning."""
    return [
        sources.problem((source.index, "id"), f"source '{source.id}' is never cited")
        for source in sources
        if source.id not in used_ids and sources.document is not None
    ]
