"""Checks on events once the pages are known: each event's section is a story page."""

from __future__ import annotations

from ..datafile import Records
from ..errors import Problem
from .records import Event


def unknown_sections(events: Records[Event], story_sections: set[str], written_pages: set[str]) -> list[Problem]:
    """Each event's section must be a story page (docs/story/<section>.md)."""
    known = ", ".join(sorted(story_sections)) or "none"
    return [
        events.problem(
            (event.index, "section"),
            f"event '{event.id}' names unknown section '{event.section}' (story pages: {known})",
        )
        for event in events
        if event.section not in story_sections
    ]
