"""Glossary entries as typed records: data/glossary.yml, the people, companies, products and concepts."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..datafile import DataFileSpec, Records, ids_in_order
from ..errors import Problem
from ..yamlfile import YamlDocument
from .matching import TermMatcher

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


def build_glossary(document: YamlDocument) -> tuple[dict[str, GlossaryEntry], list[Problem]]:
    """Typed entries by id from a schema-valid data/glossary.yml."""
    first_index, problems = ids_in_order(document)
    return {entry_id: _entry(document, index) for entry_id, index in first_index.items()}, problems


def _entry(document: YamlDocument, index: int) -> GlossaryEntry:
    fields = document.data[index]
    tuples = {key: tuple(fields.get(key, ())) for key in ("aliases", "sources", "related")}
    plain = {key: value for key, value in fields.items() if key not in tuples}
    rendered = document.rendered.get((index, "long"))
    return GlossaryEntry(**plain, **tuples, index=index, long_html=rendered.html if rendered else "")


SPEC = DataFileSpec(name="glossary", build=build_glossary)


@dataclass
class GlossaryState:
    """What one build knows of the glossary: its entries, and which forms pages have used so far."""

    records: Records[GlossaryEntry]
    matched_forms: set[tuple[str, str]] = field(default_factory=set)  # (entry id, form) seen on marked pages

    @cached_property
    def matcher(self) -> TermMatcher:
        """Every form of every entry in one regex, compiled once per build."""
        return TermMatcher(self.records)
