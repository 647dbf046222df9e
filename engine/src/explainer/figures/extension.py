"""The figures extension: `<!-- chart: SERIES -->` in a page becomes the series' chart and its table.

Authors put the marker on a line of its own where the text needs the chart, optionally naming
the events to mark under its time axis (by default, the events its points belong to), the period
to show (the points and events inside it), and the chart's own takeaway title (by default, the
series' `takeaway`):

    <!-- chart: company-value -->
    <!-- chart: company-value events: listing-halted, record-fine -->
    <!-- chart: company-value from: 2020-10 to: 2021-12 title: "A year after its peak, ..." -->

The preprocessor finds the markers where Python-Markdown took them for HTML (never in code) and
reports a misspelt marker or field, an unknown series or event, a period with no point or an
event outside it, and a series shown twice on one page.
The treeprocessor puts each chart there as elements: the SVG, its caption, the table with a row
per point and the events it marks. Every link to another page points at its Markdown file
(sources.md#id, timeline.md#id), which MkDocs turns into the page's address and checks; the
links inside the SVG then become `xlink:href` (see `_SvgLinks`). The page's sources list it as a
place that uses them.

Usable on its own (see explainer.extensions): `FiguresExtension(figures={...}, sources={...}, events={...})`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from typing import ClassVar

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from ..codeblocks import without_code
from ..dates import parse_partial_date
from ..elements import element
from ..events.page import PAGE as TIMELINE
from ..events.records import SPEC as EVENTS_SPEC
from ..extensions import ContextProcessor, ExplainerExtension
from ..markers import find_markers, put_at_markers
from ..sources.page import PAGE as SOURCES
from ..sources.records import SPEC as SOURCES_SPEC
from ..svg import Span, date_span, span_of
from .charts import chart_markup, chart_sources_used, drawable, marked_events
from .records import SPEC, Series

MARKER_FORMS = (
    "<!-- chart: SERIES-ID --> or <!-- chart: SERIES-ID events: EVENT-ID, EVENT-ID"
    ' from: YYYY-MM to: YYYY-MM title: "..." --> (each field optional)'
)
FIELDS = ("events", "from", "to", "title")
TITLE_LENGTH = 110  # as a series' takeaway (schemas/figures.schema.json)

_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_MARKER = re.compile(rf"^<!--\s*chart:\s*(?P<series>{_ID})(?P<fields>\s.*?)?\s*-->$", re.DOTALL)
# One field: a name, a colon, and a quoted text or a comma-separated list of plain words.
_FIELD = re.compile(r'\s*(?P<name>[a-z]+):\s*(?P<value>"[^"]*"|[^\s",]+(?:\s*,\s*[^\s",]+)*)\s*')
# Any HTML comment that looks like it means a chart marker, so a typo is reported, not ignored.
_MARKER_LIKE = re.compile(r"^<!--\s*charts?\b.*-->$", re.IGNORECASE | re.DOTALL)

_SVG = "{http://www.w3.org/2000/svg}"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


class FiguresExtension(ExplainerExtension):
    """Replaces each chart marker with the series' chart, table and marked events."""

    data: ClassVar = {"figures": SPEC, "sources": SOURCES_SPEC, "events": EVENTS_SPEC}

    def extendMarkdown(self, md: Markdown) -> None:
        markers = _ChartMarkers(md, self.context)
        # After raw HTML blocks are stashed (20): a marker counts only where Python-Markdown took the
        # comment for HTML, never inside code (fenced or indented), which it leaves as text.
        md.preprocessors.register(markers, "explainer-chart-markers", 18)
        charts = _Charts(md, self.context, markers)
        # After inline parsing (20) and corrections (17), which have no business inside a chart; before
        # MkDocs collects ids (5) and rewrites and checks links to .md files (0).
        md.treeprocessors.register(charts, "explainer-charts", 16)
        # After MkDocs rewrote them (0): the links inside each SVG become xlink:href.
        md.treeprocessors.register(_SvgLinks(md, self.context, charts), "explainer-chart-svg-links", -1)


makeExtension = FiguresExtension  # Python-Markdown's entry point for the extension by name


@dataclass(frozen=True)
class ChartMarker:
    """One chart asked for by a page: the series, the events to mark, the period and title if the
    page gives them, and where its marker is."""

    series: Series
    events: tuple[str, ...]
    placeholder: str  # the text of the paragraph Python-Markdown leaves where the marker was
    period: Span | None = None
    title: str = ""


def marker_fields(text: str) -> dict[str, str]:
    """The fields after the series id, by name ('events' -> 'a, b', 'title' -> the text unquoted).

    Raises ValueError saying what is wrong: text that is no field, an unknown or repeated field,
    an empty title.
    """
    fields: dict[str, str] = {}
    text, position = text.strip(), 0
    for match in _FIELD.finditer(text):
        if match.start() != position:
            break
        name, value = match["name"], match["value"]
        position = match.end()
        if name not in FIELDS:
            raise ValueError(f"unknown field '{name}:'; a chart marker may give {', '.join(f'{f}:' for f in FIELDS)}")
        if name in fields:
            raise ValueError(f"gives '{name}:' twice; give it once")
        quoted = value.startswith('"')
        if (name == "title") != quoted:
            raise ValueError(
                f"'{name}:' takes a quoted text, title: \"...\""
                if name == "title"
                else f"'{name}:' takes {'event ids' if name == 'events' else 'a date'}, not a quoted text"
            )
        fields[name] = value.strip('"').strip() if quoted else value
    if position != len(text):
        raise ValueError(f"cannot read '{text[position:].strip()}'")
    return fields


def marker_period(fields: dict[str, str], series: Series) -> Span | None:
    """The period `from:` and `to:` give (either may be left out: the series' first or last point),
    or None if neither is given. Raises ValueError for a date that is no date or an empty period."""
    if "from" not in fields and "to" not in fields:
        return None
    points = span_of(point.date for point in series.points)
    period = {"from": points.start, "to": points.end}
    for name, side in (("from", 0), ("to", 1)):  # from: a date's first day, to: the day after its last
        if name in fields:
            try:
                period[name] = date_span(parse_partial_date(fields[name]))[side]
            except ValueError as error:
                raise ValueError(f"'{name}:' {error}") from None
    if period["from"] >= period["to"]:  # a side not given is the series' first or last point
        start = (
            f"'from: {fields['from']}'" if "from" in fields else f"its first point ({series.points[0].date.display})"
        )
        end = f"'to: {fields['to']}'" if "to" in fields else f"its last point ({series.points[-1].date.display})"
        raise ValueError(f"{start} is not before {end}; the period runs from: to: to:")
    return Span(period["from"], period["to"])


class _ChartMarkers(ContextProcessor, Preprocessor):
    """Finds the chart markers where Python-Markdown took them for HTML, and reports those it cannot draw."""

    found: list[ChartMarker]  # this page's charts, in page order (set by run)

    def run(self, lines: list[str]) -> list[str]:
        self.found = []
        seen: dict[str, int] = {}  # series id -> how many markers named it so far
        for placeholder, match in find_markers(self.md, _MARKER, _MARKER_LIKE, self._unknown):
            seen[match["series"]] = seen.get(match["series"], 0) + 1
            if marker := self._marker(match, seen[match["series"]], placeholder):
                self.found.append(marker)
        return lines

    def _unknown(self, text: str) -> None:
        self.context.report(text.splitlines()[0], f"unknown chart marker '{text}'; write {MARKER_FORMS}")

    def _marker(self, match: re.Match, count: int, placeholder: str) -> ChartMarker | None:
        series_id, text = match["series"], match.group()
        first_line = text.splitlines()[0]
        figures, known_events = self.context.figures.records, self.context.events.records
        try:
            fields = marker_fields(match["fields"] or "")
        except ValueError as error:
            self.context.report(first_line, f"chart marker for '{series_id}': {error}; write {MARKER_FORMS}")
            return None
        series = figures.get(series_id)
        if series is None:
            if not figures.knows(series_id):  # else a series left out for its own problem, reported in its file
                self.context.report(text, f"chart marker names unknown series '{series_id}' (not in data/figures.yml)")
            return None
        if count > 1:
            self._report_repeat(count, series_id)
            return None
        try:
            period = marker_period(fields, series)
        except ValueError as error:
            self.context.report(first_line, f"chart '{series_id}': {error}")
            return None
        if period is not None and not any(period.covers(point.date) for point in series.points):
            first, last = series.points[0].date.display, series.points[-1].date.display
            self.context.report(
                first_line,
                f"chart '{series.id}' has no point in the period its marker gives ({_period_text(fields)}); "
                f"its points run from {first} to {last}: change from: or to:",
            )
            return None
        events = tuple(event.strip() for event in fields["events"].split(",")) if "events" in fields else ()
        unknown = [event_id for event_id in events if event_id not in known_events]
        for event_id in (event_id for event_id in unknown if not known_events.knows(event_id)):
            self.context.report(text, f"chart '{series_id}' marks unknown event '{event_id}' (not in data/events.yml)")
        outside = [
            event for event in map(known_events.get, events) if event and period and not period.covers(event.date)
        ]
        for event in outside:
            self.context.report(
                first_line,
                f"chart '{series_id}' marks event '{event.id}' ({event.date.display}), outside the period its "
                f"marker gives ({_period_text(fields)}); widen from: or to:, or leave the event out",
            )
        markers = events or tuple(marked_events(series, period))
        if unknown or outside or not drawable(series, known_events):
            return None  # an event it needs is missing: reported, here or in the data files
        if "title" in fields and (problem := _title_problem(fields["title"])):
            self.context.report(first_line, f"chart '{series_id}': {problem}")
            return None
        return ChartMarker(series, markers, placeholder, period, fields.get("title", ""))

    def _report_repeat(self, occurrence: int, series_id: str) -> None:
        """A problem at the line of the `occurrence`-th marker of the series outside code, naming the first."""
        page = self.context.page
        if page is None:
            return
        lines = without_code(page.source_text).split("\n")
        found = [
            number
            for number, line in enumerate(lines, start=1)
            if (match := _MARKER.match(line.strip())) and match["series"] == series_id
        ] or [1]
        line = found[min(occurrence, len(found)) - 1]
        message = f"the chart '{series_id}' is already on this page (line {found[0]}); show each series once per page"
        self.context.report_at(line, message)


def _title_problem(title: str) -> str:
    """What is wrong with a marker's title ('' if nothing): it is plain text, like a series' takeaway."""
    if not title:
        return 'the title is empty; write the chart\'s takeaway, title: "..."'
    if len(title) > TITLE_LENGTH:
        return f"the title has {len(title)} characters; a takeaway has at most {TITLE_LENGTH}"
    if "<" in title or ">" in title:
        return "the title is plain text: write it without < or >"
    return ""


def _period_text(fields: dict[str, str]) -> str:
    return " ".join(f"{name}: {fields[name]}" for name in ("from", "to") if name in fields)


class _Charts(ContextProcessor, Treeprocessor):
    """Puts each chart where the earlier _ChartMarkers found its marker, and lists the page as a place that uses
    the chart's sources."""

    svgs: list[etree.Element]  # the SVGs put in this page, for _SvgLinks (set by run)

    def run(self, root: etree.Element) -> None:
        self.svgs = []
        put_at_markers(root, {marker.placeholder: lambda m=marker: self._figure(m) for marker in self.earlier.found})

    def _figure(self, marker: ChartMarker) -> etree.Element:
        page = self.context.page
        sources_href = page.link_to(SOURCES.src_uri) if page else SOURCES.src_uri
        timeline_href = page.link_to(TIMELINE.src_uri) if page else TIMELINE.src_uri
        claims = self.context.sources.claims_on_figure(marker.series.id)
        markup = chart_markup(
            marker.series,
            marker.events,
            self.context.sources.records,
            self.context.events.records,
            lambda source_id: f"{sources_href}#{source_id}",
            lambda event_id: f"{timeline_href}#{event_id}",
            marker.period,
            marker.title,
            claims,
        )
        figure = markup_elements(etree.fromstring(markup))
        self.svgs += figure.iter("svg")
        if page is not None:
            chart_sources_used(self.context.backlinks, marker.series, page.url, page.title, claims, marker.period)
        return figure


class _SvgLinks(ContextProcessor, Treeprocessor):
    """Links inside an SVG become xlink:href once MkDocs has rewritten and checked them as href.

    Material's instant navigation reassigns the `href` property of every [href] element, which is
    read-only on SVG links and throws; it leaves xlink:href alone (see events/timeline_svg.py).
    """

    def run(self, root: etree.Element) -> None:
        for svg in self.earlier.svgs:  # those _Charts put in the page
            for link in svg.iter("a"):
                link.set("xlink:href", link.attrib.pop("href"))


def markup_elements(node: etree.Element) -> etree.Element:
    """The chart's markup, parsed (well-formed XML, every value from data escaped), as Python-Markdown elements.

    Text becomes escaped AtomicStrings (explainer.elements), so nothing reads a chart's words as
    Markdown, a glossary term or a correction anchor; SVG links get a plain `href` for MkDocs.
    """
    attributes = {("href" if name == _XLINK_HREF else name): value for name, value in node.attrib.items()}
    tag = node.tag.removeprefix(_SVG)
    if tag == "svg":
        attributes |= {"xmlns": _SVG.strip("{}"), "xmlns:xlink": _XLINK_HREF.partition("}")[0].strip("{")}
    result = element(tag, attributes, node.text, node.tail)
    result.extend(markup_elements(child) for child in node)
    return result
