"""Charts in pages: a series with the names and links of its sources and events, as one figure.

What a chart needs to know of the other data files (a source's name, an event's date and title)
and where its links lead are decided here, once for every page that shows a chart: a written
page (through figures/extension.py, with links to Markdown files that MkDocs checks) or the
generated Timeline (the series marked `timeline: true`, with finished addresses).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..backlinks import Backlink, BacklinkIndex
from ..datafile import Records
from ..events.page import PAGE as TIMELINE
from ..sources.page import PAGE as SOURCES
from ..sources.records import Source
from ..svg import Span
from .chart_svg import EventRef, Ref, chart_figure, scoped
from .records import Series

if TYPE_CHECKING:
    from ..context import BuildContext

ALIBABA = "Alibaba"  # the name of Alibaba's own releases and filings in a chart

Href = Callable[[str], str]  # an item's id -> the link to its entry (on the Sources page, the Timeline)


def marked_events(series: Series, period: Span | None = None) -> list[str]:
    """The events a chart marks when the page names none: those its points (in `period`) belong to, oldest first."""
    return list(dict.fromkeys(point.event for point in scoped(series, period).points if point.event))


def drawable(series: Series, events: Records) -> bool:
    """Whether every event the series' points belong to is known: one left out for its own problem
    (reported in its data file) leaves the chart undrawn in this build."""
    return all(point.event in events for point in series.points if point.event)


def source_refs(series: Series, sources: Records, href: Href) -> dict[str, Ref]:
    """How the chart names and links each source it cites: by who is speaking ('CNBC', 'Bloomberg', and
    'Alibaba' for its own releases, whoever distributed them)."""
    return {
        source_id: Ref(source_label(sources.get(source_id), source_id), href(source_id)) for source_id in series.sources
    }


def source_label(source: Source | None, source_id: str) -> str:
    if source is None:
        return source_id
    return ALIBABA if source.stake == "alibaba" else source.credit


def event_refs(event_ids: Iterable[str], events: Records, href: Href) -> dict[str, EventRef]:
    """The chart's view of each event it names (the known ones; the page reports the others)."""
    return {
        event_id: EventRef(event.date, event.title, href(event_id))
        for event_id in dict.fromkeys(event_ids)
        if (event := events.get(event_id)) is not None
    }


def chart_markup(
    series: Series,
    markers: Sequence[str],
    sources: Records,
    events: Records,
    source_href: Href,
    event_href: Href,
    period: Span | None = None,
    title: str = "",
) -> str:
    """The whole figure (title, chart, caption, table, marked events) with every link made by the two
    hrefs; over `period` only and titled `title` (else the series' takeaway), if given."""
    event_ids = [*markers, *(point.event for point in scoped(series, period).points if point.event)]
    return chart_figure(
        series,
        source_refs(series, sources, source_href),
        event_refs(event_ids, events, event_href),
        markers,
        period,
        title,
    )


def chart_sources_used(backlinks: BacklinkIndex, series: Series, page_url: str, page_title: str) -> None:
    """List the page showing the chart among the places that use each of its sources ("Cited in")."""
    place = Backlink(page_url, page_title, f"chart-{series.id}", f"chart of {series.title}")
    for source_id in series.sources:
        backlinks.add("source", source_id, place)


# On the Timeline --------------------------------------------------------------------------------


def on_the_timeline(context: BuildContext) -> list[Series]:
    """The series the Timeline shows (`timeline: true`), those whose events are all known."""
    return [
        series for series in context.figures.records if series.timeline and drawable(series, context.events.records)
    ]


def timeline_charts(context: BuildContext) -> list[Markup]:
    """The Timeline's charts: the events of their points marked and linked to their entries on the page."""
    site = context.site
    sources_url = site.link(site.url(SOURCES.src_uri), site.url(TIMELINE.src_uri))
    events = context.events.records
    return [
        Markup(chart_markup(series, marked_events(series), context.sources.records, events,
                            lambda source_id: f"{sources_url}#{source_id}", lambda event_id: f"#{event_id}"))
        for series in on_the_timeline(context)
    ]  # fmt: skip


def sources_on_the_timeline(context: BuildContext) -> None:
    """List the Timeline among the places that use each source of its charts ("Cited in")."""
    for series in on_the_timeline(context):
        chart_sources_used(context.backlinks, series, context.site.url(TIMELINE.src_uri), TIMELINE.title)
