"""Sources as typed records: data/sources.yml, each entry one story a page can cite."""

from __future__ import annotations

from dataclasses import dataclass

from ..datafile import DataFileSpec, dated_entries
from ..dates import PartialDate
from ..errors import Problem
from ..yamlfile import YamlDocument


@dataclass(frozen=True)
class Stake:
    """A source's relationship to Alibaba, as readers are told it (schemas/sources.schema.json)."""

    disclosure: str  # shown next to every note citing the source; empty for no tie
    independent_of_alibaba: bool


# The keys are the schema's `stake` values (tests/test_sources.py keeps the two in step).
STAKES = {
    "independent": Stake("", True),
    "alibaba": Stake("Alibaba's own statement", False),
    "owned-by-alibaba": Stake("Owned by Alibaba Group", False),
    "alibaba-affiliate": Stake("A company tied to Alibaba, speaking for itself", False),
    # State media speak for the government that regulated Alibaba: a stake in the story, not a tie to Alibaba.
    "chinese-state": Stake("Chinese state-owned media", True),
}


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
    stake: str = "independent"  # a key of STAKES; the schema makes it required in data/sources.yml
    origin: str = ""  # for a republished copy: the agency or outlet whose story it is
    single_source: tuple[str, ...] = ()  # claims no other source was found to support
    index: int = 0  # position in data/sources.yml, for messages

    @property
    def credit(self) -> str:
        """Whose story it is, in one name: the original agency for a republished copy."""
        return self.origin or self.publisher

    @property
    def independent_of_alibaba(self) -> bool:
        return STAKES[self.stake].independent_of_alibaba

    @property
    def disclosure(self) -> str:
        """The source's tie to Alibaba, as one sentence without its full stop ('' for none)."""
        return STAKES[self.stake].disclosure

    @property
    def byline(self) -> str:
        """The authors as a reader says them: 'A', 'A and B', 'A, B and C' ('' for none)."""
        names = self.authors
        if not names:
            return ""
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


_TUPLE_FIELDS = ("authors", "single_source")


def build_sources(document: YamlDocument) -> tuple[dict[str, Source], list[Problem]]:
    """Typed sources by id from a schema-valid data/sources.yml."""
    entries, problems = dated_entries(document, "published", "source")
    return {entry["id"]: _source(entry, published, index) for entry, published, index in entries}, problems


def _source(entry: dict, published: PartialDate, index: int) -> Source:
    fields = {key: value for key, value in entry.items() if key not in (*_TUPLE_FIELDS, "published")}
    tuples = {key: tuple(entry.get(key, ())) for key in _TUPLE_FIELDS}
    return Source(**fields, **tuples, published=published, index=index)


SPEC = DataFileSpec(name="sources", build=build_sources)
