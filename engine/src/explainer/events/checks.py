"""Checks on events once the pages are known: each event's section is a story page; and the sources each
Timeline entry uses, for the Sources page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..backlinks import Backlink
from ..datafile import Records
from ..errors import Problem
from .page import PAGE
from .records import Event

if TYPE_CHECKING:
    from ..context import BuildContext


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


def sources_on_the_timeline(context: BuildContext) -> None:
    """List each Timeline entry among the places that use its sources ("Cited in" on the Sources page)."""
    url = context.site.url(PAGE.src_uri)
    for event in context.events.records:
        for source_id in event.sources:
            context.backlinks.add("source", source_id, Backlink(url, PAGE.title, event.id, event.title, by_anchor=True))
