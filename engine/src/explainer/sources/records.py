"""Sources as typed records: data/sources.yml, each entry one story a page can cite."""

from __future__ import annotations

from dataclasses import dataclass

from ..datafile import DataFileSpec, dated_entries
from ..dates import PartialDate
from ..errors import Problem
from ..story import DEFAULT_STORY, INDEPENDENT, Relationship, Story
from ..yamlfile import YamlDocument


@dataclass(frozen=True)
class Source:
    id: str
    publisher: str
    title: str
    published: PartialDate
    url: str
    kind: str
    used_for: str
    authors: tuple[str, ...] = ()
    notes: str = ""
    stake: str = "independent"  # a relationship of data/story.yml; the schema makes it required in data/sources.yml
    origin: str = ""  # for a republished copy: the agency or outlet whose story it is
    single_source: tuple[str, ...] = ()  # claims no other source was found to support
    index: int = 0  # position in data/sources.yml, for messages
    relationship: Relationship = INDEPENDENT  # what `stake` means (data/story.yml), set when the file is read

    @property
    def credit(self) -> str:
        """Whose story it is, in one name: the original agency for a republished copy."""
        return self.origin or self.publisher

    @property
    def independent(self) -> bool:
        """Whether the source counts as independent of the story's subject (its relationship says)."""
        return self.relationship.independent

    @property
    def disclosure(self) -> str:
        """Who the source speaks for, or its tie to the subject, as one sentence without its full stop ('' for none)."""
        return self.relationship.disclosure

    @property
    def byline(self) -> str:
        """The authors as a reader says them: 'A', 'A and B', 'A, B and C' ('' for none)."""
        names = self.authors
        if not names:
            return ""
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


_TUPLE_FIELDS = ("authors", "single_source")


def build_sources(document: YamlDocument, story: Story = DEFAULT_STORY) -> tuple[dict[str, Source], list[Problem]]:
    """Typed sources by id from a schema-valid data/sources.yml, each `stake` one of the story's relationships."""
    entries, problems = dated_entries(document, "published", "source")
    return {entry["id"]: _source(entry, published, index, story) for entry, published, index in entries}, problems


def _source(entry: dict, published: PartialDate, index: int, story: Story) -> Source:
    fields = {key: value for key, value in entry.items() if key not in (*_TUPLE_FIELDS, "published")}
    tuples = {key: tuple(entry.get(key, ())) for key in _TUPLE_FIELDS}
    relationship = story.relationship(entry["stake"])
    return Source(**fields, **tuples, published=published, index=index, relationship=relationship)


SPEC = DataFileSpec(name="sources", build=build_sources)
