"""Checks on the glossary: within data/glossary.yml, against data/sources.yml, and after the build."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

from markdown import Markdown

from ..datafile import Records, check_ids
from ..errors import Problem
from .matching import match_variants
from .records import LINK_SCHEME, GlossaryEntry

# https://, a fragment, a glossary link, or a relative path (no scheme such as javascript: or http:).
_SAFE_LINK = re.compile(r"^(?:https://|#|glossary:|(?![A-Za-z][A-Za-z0-9+.-]*:))")


# Within the file ----------------------------------------------------------------------------------


def within_file(glossary: Records[GlossaryEntry]) -> list[Problem]:
    """Forms two entries claim, links in `long` that lead nowhere safe, related entries that do not exist."""
    problems = forms_claimed_twice(glossary)
    renderer = Markdown()  # one for all entries: creating an instance costs more than a short conversion
    for entry in glossary:
        problems += long_text_problems(glossary, entry, renderer)
        problems += check_ids(glossary, (entry.index, "related"), entry.related, glossary, entry.label, "entry")
        if entry.id in entry.related:
            position = entry.related.index(entry.id)
            problems.append(glossary.problem((entry.index, "related", position), f"{entry.label} lists itself"))
    return problems


def forms_claimed_twice(glossary: Records[GlossaryEntry]) -> list[Problem]:
    """A form (or its capitalized variant) that two entries, or one entry twice, claim."""
    owner: dict[str, tuple[GlossaryEntry, tuple]] = {}
    problems = []
    for entry in glossary:
        for path, form in _form_paths(entry):
            for variant in match_variants(form):
                if variant not in owner:
                    owner[variant] = (entry, path)
                    continue
                first, first_path = owner[variant]
                where = f"line {glossary.document.line_of(first_path)}" if glossary.document else "above"
                whose = "this entry" if first is entry else f"entry '{first.id}'"
                problems.append(
                    glossary.problem(path, f"{entry.label}: '{form}' is already claimed by {whose} ({where})")
                )
                break
    return problems


def _form_paths(entry: GlossaryEntry) -> Iterator[tuple[tuple, str]]:
    yield (entry.index, "term"), entry.term
    for position, alias in enumerate(entry.aliases):
        yield (entry.index, "aliases", position), alias


def long_text_problems(glossary: Records[GlossaryEntry], entry: GlossaryEntry, renderer: Markdown) -> list[Problem]:
    """`long` may link only to https:// addresses, the site's own pages and known entries; no images."""
    collector = _LinkCollector()
    collector.feed(renderer.reset().convert(entry.long))  # reset: no link references from the last entry
    where = (entry.index, "long")
    if collector.images:
        message = "'long' embeds an image; the site loads nothing from other hosts, so describe it in words"
        return [glossary.problem(where, f"{entry.label}: {message}")]
    unsafe = [
        f"'long' links to {href!r}; use https:// or a link within the site"
        for href in collector.hrefs
        if not _SAFE_LINK.match(href)
    ]
    unknown = [
        f"'long' links to unknown glossary entry '{target}'"
        for href in collector.hrefs
        if href.startswith(LINK_SCHEME) and (target := href[len(LINK_SCHEME) :]) not in glossary
    ]
    return [glossary.problem(where, f"{entry.label}: {message}") for message in unsafe + unknown]


class _LinkCollector(HTMLParser):
    """Link targets and images in rendered Markdown."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.images = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images += 1
        elif tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")


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
    problems = []
    for entry in glossary:
        if entry.id not in used_ids:
            message = f"{entry.label} is never mentioned on a story page (add a mention or remove the entry)"
            problems.append(glossary.problem((entry.index, "id"), message))
            continue
        for position, alias in enumerate(entry.aliases):
            if (entry.id, alias) not in matched:
                message = f"{entry.label}: alias '{alias}' never matches the text of a story page"
                problems.append(glossary.problem((entry.index, "aliases", position), message))
    return problems
