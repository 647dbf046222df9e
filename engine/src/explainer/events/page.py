"""The generated Timeline page: the picture (and the charts other concerns add), then every event by year."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..concern import GeneratedPage
from ..datafile import group_by
from ..dates import PartialDate
from ..glossary.page import PAGE as GLOSSARY
from ..pages import section_id
from ..sources.page import PAGE as SOURCES
from ..svg import Span, story_span
from .records import Event
from .timeline_svg import (
    NARROW_WIDTH,
    WIDTH,
    closeup_svg,
    closeup_windows,
    lane_class,
    lane_numbers,
    overview_caption,
    timeline_svg,
)

if TYPE_CHECKING:
    from ..context import BuildContext
    from ..story import Story

SRC_URI = "timeline.md"
EVENTS_JSON, EVENTS_CSV = "events.json", "events.csv"  # the same data, to reuse (explainer.events.exports)


def variables(context: BuildContext) -> dict[str, Any]:
    """The Timeline's events by year, its pictures (the overview, close-ups of busy stretches) and links."""
    events, site = context.events.in_order, context.site
    glossary, sources = context.glossary.records, context.sources.records
    here = site.url(SRC_URI)

    def link(src_uri: str, fragment: str = "") -> str:
        return site.link(site.url(src_uri) + (f"#{fragment}" if fragment else ""), here)

    def involved(event: Event) -> list[tuple[str, str]]:
        return [(link(GLOSSARY.src_uri, i), glossary.by_id[i].term if i in glossary else i) for i in event.involved]

    def cited(event: Event) -> list[tuple[str, str]]:
        found = ((i, sources.get(i)) for i in event.sources)
        return [(link(SOURCES.src_uri, i), f"{s.credit}, {s.published.display}" if s else i) for i, s in found]

    order = _section_order(context)
    lanes = lane_numbers(order)
    story = context.story
    span = _story_span(context)
    # Each picture drawn twice, at desktop and at phone width (CSS shows one).
    overview = "".join(
        timeline_svg(events, order, site.section_title, width, span, story.scale, story.headline_events)
        for width in (WIDTH, NARROW_WIDTH)
    )
    return {
        "events": events,
        "data": {"json": link(EVENTS_JSON), "csv": link(EVENTS_CSV)},
        "overview": Markup(overview),
        "overview_caption": overview_caption(events, span, story.scale),
        "closeups": [
            (
                _months(start, end),
                Markup("".join(closeup_svg(events, order, start, end, w) for w in (WIDTH, NARROW_WIDTH))),
            )
            for start, end in closeup_windows(events)
        ],
        "years": sorted(group_by(events, lambda event: event.date.year).items()),
        "lane": lambda event: lane_class(event.section, lanes),
        "section": lambda event: (link(f"story/{event.section}.md"), site.section_title(event.section)),
        "involved": involved,
        "cited": cited,
    }


def _section_order(context: BuildContext) -> list[str]:
    """Story sections in reading order (the nav's order of chapters), then any other section in order
    of its first event: the bands follow the story as it is told."""
    in_events = dict.fromkeys(event.section for event in context.events.in_order)  # in order of first event
    chapters = [section_id(chapter.src_uri) for chapter in context.site.chapters]
    return [s for s in chapters if s in in_events] + [s for s in in_events if s not in chapters]


def _story_span(context: BuildContext) -> Span | None:
    """The story's span, once: data/story.yml's `dates:`, else from the first to the last of its events and of
    the figures the Timeline charts; widened for any of them outside it."""
    charted = (point.date for series in context.figures.records if series.timeline for point in series.points)
    dates = context.story.dates
    configured = (dates.start, dates.end) if dates is not None else None
    return story_span([*(event.date for event in context.events.in_order), *charted], configured)


def _months(start: Any, end: Any) -> str:
    """A close-up's span in whole months: 'October 2020 to March 2021' (`end` is the first day after it)."""
    last = PartialDate(end.year, end.month - 1) if end.month > 1 else PartialDate(end.year - 1, 12)
    return f"{PartialDate(start.year, start.month).display} to {last.display}"


def description(story: Story) -> str:
    """'Every dated event of the story, March 2021 to April 2021, with its sources and ...'."""
    span = f", {story.span.text}" if story.span else ""
    return (
        f"Every dated event of {story.timeline_covers}{span}, with its sources and the part of the story that tells it."
    )


PAGE = GeneratedPage(SRC_URI, title="Timeline", description=description, variables=variables)
