"""Checks on the glossary: within data/glossary.yml, against data/sources.yml, and after the build."""

from __future__ import annotations

from collections.abc import Iterator

from ..datafile import Records, check_ids
from ..errors import Problem
from .matching import match_variants
from .records import LINK_SCHEME, GlossaryEntry

# Within the file ----------------------------------------------------------------------------------


def within_file(glossary: Records[GlossaryEntry]) -> list[Problem]:
    """Forms two entries claim, links in `long` to entries that do not exist, related entries that do not exist.

    (Everything else about `long` was checked when the data layer rendered it: explainer.markup.)
    """
    problems = forms_claimed_twice(glossary)
    for entry in glossary:
        problems += unknown_entries_in_long(glossary, entry)
        problems += check_ids(glossary, (entry.index, "related"), entry.related, glossary, entry.label, "entry")
        if entry.id in entry.related:
            position = entry.related.index(entry.id)
            problems.append(glossary.problem((entry.index, "related", position), f"{entry.label} lists itself"))
    return problems


def forms_claimed_twice(glossary: Records[GlossaryEntry]) -> list[Problem]:
    """A form (or its capitalized variant) that two entries, or one entry twice, claim."""
    problems = []
    for entry, path, form, first, first_path in _second_claims(glossary):
        where = f"line {glossary.document.line_of(first_path)}" if glossary.document else "above"
        whose = "this entry" if first is entry else f"entry '{first.id}'"
        problems.append(glossary.problem(path, f"{entry.label}: '{form}' is already claimed by {whose} ({where})"))
    return problems


def _second_claims(
    glossary: Records[GlossaryEntry],
) -> Iterator[tuple[GlossaryEntry, tuple, str, GlossaryEntry, tuple]]:
    """Each form claimed after another entry (or the same one) claimed it: (entry, path, form, first, first path)."""
    owner: dict[str, tuple[GlossaryEntry, tuple]] = {}
    for entry in glossary:
        for path, form in _form_paths(entry):
            for variant in match_variants(form):
                if variant not in owner:
                    owner[variant] = (entry, path)
                    continue
                yield entry, path, form, *owner[variant]
                break


def _form_paths(entry: GlossaryEntry) -> Iterator[tuple[tuple, str]]:
    yield (entry.index, "term"), entry.term
    for position, alias in enumerate(entry.aliases):
        yield (entry.index, "aliases", position), alias


def unknown_entries_in_long(glossary: Records[GlossaryEntry], entry: GlossaryEntry) -> list[Problem]:
    """`long` may link to other entries (`[x](glossary:id)`) only if they exist."""
    rendered = glossary.document.rendered.get((entry.index, "long")) if glossary.document else None
    return [
        glossary.problem(
            (entry.index, "long"), f"{entry.label}: 'long' links to unknown glossary entry '{href[len(LINK_SCHEME) :]}'"
        )
        for href in (rendered.links if rendered else ())
        if href.startswith(LINK_SCHEME) and not glossary.knows(href[len(LINK_SCHEME) :])
    ]


# Against other files ------------------------------------------------------------------------------


def unknown_sources(glossary: Records[GlossaryEntry], sources: Records) -> list[Problem]:
    """Sources an entry cites must exist in data/sources.yml."""
    return [
        problem
        for entry in glossary
        for problem in check_ids(glossary, (entry.index, "sources"), entry.sources, sources, entry.label, "source")
    ]


# After the build ----------------------------------------------------------------------------------


def unused_entries(
    glossary: Records[GlossaryEntry], used_ids: set[str], matched: set[tuple[str, str]]
) -> list[Problem]:
    """Entries no story page marks, and aliases that never match story text: worth a warning."""
    if glossary.document is None:
        return []
    claimed_before = {(entry.id, form) for entry, _, form, _, _ in _second_claims(glossary)}  # reported already
    problems = []
    for entry in glossary:
        if entry.id not in used_ids:
            message = f"{entry.label} is never mentioned on a story page (add a mention or remove the entry)"
            problems.append(glossary.problem((entry.index, "id"), message))
            continue
        for position, alias in enumerate(entry.aliases):
            if (entry.id, alias) not in matched and (entry.id, alias) not in claimed_before:
                message = f"{entry.label}: alias '{alias}' never matches the text of a story page"
                problems.append(glossary.problem((entry.index, "aliases", position), message))
    return problems
