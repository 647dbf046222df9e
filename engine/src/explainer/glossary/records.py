"""Glossary entries as typed records: data/glossary.yml, the people, companies, products and concepts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from ..claims import FIGURE_OR_DATE
from ..datafile import DataFileSpec, Records, Reference, as_written, ids_in_order
from ..errors import Problem
from ..story import DEFAULT_STORY, Story
from ..yamlfile import YamlDocument
from .matching import TermMatcher, match_variants

LINK_SCHEME = "glossary:"  # `[words](glossary:id)` names an entry, in pages and in `long`


@dataclass(frozen=True)
class GlossaryEntry:
    id: str
    term: str
    category: str
    short: str
    long: str
    aliases: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    mark: bool = True  # false: a household name, never underlined in the story (its entry stays on the page)
    index: int = 0  # position in data/glossary.yml, for messages
    long_html: str = ""  # `long` rendered and checked by the data layer (explainer.markup): what the page shows

    @property
    def forms(self) -> tuple[str, ...]:
        """Every way the story may name this entry, as written in the data file."""
        return (self.term, *self.aliases)

    @property
    def label(self) -> str:
        """How messages name the entry."""
        return f"glossary entry '{self.id}'"


def build_glossary(
    document: YamlDocument, story: Story = DEFAULT_STORY
) -> tuple[dict[str, GlossaryEntry], list[Problem]]:
    """Typed entries by id from a schema-valid data/glossary.yml, with the problems within the file: forms two
    entries claim, links in `long` to entries that do not exist (the rest of `long` was checked when the data
    layer rendered it: explainer.markup), an entry related to itself."""
    first_index, problems = ids_in_order(document)
    glossary = Records({entry_id: _entry(document, index) for entry_id, index in first_index.items()}, document)
    problems += forms_claimed_twice(glossary)
    for entry in glossary:
        problems += unknown_entries_in_long(glossary, entry)
        if entry.id in entry.related:
            position = entry.related.index(entry.id)
            problems.append(glossary.problem((entry.index, "related", position), f"{entry.label} lists itself"))
    return glossary.by_id, problems


def _entry(document: YamlDocument, index: int) -> GlossaryEntry:
    rendered = document.rendered.get((index, "long"))
    return GlossaryEntry(**as_written(document.data[index]), index=index, long_html=rendered.html if rendered else "")


def forms_claimed_twice(glossary: Records[GlossaryEntry]) -> list[Problem]:
    """A form (or its capitalized variant) that two entries, or one entry twice, claim."""
    problems = []
    for entry, path, form, first, first_path in second_claims(glossary):
        where = f"line {glossary.document.line_of(first_path)}" if glossary.document else "above"
        whose = "this entry" if first is entry else f"entry '{first.id}'"
        problems.append(glossary.problem(path, f"{entry.label}: '{form}' is already claimed by {whose} ({where})"))
    return problems


def second_claims(glossary: Records[GlossaryEntry]) -> Iterator[tuple[GlossaryEntry, tuple, str, GlossaryEntry, tuple]]:
    """Each form claimed after another entry (or the same one) claimed it: (entry, path, form, first, first path)."""
    owner: dict[str, tuple[GlossaryEntry, tuple]] = {}
    for entry in glossary:
        aliases = (((entry.index, "aliases", position), alias) for position, alias in enumerate(entry.aliases))
        for path, form in (((entry.index, "term"), entry.term), *aliases):
            for variant in match_variants(form):
                if variant not in owner:
                    owner[variant] = (entry, path)
                    continue
                yield entry, path, form, *owner[variant]
                break


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


def references(glossary: Records[GlossaryEntry]) -> Iterator[Reference]:
    """The sources each entry cites, and the entries it relates to."""
    for entry in glossary:
        for target, key, noun in (("sources", "sources", "source"), ("glossary", "related", "entry")):
            for position, item in enumerate(getattr(entry, key)):
                yield Reference((entry.index, key, position), entry.label, target, noun, item)


@dataclass
class GlossaryState:
    """What one build knows of the glossary: its entries, and which forms pages have used so far."""

    records: Records[GlossaryEntry]
    matched_forms: set[tuple[str, str]] = field(default_factory=set)  # (entry id, form) seen on marked pages

    @cached_property
    def matcher(self) -> TermMatcher:
        """Every form of every entry in one regex, compiled once per build."""
        return TermMatcher(self.records)

    @cached_property
    def forms_with_digits(self) -> tuple[str, ...]:
        """The forms that hold a digit ('Qwen 2.5-Max'), longest first, found once per build: names, not figures,
        for the origin rule (explainer.claims) on every story page."""
        forms = {form for entry in self.records for form in entry.forms}
        return tuple(sorted((form for form in forms if FIGURE_OR_DATE.search(form)), key=len, reverse=True))


SPEC = DataFileSpec(name="glossary", build=build_glossary, state=GlossaryState, references=references)
