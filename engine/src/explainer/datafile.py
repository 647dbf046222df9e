"""What every data file has in common: a list of entries, each with a unique id, some with dates.

`DataFileSpec` says how one data file becomes typed records; `Records` holds them, by id,
with the parsed document their messages point into; `State` is what one build knows of them.
The helpers find repeated ids, impossible dates, and group records in one pass.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from .dates import PartialDate, parse_partial_date
from .errors import Problem
from .yamlfile import YamlDocument

if TYPE_CHECKING:
    from .story import Story

Item = TypeVar("Item")
Record = TypeVar("Record")

# Schema-valid document and the story's vocabulary (explainer.story) -> records by id, and problems.
Builder = Callable[[YamlDocument, "Story"], "tuple[dict[str, Any], list[Problem]]"]


@dataclass(frozen=True)
class Reference:
    """An id that a record cites in a data file: it must exist there, and counts as used."""

    path: tuple  # where in the citing file, for the line of a message
    owner: str  # how messages name the citing record: "event 'ipo-halted'"
    target: str  # the concern cited: "sources"
    noun: str  # how messages name what is cited: "source", "glossary id"
    id: str


@dataclass(frozen=True)
class DataFileSpec:
    """How one data file (data/NAME.yml, schemas/NAME.schema.json) becomes typed records."""

    name: str
    # Every problem within the file too (impossible dates, a form two glossary entries claim): an entry
    # with a problem of its own is left out.
    build: Builder
    state: Callable[[Records], Any] = lambda records: State(records)  # what one build knows of them
    # The ids its records cite, in its own file or another's: each must exist there (checked with the file
    # for its own ids, after every file is read for the others').
    references: Callable[[Records], Iterable[Reference]] = lambda records: ()
    # The dates its schema-valid entries give the story's span when data/story.yml sets none (events, figures).
    span_dates: Callable[[YamlDocument], Iterable[PartialDate]] = lambda document: ()

    @property
    def path(self) -> str:
        return f"data/{self.name}.yml"


@dataclass(frozen=True)
class Records(Generic[Record]):
    """One data file's records by id, in the file's order (events: by date), and the document they came from;
    they never change once built, so one `Records` can serve every build while its file is unchanged."""

    by_id: dict[str, Record] = field(default_factory=dict)
    document: YamlDocument | None = None  # None for records passed in from Python (tests, benchmarks)

    def __iter__(self) -> Iterator[Record]:
        return iter(self.by_id.values())

    def __len__(self) -> int:
        return len(self.by_id)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self.by_id

    def get(self, record_id: str) -> Record | None:
        return self.by_id.get(record_id)

    @cached_property
    def left_out(self) -> frozenset[str]:
        """Ids of entries in the file that are not records because of their own problems (already reported)."""
        if self.document is None or not isinstance(self.document.data, list):
            return frozenset()
        written = (entry.get("id") for entry in self.document.data if isinstance(entry, dict))  # ids of any type
        return frozenset(entry_id for entry_id in written if isinstance(entry_id, str)) - self.by_id.keys()

    def left_out_entries(self) -> list[dict]:
        """The entries of the file left out of the records, as written (mappings only)."""
        if not self.left_out and not self.has_unnamed:
            return []
        return [
            entry
            for index, entry in enumerate(self.document.data)
            if isinstance(entry, dict) and (entry.get("id") in self.left_out or index in self.document.unnamed)
        ]

    @cached_property
    def has_unnamed(self) -> bool:
        """True while an entry's id is missing, malformed or repeated (see `knows`)."""
        if self.document is None or not isinstance(self.document.data, list):
            return False
        if self.document.unnamed:
            return True
        ids = [entry.get("id") for entry in self.document.data if isinstance(entry, dict)]
        return len(ids) != len(set(ids))

    def knows(self, record_id: str) -> bool:
        """True if the file has an entry with this id, even one left out for its own problems (that problem is
        the one to fix: references to it are not reported again); and for any id while an entry's id is
        missing, malformed or repeated (any id might be the one it should have)."""
        return record_id in self.by_id or record_id in self.left_out or self.has_unnamed

    def problem(self, path: tuple, message: str) -> Problem:
        """A problem at `path` in the data file (line 1 of it for records passed in from Python)."""
        if self.document is None:
            return Problem("(records passed in)", 1, message)
        return self.document.problem(path, message)


def as_written(entry: dict[str, Any]) -> dict[str, Any]:
    """An entry's fields as its (frozen) record keeps them: lists as tuples."""
    return {key: tuple(value) if isinstance(value, list) else value for key, value in entry.items()}


def ids_in_order(document: YamlDocument) -> tuple[dict[str, int], list[Problem]]:
    """Each entry's id and its index in the file (skipping entries left out); a repeated id is a problem."""
    first_index: dict[str, int] = {}
    problems = []
    for index, entry in enumerate(document.data):
        if index in document.unusable:
            continue
        entry_id = entry["id"]
        if entry_id in first_index:
            first_line = document.line_of((first_index[entry_id], "id"))
            problems.append(
                document.problem((index, "id"), f"duplicate id '{entry_id}' (first used on line {first_line})")
            )
        else:
            first_index[entry_id] = index
    return first_index, problems


def dated_entries(
    document: YamlDocument, key: str, noun: str
) -> tuple[list[tuple[dict, PartialDate, int]], list[Problem]]:
    """Each entry of a schema-valid file once, with the date in its field `key` and its index, in the file's
    order; a repeated id, and a date that is no real date (its entry left out), are problems. `noun` names
    an entry in messages ("source")."""
    first_index, problems = ids_in_order(document)
    found = []
    for entry_id, index in first_index.items():
        try:
            found.append((document.data[index], parse_partial_date(document.data[index][key]), index))
        except ValueError as error:
            problems.append(document.problem((index, key), f"{noun} '{entry_id}': {error}"))
    return found, problems


def entry_dates(document: YamlDocument, key: str, skip: Callable[[dict], bool] = lambda entry: False):
    """The real dates in field `key` of each usable entry (not those `skip` leaves out), for the story's span."""
    for index, entry in enumerate(document.data if isinstance(document.data, list) else ()):
        if index in document.unusable or not isinstance(entry, dict) or skip(entry):
            continue
        try:
            yield parse_partial_date(entry[key])
        except (KeyError, ValueError):
            continue


def group_by(items: Iterable[Item], key: Callable[[Item], Hashable]) -> dict[Any, list[Item]]:
    """`items` in lists by `key`, each list in the items' order (one pass, not a scan per key)."""
    groups: dict[Any, list[Item]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups


@dataclass
class State:
    """What one build knows of a data file's records (a concern's own State adds what it works out once)."""

    records: Records
