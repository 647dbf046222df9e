"""Corrections as typed records: data/corrections.yml, what was wrong, where, and when it was put right."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from ..datafile import DataFileSpec, Records, Reference, dated_entries, group_by
from ..dates import PartialDate
from ..errors import Problem
from ..yamlfile import YamlDocument

KIND_LABELS = {"fact": "Correction", "update": "Update", "translation": "Translation note"}
WRONG_LEADS = {
    "translation": "The machine-translated copy read",
    "fact": "This page said",
    "update": "This page said",
}
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")


@dataclass(frozen=True)
class Correction:
    id: str
    page: str  # path inside docs/, e.g. "story/the-fall.md"
    anchor: str
    issued: PartialDate
    kind: str
    wrong: str
    correction: str
    sources: tuple[str, ...]
    index: int = 0  # position in data/corrections.yml, for messages
    anchor_line: int = 1  # line of `anchor:` in data/corrections.yml, for anchor problems

    @property
    def label(self) -> str:
        """'Translation note, 26 November 2026': how the note introduces itself."""
        return f"{KIND_LABELS[self.kind]}, {self.issued.display}"

    @property
    def sentence(self) -> str:
        """What was wrong and the correction, as one plain-text passage."""
        return f"{WRONG_LEADS[self.kind]} “{_apostrophes(self.wrong)}”. {_apostrophes(self.correction)}"


def _apostrophes(text: str) -> str:
    """Typographic apostrophes, as smartypants gives the page's own text (Tsai's → Tsai’s)."""
    return _APOSTROPHE.sub("’", text)


def build_corrections(document: YamlDocument) -> tuple[dict[str, Correction], list[Problem]]:
    """Typed corrections by id from a schema-valid data/corrections.yml."""
    entries, problems = dated_entries(document, "issued", "correction")
    records = {
        entry["id"]: Correction(
            **{key: value for key, value in entry.items() if key not in ("issued", "sources")},
            issued=issued,
            sources=tuple(entry["sources"]),
            index=index,
            anchor_line=document.line_of((index, "anchor")),
        )
        for entry, issued, index in entries
    }
    return records, problems


def references(corrections: Records[Correction]) -> Iterator[Reference]:
    """The sources each correction cites."""
    for correction in corrections:
        for position, item in enumerate(correction.sources):
            owner = f"correction '{correction.id}'"
            yield Reference((correction.index, "sources", position), owner, "sources", "source", item)


def newest_first(corrections: list[Correction]) -> list[Correction]:
    """Newest issue date first; on the same day, in the order the data file lists them."""
    return sorted(sorted(corrections, key=lambda c: c.index), key=lambda c: c.issued, reverse=True)


@dataclass
class CorrectionsState:
    """What one build knows of the corrections."""

    records: Records[Correction]

    @cached_property
    def by_page(self) -> dict[str, list[Correction]]:
        """Each page's corrections in file order, grouped once per build."""
        return group_by(self.records, lambda correction: correction.page)

    def on_page(self, src_uri: str) -> list[Correction]:
        return list(self.by_page.get(src_uri, ()))


SPEC = DataFileSpec(name="corrections", build=build_corrections, state=CorrectionsState, references=references)
