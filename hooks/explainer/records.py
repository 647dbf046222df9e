"""What every data file has in common: a list of entries, each with a unique id."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import Problem
from .yamlfile import YamlDocument

if TYPE_CHECKING:
    from .data import SiteData

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
