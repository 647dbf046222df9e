"""Charts in pages: a series with the names and links of its sources and events, as one figure.

What a chart needs to know of the other data files (a source's name, an event's date and title)
and where its links lead are decided here, once for every page that shows a chart: a written
page (through figures/extension.py, with links to Markdown files that MkDocs checks) or the
generated Timeline (the series marked `timeline: true`, with finished addresses).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from markdown.serializers import to_html_string
from markupsafe import Markup

from ..backlinks import Backlink, BacklinkIndex
from ..datafile import Records
from ..events.page import PAGE as TIMELINE
from ..sources.annotations import one_report_mark
from ..sources.page import PAGE as SOURCES
from ..sources.records import Claim
from ..svg import Span
from .chart_svg import EventRef, Ref, chart_figure, scoped
from .records import Series

if TYPE_CHECKING:
    from ..context import BuildContext

Href = Callable[[str], str]  # an item's id -> the link to its entry (on the Sources page, the Timeline)


def marked_events(series: Series, period: Span | None = None) -> list[str]:
    """The events a chart marks when the page names none: those its points (in `period`) belong to, oldest first."""
    return list(dict.fromkeys(point.event for point in scoped(series, period).points if point.event))


def drawable(series: Series, events: Records) -> bool:
    """Whether every event the series' points belong to is known: one left out for its own problem
    (reported in its data file) leaves the chart undrawn in this build."""
    return all(point.event in events for point in series.points if point.event)


def chart_markup(
    series: Series,
    markers: Sequence[str],
    sources: Records,
    events: Records,
    source_href: Href,
    event_href: Href,
    period: Span | None = None,
    title: str = "",
    claims: Sequence[Claim] = (),
) -> str:
    """The whole figure (title, chart, caption, table, marked events) with every link made by the two
    hrefs; over `period` only and titled `title` (else the series' takeaway), if given; and the
    single-source mark of each of `claims` on its point's row, for the points shown."""
    shown = scoped(series, period)
    # Each source named by who is speaking ('CNBC', 'Bloomberg', and the relationship's `credit` (data/story.yml)
    # for such sources, the subject's own releases whoever distributed them).
    refs = {
        source_id: Ref(sources.get(source_id).voice if source_id in sources else source_id, source_href(source_id))
        for source_id in series.sources
    }
    # Each event the chart names, the known ones (the page reports the others).
    event_ids = dict.fromkeys([*markers, *(point.event for point in shown.points if point.event)])
    known = {
        event_id: EventRef(event.date, event.title, event_href(event_id))
        for event_id in event_ids
        if (event := events.get(event_id)) is not None
    }
    markup = chart_figure(series, refs, known, markers, period, title)
    points = {point.date.iso: point for point in shown.points}
    for claim in claims_on_points(shown, claims):
        # The mark (finished HTML) at the end of the value cell of its point's row: the first after the row's id.
        start = markup.find(f' id="{shown.anchor(points[claim.date.iso])}"')
        end = markup.find("</td>", start) if start >= 0 else -1
        if end >= 0:
            mark = to_html_string(one_report_mark(claim, sources.by_id[claim.source_id], source_href(claim.source_id)))
            markup = markup[:end] + mark + markup[end:]
    return markup


def claims_on_points(series: Series, claims: Iterable[Claim]) -> list[Claim]:
    """The single-source claims made on a point of the series that the point cites (the others are reported)."""
    cited = {point.date.iso: point.sources for point in series.points}
    return [claim for claim in claims if claim.source_id in cited.get(claim.date.iso if claim.date else "", ())]


def chart_sources_used(
    backlinks: BacklinkIndex,
    series: Series,
    page_url: str,
    page_title: str,
    claims: Sequence[Claim] = (),
    period: Span | None = None,
) -> None:
    """List the page showing the chart among the places that use each of its sources ("Cited in"), and among
    the places that mark each of `claims` on its rows (those of the points shown over `period`)."""
    name = f"chart of {series.title}"
    place = Backlink(page_url, page_title, f"chart-{series.id}", name)
    for source_id in series.sources:
        backlinks.add("source", source_id, place)
    for claim in claims_on_points(scoped(series, period), claims):
        backlinks.add("one-report", claim.key, Backlink(page_url, page_title, claim.mark_id, name))


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
                            lambda source_id: f"{sources_url}#{source_id}", lambda event_id: f"#{event_id}",
                            claims=context.sources.claims_on_figure(series.id)))
        for series in on_the_timeline(context)
    ]  # fmt: skip


def sources_on_the_timeline(context: BuildContext) -> None:
    """List the Timeline among the places that use each source of its charts ("Cited in") and mark each
    single-source claim on their points."""
    for series in on_the_timeline(context):
        claims = context.sources.claims_on_figure(series.id)
        chart_sources_used(context.backlinks, series, context.site.url(TIMELINE.src_uri), TIMELINE.title, claims)
