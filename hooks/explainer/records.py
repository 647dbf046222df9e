"""What every data file has in common: a list of entries, each with a unique id, some with dates."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from .dates import PartialDate, parse_partial_date
from .errors import Problem
from .yamlfile import YamlDocument

if TYPE_CHECKING:
    from .data import SiteData

Item = TypeVar("Item")

Builder = Callable[[YamlDocument], "tuple[dict[str, Any], list[Problem]]"]
Checker = Callable[["SiteData"], "list[Problem]"]
PageChecker = Callable[["SiteData", "set[str]"], "list[Problem]"]


@dataclass(frozen=True)
class DataFileSpec:
    """How one data file (data/NAME.yml, schemas/NAME.schema.json) becomes typed records."""

    name: str
    build: Builder  # schema-valid document -> records by id, plus problems (e.g. impossible dates)
    check: Checker | None = None  # references to other data files
    check_pages: PageChecker | None = None  # references to pages and sections (known in on_files)


def ids_in_order(document: YamlDocument) -> tuple[dict[str, int], list[Problem]]:
    """Each entry's id and its index in the file; a repeated id is a problem."""
    first_index: dict[str, int] = {}
    problems = []
    for index, entry in enumerate(document.data):
        entry_id = entry["id"]
        if entry_id in first_index:
            first_line = document.line_of((first_index[entry_id], "id"))
            problems.append(
                document.problem((index, "id"), f"duplicate id '{entry_id}' (first used on line {first_line})")
            )
        else:
            first_index[entry_id] = index
    return first_index, problems


def check_ids(
    document: YamlDocument, path: tuple, ids: list[str], known: dict[str, Any], owner: str, what: str
) -> list[Problem]:
    """Problems for each id in `ids` (found at document path `path`) that `known` lacks."""
    return [
        document.problem((*path, position), f"{owner} cites unknown {what} '{item}'")
        for position, item in enumerate(ids)
        if item not in known
    ]


def date_at(document: YamlDocument, index: int, key: str, owner: str, problems: list[Problem]) -> PartialDate | None:
    """The date in field `key` of entry `index`; None, with a problem added, if it is no real date."""
    try:
        return parse_partial_date(document.data[index][key])
    except ValueError as error:
        problems.append(document.problem((index, key), f"{owner}: {error}"))
        return None


def group_by(items: Iterable[Item], key: Callable[[Item], Hashable]) -> dict[Any, list[Item]]:
    """`items` in lists by `key`, each list in the items' order (one pass, not a scan per key)."""
    groups: dict[Any, list[Item]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups
