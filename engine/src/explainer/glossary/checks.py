"""Checks on the glossary once every page is converted: entries and aliases no story page uses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import Problem
from .records import second_claims

if TYPE_CHECKING:
    from ..context import BuildContext


def unused_entries(context: BuildContext) -> list[Problem]:
    """Entries no story page marks, and aliases that never match story text: worth a warning."""
    glossary = context.glossary.records
    used, matched = context.backlinks.used_ids("glossary"), context.glossary.matched_forms
    claimed_before = {(entry.id, form) for entry, _, form, _, _ in second_claims(glossary)}  # reported already
    problems = []
    for entry in glossary:
        if entry.id not in used:
            message = f"{entry.label} is never mentioned on a story page (add a mention or remove the entry)"
            problems.append(glossary.problem((entry.index, "id"), message).as_warning())
            continue
        for position, alias in enumerate(entry.aliases):
            if (entry.id, alias) not in matched and (entry.id, alias) not in claimed_before:
                message = f"{entry.label}: alias '{alias}' never matches the text of a story page"
                problems.append(glossary.problem((entry.index, "aliases", position), message).as_warning())
    return problems
