"""Records for tests, each with sound defaults, so a test states only the fields it is about.

`source(id="a")`, `event(date=PartialDate(2023, 3))`, `glossary_entry("ant-group", "Ant Group", "Ant")`,
`correction(anchor="Dan Ives")`, `point(PartialDate(2021), value=615)`, `series(point(...), unit="percent")`;
`by_id(*records)` is what a data file gives the build: the records by id.
"""

from __future__ import annotations

from typing import Any

from conftest import FIXTURE_SITE
from markdown import Markdown

from explainer.corrections.records import Correction
from explainer.data import load_story
from explainer.dates import PartialDate
from explainer.events.records import Event
from explainer.figures.records import Point, Series
from explainer.figures.units import units_of
from explainer.glossary.extension import GlossaryExtension
from explainer.glossary.records import GlossaryEntry
from explainer.sources.records import Source

# The fixture's vocabulary (its data/story.yml): what a record's stake or kind means, as the build reads it.
STORY = load_story(FIXTURE_SITE / "data" / "story.yml")
UNITS = units_of(STORY)


def source(**overrides: Any) -> Source:
    fields = dict(
        id="s",
        publisher="P",
        title="T",
        published=PartialDate(2020, 11, 3),
        url="https://example.com/",
        kind="news",
        used_for="U",
    )
    if "stake" in overrides and "relationship" not in overrides:
        fields["relationship"] = STORY.relationships[overrides["stake"]]
    return Source(**{**fields, **overrides})


def event(**overrides: Any) -> Event:
    fields = dict(id="e", date=PartialDate(2020, 11, 3), title="T", summary="S.", sources=("s",), section="the-fall")
    return Event(**{**fields, **overrides})


def glossary_entry(entry_id: str = "t", term: str = "Term", *aliases: str, **overrides: Any) -> GlossaryEntry:
    fields = dict(id=entry_id, term=term, category="concept", short="Definition.", long="Long.", aliases=aliases)
    return GlossaryEntry(**{**fields, **overrides})


def correction(**overrides: Any) -> Correction:
    fields = dict(
        id="hugging-face",
        page="story/ai-success.md",
        anchor="Hugging Face",
        issued=PartialDate(2026, 11, 26),
        kind="translation",
        wrong="embraced face",
        correction="Hugging Face is a hub for AI models.",
        sources=("wire",),
        anchor_line=12,
    )
    fields = {**fields, **overrides}
    fields.setdefault("kind_of", STORY.kind(fields["kind"]))
    return Correction(**fields)


def point(date: PartialDate, **overrides: Any) -> Point:
    return Point(**{"date": date, "sources": ("wire",), **overrides})


def series(*points: Point, unit: str = "usd-billion", **overrides: Any) -> Series:
    fields = dict(id="any", title="Any", unit=UNITS[unit], description="Any series.", points=points)
    return Series(**{**fields, **overrides})


def by_id(*records: Any) -> dict[str, Any]:
    return {record.id: record for record in records}


def mark_glossary_terms(markdown_text: str, entries: dict[str, GlossaryEntry], **markdown_options: Any) -> str:
    """Markdown converted to HTML with the glossary pass alone, outside MkDocs."""
    extensions = [*markdown_options.pop("extensions", []), GlossaryExtension(entries=entries)]
    return Markdown(extensions=extensions, **markdown_options).convert(markdown_text)
