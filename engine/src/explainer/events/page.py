"""The generated Timeline page: the picture and any charts, then every event by year, with its sources and story."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from ..context import BuildContext, SiteMap
from ..datafile import Records, group_by
from ..dates import PartialDate
from ..figures.page import chart_markup, chart_sources_used, drawable, marked_events
from ..figures.records import Series
from ..generated import GeneratedPage, Html
from ..pages import EVENTS_CSV, EVENTS_JSON, GLOSSARY_PAGE, SOURCES_PAGE, TIMELINE_PAGE, front_matter, section_id
from ..svg import Span, story_span
from ..urls import relative_url
from .records import STORY_RANGE, Event, Figure
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

# The page's front matter; MkDocs needs it when the page is listed, the body comes later (see the hook).
FRONT_MATTER = front_matter(
    title="Timeline",
    description=(
        f"Every dated event of Alibaba's fall and recovery, {STORY_RANGE}, "
        "with its sources and the part of the story that tells it."
    ),
)


def timeline_page(
    events: list[Event], site: SiteMap, glossary: Records, sources: Records, charts: Sequence[Series] = ()
) -> GeneratedPage:
    """The Timeline page: the SVG picture, the `charts` (with the events their points belong to marked),
    then every event grouped by year, linked to sources and story."""
    links = _Links(site, glossary, sources)
    timeline_url = site.url(TIMELINE_PAGE)
    link = _linker(timeline_url)
    order = _section_order(events, site)
    page = GeneratedPage()
    page.add(
        "# Timeline\n\n"
        f"{len(events)} dated events{_span_text(events)}, in the order they happened. "
        "Each links to its sources and to the part of the story that tells it. "
        "Dates are shown only as precisely as the sources give them.\n"
    )
    figures = [
        '<p class="timeline-data">The same data, to reuse: '
        f'<a href="{link(site.url(EVENTS_JSON))}" download>events.json</a> · '
        f'<a href="{link(site.url(EVENTS_CSV))}" download>events.csv</a></p>',
        _overview_figure(events, order, site, _story_span(events, charts)),
        *(_chart_figure(series, events, sources, relative_url(links.sources_url, timeline_url)) for series in charts),
        *(_closeup_figure(events, order, start, end) for start, end in closeup_windows(events)),
    ]
    page.add(Html("\n\n".join(figures)))
    lanes = lane_numbers(order)
    by_year = group_by(events, lambda event: event.date.year)
    for year in sorted(by_year):
        page.add(f"## {year}\n")
        page.add(Html("\n\n".join(_entry_html(event, links, link, lanes) for event in by_year[year])))
    return page


def _story_span(events: list[Event], charts: Sequence[Series]) -> Span | None:
    """The story's span, once: from the first to the last of its events and charted figures."""
    return story_span(
        [*(event.date for event in events), *(point.date for series in charts for point in series.points)]
    )


def _overview_figure(events: list[Event], order: list[str], site: SiteMap, span: Span | None) -> str:
    """The overview picture, drawn twice: at desktop width and at phone width (CSS shows one)."""
    pictures = "".join(
        timeline_svg(events, order, site.section_title, width, span=span) for width in (WIDTH, NARROW_WIDTH)
    )
    return (
        f'<figure class="timeline-figure">\n<div class="timeline-figure__scroll">{pictures}</div>\n'
        f"<figcaption>{html.escape(overview_caption(events, span))}</figcaption>\n</figure>"
    )


def _chart_figure(series: Series, events: list[Event], sources: Records, sources_href: str) -> str:
    """A chart of sourced figures, its marks and marked events linked to the entries on this page."""
    by_id = Records({event.id: event for event in events})
    return chart_markup(
        series,
        marked_events(series),
        sources,
        by_id,
        lambda source_id: f"{sources_href}#{source_id}",
        lambda event_id: f"#{event_id}",
    )


def _closeup_figure(events: list[Event], order: list[str], start: Any, end: Any) -> str:
    last_month = PartialDate(end.year, end.month - 1) if end.month > 1 else PartialDate(end.year - 1, 12)
    span = f"{PartialDate(start.year, start.month).display} to {last_month.display}"
    return (
        f'<figure class="timeline-figure timeline-figure--closeup">\n<div class="timeline-figure__scroll">'
        f"{''.join(closeup_svg(events, order, start, end, width) for width in (WIDTH, NARROW_WIDTH))}</div>\n"
        f"<figcaption>Close-up, {span}: the busiest stretch of the story, one event per row "
        "(pale bars: known only to the month).</figcaption>\n</figure>"
    )


def _span_text(events: list[Event]) -> str:
    return f" from {events[0].date.display} to {events[-1].date.display}" if events else ""


def _linker(from_url: str) -> Any:
    return lambda url: html.escape(relative_url(url, from_url))


def _section_order(events: list[Event], site: SiteMap) -> list[str]:
    """Story sections in reading order (the nav's order of chapters), then any other section in order
    of its first event: the bands follow the story as it is told."""
    sections = set(event.section for event in events)
    chapters = [section_id(chapter.src_uri) for chapter in site.chapters]
    return [section for section in chapters if section in sections] + [
        section for section in dict.fromkeys(event.section for event in events) if section not in chapters
    ]


def _entry_html(event: Event, links: _Links, link: Any, lanes: dict[str, int]) -> str:
    date_note = f'<p class="timeline-entry__date-note">{html.escape(event.date_note)}</p>\n' if event.date_note else ""
    return (
        f'<article class="timeline-entry {lane_class(event.section, lanes)}" id="{event.id}">\n'
        f'<p class="timeline-entry__date"><time datetime="{event.date.iso}">{event.date.display}</time></p>\n'
        f'<h3 class="timeline-entry__title">{html.escape(event.title)}</h3>\n'
        f"{date_note}"
        f'<p class="timeline-entry__summary">{html.escape(event.summary)}</p>\n'
        f"{_figures_html(event.figures)}"
        f"{_involved_html(event, links, link)}"
        f'<p class="timeline-entry__meta">{_section_link(event, links, link)} '
        f'<span class="timeline-entry__sources">Sources: {_source_links(event, links, link)}</span></p>\n'
        "</article>"
    )


def _figures_html(figures: tuple[Figure, ...]) -> str:
    if not figures:
        return ""
    items = "".join(
        f'<li><span class="timeline-entry__figure-label">{html.escape(figure.label)}:</span> '
        f"<strong>{html.escape(figure.display)}</strong></li>"
        for figure in figures
    )
    return f'<ul class="timeline-entry__figures">{items}</ul>\n'


def _involved_html(event: Event, links: _Links, link: Any) -> str:
    if not event.involved:
        return ""
    names = ", ".join(
        f'<a href="{link(f"{links.glossary_url}#{term_id}")}">{html.escape(links.term(term_id))}</a>'
        for term_id in event.involved
    )
    return f'<p class="timeline-entry__involved">Involved: {names}</p>\n'


def _section_link(event: Event, links: _Links, link: Any) -> str:
    title = html.escape(links.site.section_title(event.section))
    href = link(links.site.section_url(event.section))
    return f'<a class="timeline-entry__section" href="{href}">In the story: {title}</a>'


def _source_links(event: Event, links: _Links, link: Any) -> str:
    return ", ".join(
        f'<a href="{link(f"{links.sources_url}#{source_id}")}">'
        f"{html.escape(_source_label(links.sources.get(source_id), source_id))}</a>"
        for source_id in event.sources
    )


def _source_label(source: Any, source_id: str) -> str:
    return f"{source.credit}, {source.published.display}" if source else source_id


class _Links:
    """Where the Timeline's links lead: the site's pages, and the names of glossary entries."""

    def __init__(self, site: SiteMap, glossary: Records, sources: Records):
        self.site, self.glossary, self.sources = site, glossary, sources
        self.glossary_url = site.url(GLOSSARY_PAGE)
        self.sources_url = site.url(SOURCES_PAGE)

    def term(self, entry_id: str) -> str:
        entry = self.glossary.get(entry_id)
        return entry.term if entry else entry_id


def for_build(context: BuildContext) -> GeneratedPage:
    """The Timeline page of this build (the page being converted), with its charts, whose sources it uses."""
    charts = [
        series for series in context.figures.records if series.timeline and drawable(series, context.events.records)
    ]
    generated = timeline_page(
        context.events.in_order, context.site, context.glossary.records, context.sources.records, charts
    )
    if (page := context.page) is not None:
        for series in charts:
            chart_sources_used(context.backlinks, series, page.url, page.title)
    return generated
