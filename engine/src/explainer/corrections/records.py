"""Corrections as typed records: data/corrections.yml, what was wrong, where, and when it was put right.

Each entry's `kind` is one of the kinds of correction in data/story.yml (explainer.story), which says
how it is worded and whether it is marked in the text: a kind that is needs an anchor, the wrong
wording and sources; a kind that is not may point at a page as a whole (a date it was last checked).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from ..datafile import DataFileSpec, Records, Reference, as_written, dated_entries, group_by
from ..dates import PartialDate
from ..errors import Problem
from ..story import DEFAULT_STORY, CorrectionKind, Story
from ..yamlfile import YamlDocument

_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")


@dataclass(frozen=True)
class Correction:
    id: str
    page: str  # path inside docs/, e.g. "story/the-fall.md"
    anchor: str  # "" for a kind not marked in the text that points at the page as a whole
    issued: PartialDate
    kind: str
    wrong: str  # "" if the entry gives none (a kind not marked in the text)
    correction: str
    sources: tuple[str, ...]
    index: int = 0  # position in data/corrections.yml, for messages
    anchor_line: int = 1  # line of `anchor:` in data/corrections.yml, for anchor problems
    kind_of: CorrectionKind | None = None  # what `kind` means (data/story.yml), set when the file is read

    @property
    def of_kind(self) -> CorrectionKind:
        """The kind's wording and settings (the engine's default for the key, if none was set)."""
        return self.kind_of or DEFAULT_STORY.kind(self.kind)

    @property
    def label(self) -> str:
        """'Correction, 26 November 2026': how the note introduces itself."""
        return f"{self.of_kind.label}, {self.issued.display}"

    @property
    def sentence(self) -> str:
        """What was wrong and the correction, as one plain-text passage: 'An earlier version of this page
        said “…”. …'."""
        return self.of_kind.sentence(_apostrophes(self.wrong), _apostrophes(self.correction))


def _apostrophes(text: str) -> str:
    """Typographic apostrophes, as smartypants gives the page's own text (Tsai's → Tsai’s)."""
    return _APOSTROPHE.sub("’", text)


def build_corrections(
    document: YamlDocument, story: Story = DEFAULT_STORY
) -> tuple[dict[str, Correction], list[Problem]]:
    """Typed corrections by id from a schema-valid data/corrections.yml, each of a kind of the story's; an
    entry of a kind marked in the text without an anchor, the wrong wording or sources is left out."""
    entries, problems = dated_entries(document, "issued", "correction")
    records = {}
    for entry, issued, index in entries:
        kind = story.kind(entry["kind"])
        if kind.inline and (missing := [key for key in ("anchor", "wrong", "sources") if key not in entry]):
            keys = " and ".join(f"{key}:" for key in missing)
            message = (
                f"correction '{entry['id']}': kind '{kind.key}' is marked in the text, so it needs {keys}; "
                f"add {'them' if len(missing) > 1 else 'it'}, or use a kind with inline: false in data/story.yml"
            )
            problems.append(document.problem((index, "kind"), message))
            continue
        written = {"anchor": "", "wrong": "", "sources": ()} | as_written(entry) | {"issued": issued}
        line = document.line_of((index, "anchor"))
        records[entry["id"]] = Correction(**written, index=index, anchor_line=line, kind_of=kind)
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
    """What one build knows of the corrections: by page, and where each ended up on its page."""

    records: Records[Correction]
    # Set as pages are converted: each attached correction's place in its page's reading order (0 for one
    # about the page as a whole), for the lists of corrections.
    places: dict[str, int] = field(default_factory=dict)

    @cached_property
    def by_page(self) -> dict[str, list[Correction]]:
        """Each page's corrections in file order, grouped once per build."""
        return group_by(self.records, lambda correction: correction.page)

    def on_page(self, src_uri: str) -> list[Correction]:
        return list(self.by_page.get(src_uri, ()))


SPEC = DataFileSpec(name="corrections", build=build_corrections, state=CorrectionsState, references=references)
