"""Sources as typed records: data/sources.yml, each entry one story a page can cite."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property

from ..datafile import DataFileSpec, Records, Reference, as_written, dated_entries
from ..dates import PartialDate, parse_partial_date
from ..errors import Problem
from ..story import DEFAULT_STORY, INDEPENDENT, Relationship, Story
from ..yamlfile import YamlDocument


@dataclass(frozen=True)
class Claim:
    """A claim only one report makes (a source's `single_source`), and where readers meet it: after a phrase
    of a page (`page`, `anchor`) or on a point of a chart (`figure`, `date`)."""

    source_id: str
    number: int  # its place in the source's list, from 1: with the source's id, its mark's id
    claim: str
    page: str = ""  # path inside docs/, e.g. "story/the-fall.md"
    anchor: str = ""
    figure: str = ""  # a series of data/figures.yml
    date: PartialDate | None = None  # the point's date in that series
    line: int = 1  # line of its anchor (or figure) in data/sources.yml, for messages
    index: int = 0  # (its source's position in data/sources.yml, its place in the list), for messages
    position: int = 0

    @property
    def key(self) -> str:
        """How backlinks and the Sources page name it: 'source-id/2'."""
        return f"{self.source_id}/{self.number}"

    @property
    def mark_id(self) -> str:
        """The id of its mark in the page (or on the chart's row): what the Sources page links to."""
        return f"one-report-{self.source_id}-{self.number}"

    @property
    def where(self) -> str:
        """How messages name it."""
        return f"source '{self.source_id}': single-source claim {self.number}"


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
    title_language: str = ""  # a BCP 47 tag, when the title is not in the site's language
    notes: str = ""
    stake: str = "independent"  # a relationship of data/story.yml; the schema makes it required in data/sources.yml
    origin: str = ""  # for a republished copy: the agency or outlet whose story it is
    single_source: tuple[Claim, ...] = ()  # claims no other report was found to make, and where each is
    base_report: bool = False  # the report the story retells
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
    def voice(self) -> str:
        """Whose voice it is: the speaker its relationship names (a company's own statements, however
        published: `credit` in data/story.yml), else its credit. Two sources of one voice are one origin."""
        return self.relationship.credit or self.credit

    @property
    def disclosure(self) -> str:
        """Who the source speaks for, or its tie to the subject, as one sentence without its full stop ('' for none)."""
        return self.relationship.disclosure

    @property
    def byline(self) -> str:
        """The authors as a reader says them: 'A', 'A and B', 'A, B and C' ('' for none)."""
        *others, last = self.authors or ("",)
        return f"{', '.join(others)} and {last}" if others else last


def build_sources(document: YamlDocument, story: Story = DEFAULT_STORY) -> tuple[dict[str, Source], list[Problem]]:
    """Typed sources by id from a schema-valid data/sources.yml, each `stake` one of the story's relationships;
    within the file, at most one base report and each single-source claim with one place (a page's phrase, or a
    chart's point)."""
    entries, problems = dated_entries(document, "published", "source")
    sources = {}
    base: Source | None = None
    for entry, published, index in entries:
        claims = tuple(_claims(document, entry, index, problems))
        derived = {"single_source": claims, "published": published, "relationship": story.relationship(entry["stake"])}
        source = Source(**as_written(entry) | derived, index=index)
        if source.base_report and base is not None:
            message = (
                f"source '{source.id}': base_report is already set on source '{base.id}' "
                f"(line {document.line_of((base.index, 'base_report'))}); a story retells one report: keep one"
            )
            problems.append(document.problem((index, "base_report"), message))
            source = replace(source, base_report=False)
        base = base or (source if source.base_report else None)
        sources[source.id] = source
    return sources, problems


def _claims(document: YamlDocument, entry: dict, index: int, problems: list[Problem]) -> Iterator[Claim]:
    """The source's single-source claims; each without one place is a problem, and left out."""
    for position, written in enumerate(entry.get("single_source", ())):
        path = (index, "single_source", position)
        claim = Claim(entry["id"], position + 1, written["claim"], index=index, position=position)
        at_page, at_point = ("page" in written, "anchor" in written), ("figure" in written, "date" in written)
        where = claim.where
        if any(at_page) and any(at_point):
            problems.append(document.problem(path, f"{where} is either on a page (page:, anchor:) or on a chart's "
                                                   "point (figure:, date:), not both: keep one"))  # fmt: skip
        elif all(at_page):
            line = document.line_of((*path, "anchor"))
            yield replace(claim, page=written["page"], anchor=written["anchor"], line=line)
        elif all(at_point):
            try:
                date = parse_partial_date(written["date"])
            except ValueError as error:
                problems.append(document.problem((*path, "date"), f"{where}: {error}"))
                continue
            yield replace(claim, figure=written["figure"], date=date, line=document.line_of((*path, "figure")))
        else:
            missing = "anchor" if at_page[0] else "page" if at_page[1] else "date" if at_point[0] else "figure"
            if not any(at_page) and not any(at_point):
                message = f"{where} says where readers meet it: add page: and anchor: (or figure: and date:)"
            else:
                message = f"{where} needs {missing}: too (page: and anchor:, or figure: and date:)"
            problems.append(document.problem(path, message))


def references(sources: Records[Source]) -> Iterator[Reference]:
    """The chart series single-source claims name."""
    for source in sources:
        for claim in source.single_source:
            if claim.figure:
                path = (source.index, "single_source", claim.position, "figure")
                yield Reference(path, f"source '{source.id}'", "figures", "figure series", claim.figure)


@dataclass
class SourcesState:
    """What one build knows of the sources: the records, the base report, the single-source claims by place."""

    records: Records[Source]

    @cached_property
    def base_report(self) -> Source | None:
        """The report the story retells (`base_report: true`), if any."""
        return next((source for source in self.records if source.base_report), None)

    @cached_property
    def claims(self) -> list[Claim]:
        return [claim for source in self.records for claim in source.single_source]

    @cached_property
    def _by_place(self) -> dict[tuple[str, str], list[Claim]]:
        """The claims at each page and chart, in one pass (every page and chart asks: not a scan each); a
        hand-built claim with both a page and a figure is at both."""
        places: dict[tuple[str, str], list[Claim]] = {}
        for claim in self.claims:
            for place in (("page", claim.page), ("figure", claim.figure)):
                places.setdefault(place, []).append(claim)
        return places

    def claims_on_page(self, src_uri: str) -> list[Claim]:
        return list(self._by_place.get(("page", src_uri), ()))

    def claims_on_figure(self, series_id: str) -> list[Claim]:
        return list(self._by_place.get(("figure", series_id), ()))


SPEC = DataFileSpec(name="sources", build=build_sources, state=SourcesState, references=references)
