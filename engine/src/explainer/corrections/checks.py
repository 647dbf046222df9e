"""Checks on corrections that need the pages: the corrected page exists, each anchor occurs once in it."""

from __future__ import annotations

from ..datafile import Records
from ..errors import Problem
from ..sources.annotations import anchor_message
from .records import SPEC, Correction


def unknown_pages(corrections: Records[Correction], story_sections: set[str], written_pages: set[str]) -> list[Problem]:
    """Every corrected page must be a Markdown page of docs/ (not a generated one)."""
    return [
        corrections.problem(
            (correction.index, "page"), f"correction '{correction.id}' is on unknown page '{correction.page}'"
        )
        for correction in corrections
        if correction.page not in written_pages
    ]


def anchor_problem(correction: Correction, count: int, page_label: str) -> Problem:
    """The one line that stops the build when an anchor is missing, repeated, or (found once) overlaps an anchor
    marked before it on the same page."""
    where = f"correction '{correction.id}' anchor \"{correction.anchor}\""
    words = ("a heading, link or code", "another correction's anchor", "choose phrases that do not share words")
    return Problem(SPEC.path, correction.anchor_line, anchor_message(where, count, page_label, words))
