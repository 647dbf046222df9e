"""Events: dated facts from data/events.yml, shown where the story needs them.

Three things come from one list of events: a "Key dates" block that replaces the
`<!-- key-dates -->` marker in each story page, inline links written `[words](event:id)`
that point at the Timeline entry (with the date as tooltip), and the generated Timeline
page with its build-time SVG picture and the published events.json / events.csv.
"""

from __future__ import annotations

import csv
import html
import io
import json
import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .dates import PartialDate
from .errors import Problem, line_of
from .records import DataFileSpec, check_ids, date_at, group_by, ids_in_order
from .timeline_svg import (
    NARROW_WIDTH,
    WIDTH,
    closeup_svg,
    closeup_windows,
    lane_class,
    lane_numbers,
    timeline_svg,
)
from .urls import relative_url
from .yamlfile import YamlDocument

if TYPE_CHECKING:
    from .context import BuildContext
    from .data import SiteData

# From Ma's speech to the latest dated update of the closing chapter (docs/story/since-then.md).
STORY_START = PartialDate(2020, 10)
STORY_END = PartialDate(2026, 6)
STORY_RANGE = f"{STORY_START.display} to {STORY_END.display}"
KEY_DATES_MARKER = "<!-- key-dates -->"
EVENT_LINK_SCHEME = "event:"
DATA_FILE_NAMES = ("events.json", "events.csv")

# Any HTML comment that looks like it means the marker, so a typo is reported, not ignored.
_MARKER_LIKE = re.compile(r"^\s*<!--\s*key[\s_-]*dates?\b.*-->\s*$", re.IGNORECASE)
# A sentence ends with . ! or ? (optionally closed by a quote or bracket) followed by a space.
_SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d)]?(?=\s+\S)")
_RANKS = {"year": 0, "month": 1, "day": 2}
_ISO_LENGTH = {"year": 4, "month": 7, "day": 10}
_CURRENCY_PREFIX = {"USD": "$", "HKD": "HK$"}
_CURRENCY_SUFFIX = {"CNY": " yuan"}


# Data ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A number an event is known for: '18.228 billion yuan' labelled 'Antitrust fine'."""

    amount: float
    unit: str
    label: str
    currency: str = ""

    @property
    def display(self) -> str:
        amount = f"{self.amount:,}".removesuffix(".0")
        if self.unit == "percent":
            return f"{amount}%"
        scaled = f"{amount} {self.unit}"
        return _CURRENCY_PREFIX.get(self.currency, "") + scaled + _CURRENCY_SUFFIX.get(self.currency, "")

    def as_data(self) -> dict[str, Any]:
        data = {"amount": self.amount, "unit": self.unit, "label": self.label}
        return data | ({"currency": self.currency} if self.currency else {})


@dataclass(frozen=True)
class Event:
    id: str
    date: PartialDate
    title: str
    summary: str
    sources: tuple[str, ...]
    section: str
    involved: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    date_note: str = ""
    outside_story_range: bool = False
    headline: bool = False  # one of the few events the Timeline picture names in words
    index: int = 0  # position in data/events.yml, for messages and to order same-day events

    @property
    def sort_key(self) -> tuple[int, int, int, int]:
        """Chronological order; a month-level date sorts before the days of that month."""
        return (self.date.year, self.date.month or 0, self.date.day or 0, self.index)

    @property
    def label(self) -> str:
        """Accessible name of the event wherever it is a link: its date and title."""
        return f"{self.date.display}: {self.title}"

    def as_data(self) -> dict[str, Any]:
        """The published record (events.json / events.csv)."""
        return {
            "id": self.id,
            "date": self.date.iso,
            "precision": self.date.precision,
            "title": self.title,
            "summary": self.summary,
            "sources": list(self.sources),
            "section": self.section,
            "involved": list(self.involved),
            "figures": [figure.as_data() for figure in self.figures],
            "date_note": self.date_note,
            "outside_story_range": self.outside_story_range,
        }


def build_events(document: YamlDocument) -> tuple[dict[str, Event], list[Problem]]:
    """Typed events by id, in chronological order, from a schema-valid data/events.yml."""
    first_index, problems = ids_in_order(document)
    events = []
    for entry_id, index in first_index.items():
        owner = f"event '{entry_id}'"
        date = date_at(document, index, "date", owner, problems)
        if date is None:
            continue
        if problem := _entry_problem(document, index, date, owner):
            problems.append(problem)
            continue
        events.append(_event(document.data[index], date, index))
    return {event.id: event for event in sorted(events, key=lambda event: event.sort_key)}, problems


def _event(entry: dict[str, Any], date: PartialDate, index: int) -> Event:
    figures = tuple(Figure(**figure) for figure in entry.get("figures", ()))
    return Event(
        id=entry["id"],
        date=date,
        title=entry["title"],
        summary=entry["summary"],
        sources=tuple(entry["sources"]),
        section=entry["section"],
        involved=tuple(entry["involved"]),
        figures=figures,
        date_note=entry.get("date_note", ""),
        outside_story_range=entry.get("outside_story_range", False),
        headline=entry.get("headline", False),
        index=index,
    )


def _entry_problem(document: YamlDocument, index: int, date: PartialDate, owner: str) -> Problem | None:
    """The first thing wrong with a well-dated entry: its precision, its range or its summary."""
    entry = document.data[index]
    message = (
        _precision_problem(entry["date"], date, entry["precision"])
        or _range_problem(date, entry.get("outside_story_range", False))
        or _summary_problem(entry["summary"])
    )
    return document.problem((index, _field_of(message)), f"{owner}: {message}") if message else None


def _field_of(message: str) -> str:
    return "summary" if message.startswith("summary") else "date"


def _precision_problem(text: str, date: PartialDate, precision: str) -> str:
    """Why the date's form and its declared precision disagree ('' if they agree)."""
    written = date.precision
    if written == precision:
        return ""
    if _RANKS[written] > _RANKS[precision]:
        shortened = date.iso[: _ISO_LENGTH[precision]]
        return (
            f"date '{text}' is written to the {written} but precision is '{precision}'; "
            f"write '{shortened}' (a {precision}-level date is never shown as a {written})"
        )
    return (
        f"date '{text}' is written to the {written} but precision is '{precision}'; "
        "give the full date or lower the precision"
    )


def _range_problem(date: PartialDate, flagged: bool) -> str:
    inside = _sort_tuple(STORY_START) <= _sort_tuple(date) <= _sort_tuple(STORY_END, end=True)
    if inside and flagged:
        return f"date '{date.iso}' is inside the story's range ({STORY_RANGE}); remove outside_story_range"
    if not inside and not flagged:
        return (
            f"date '{date.iso}' is outside the story's range ({STORY_RANGE}); "
            "if that is right, add outside_story_range: true"
        )
    return ""


def _sort_tuple(date: PartialDate, end: bool = False) -> tuple[int, int]:
    return (date.year, date.month or (12 if end else 1))


def _summary_problem(summary: str) -> str:
    sentences = len(_SENTENCE_END.findall(summary.strip())) + 1
    return f"summary has {sentences} sentences; write one to three" if sentences > 3 else ""


def check_event_references(site: SiteData) -> list[Problem]:
    """Sources and glossary ids that events cite must exist."""
    document = site.documents.get("events")
    if document is None:
        return []
    glossary = site.records.get("glossary", {})
    problems = []
    for event in site.records.get("events", {}).values():
        owner = f"event '{event.id}'"
        problems += check_ids(document, (event.index, "sources"), list(event.sources), site.sources, owner, "source")
        problems += check_ids(document, (event.index, "involved"), list(event.involved), glossary, owner, "glossary id")
    return problems


def check_event_sections(site: SiteData, page_ids: set[str]) -> list[Problem]:
    """Each event's section must be a story page (docs/story/<section>.md)."""
    document = site.documents.get("events")
    known = ", ".join(sorted(page_ids)) or "none"
    return [
        document.problem(
            (event.index, "section"),
            f"event '{event.id}' names unknown section '{event.section}' (story pages: {known})",
        )
        for event in site.records.get("events", {}).values()
        if event.section not in page_ids
    ]


SPEC = DataFileSpec(name="events", build=build_events, check=check_event_references, check_pages=check_event_sections)


def events_of(site: SiteData) -> list[Event]:
    """Every event of this build, in chronological order."""
    return list(site.records.get("events", {}).values())


# Where things are -----------------------------------------------------------------------------


@dataclass
class SiteLinks:
    """Site URLs the event renderers need, known once MkDocs has listed the files."""

    timeline_url: str = "timeline/"
    timeline_src: str = "timeline.md"
    glossary_url: str = "glossary/"
    terms: dict[str, str] = field(default_factory=dict)  # glossary id -> the term, for "Involved" links
    sources_url: str = "sources/"
    sections: dict[str, tuple[str, str]] = field(default_factory=dict)  # section id -> (url, title)

    def entry_url(self, event_id: str) -> str:
        return f"{self.timeline_url}#{event_id}"

    def section_url(self, section: str) -> str:
        return self.sections.get(section, (f"story/{section}/", section))[0]

    def section_title(self, section: str) -> str:
        return self.sections.get(section, ("", section.replace("-", " ").capitalize()))[1]


# Key dates block ------------------------------------------------------------------------------


def key_dates_html(events: list[Event], entry_href: Callable[[str], str]) -> str:
    """The compact "Key dates" list of one section; `entry_href(id)` is the link to an event's entry."""
    items = "".join(
        f'<li><a href="{html.escape(entry_href(event.id))}">'
        f'<time datetime="{event.date.iso}">{event.date.display}</time> '
        f'<span class="key-dates__title">{html.escape(event.title)}</span></a></li>'
        for event in events
    )
    return (
        '<aside class="key-dates" aria-label="Key dates">'
        '<p class="key-dates__heading">Key dates</p>'
        f'<ol class="key-dates__list">{items}</ol></aside>'
    )


def render_key_dates(events: list[Event], page_url: str = "story/page/", links: SiteLinks | None = None) -> str:
    """Key-dates HTML for `events` as seen from `page_url`, without MkDocs (tests, benchmarks)."""
    links = links or SiteLinks()
    return key_dates_html(events, lambda event_id: relative_url(links.entry_url(event_id), page_url))


# Markdown extension -----------------------------------------------------------------------------


class EventsExtension(Extension):
    """Replaces the key-dates marker with the section's events and turns `event:id` links into timeline links."""

    def __init__(self, context: BuildContext, links: SiteLinks | None = None):
        super().__init__()
        self.context = context
        self.links = links or SiteLinks()

    def extendMarkdown(self, md: Markdown) -> None:
        # After raw HTML blocks are stashed (20): a marker counts only where Python-Markdown took the
        # comment for HTML, never inside code (fenced or indented), which it leaves as text.
        md.preprocessors.register(_KeyDatesPreprocessor(md, self), "explainer-key-dates", 19)
        # After inline parsing (20) made the links, before MkDocs checks relative links (0).
        md.treeprocessors.register(_EventLinkTreeprocessor(md, self), "explainer-event-links", 15)

    @cached_property
    def events_by_section(self) -> dict[str, list[Event]]:
        """Each section's events in chronological order, grouped on first use (the extension lives one build)."""
        return group_by(events_of(self.context.site), lambda event: event.section)

    def report(self, needle: str, message: str) -> None:
        if page := self.context.page:
            self.context.problems.append(page.problem(needle, message))


class _KeyDatesPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: EventsExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        page = self.extension.context.page
        section = page.src_uri.removeprefix("story/").removesuffix(".md") if page and page.is_story else None
        stash = self.md.htmlStash.rawHtmlBlocks
        comments = [(index, block.strip()) for index, block in enumerate(stash) if isinstance(block, str)]
        variants = [text for _, text in comments if _MARKER_LIKE.match(text) and text != KEY_DATES_MARKER]
        for variant in variants:
            self.extension.report(variant, f"unknown marker '{variant}'; write {KEY_DATES_MARKER}")
        markers = [index for index, text in comments if text == KEY_DATES_MARKER]
        if len(markers) > 1:
            message = f"the {KEY_DATES_MARKER} marker appears {len(markers)} times; keep one"
            self.extension.report(KEY_DATES_MARKER, message)
        if markers and (events := self._section_events(section)):
            stash[markers[0]] = self._block(events)  # the comment's place in the page now holds the block
        elif not markers and not variants:
            self._require_marker(section)
        return lines

    def _section_events(self, section: str | None) -> list[Event]:
        if section is None:
            self.extension.report(KEY_DATES_MARKER, f"{KEY_DATES_MARKER} belongs on a story page (docs/story/*.md)")
            return []
        events = self.extension.events_by_section.get(section, [])
        if not events:
            self.extension.report(
                KEY_DATES_MARKER, f"{KEY_DATES_MARKER}: no event in data/events.yml has section '{section}'"
            )
        return events

    def _require_marker(self, section: str | None) -> None:
        count = len(self.extension.events_by_section.get(section, []))
        page = self.extension.context.page
        if section and count:
            # Point at the page's title: the block belongs in the introduction just below it.
            line = line_of(page.source_text, "\n# ") + 1 if "\n# " in page.source_text else 1
            events = f"{count} event{'s' if count > 1 else ''}"
            message = f"section '{section}' has {events} but no {KEY_DATES_MARKER} marker to show them"
            self.extension.context.problems.append(Problem(page.file_label, line, message))

    def _block(self, events: list[Event]) -> str:
        page, links = self.extension.context.page, self.extension.links
        return key_dates_html(events, lambda event_id: page.link_to(links.entry_url(event_id)))


class _EventLinkTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: EventsExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        for anchor in root.iter("a"):
            href = anchor.get("href", "")
            if href.startswith(EVENT_LINK_SCHEME):
                self._link(anchor, href.removeprefix(EVENT_LINK_SCHEME))

    def _link(self, anchor: etree.Element, event_id: str) -> None:
        event = self.extension.context.site.records.get("events", {}).get(event_id)
        if event is None:
            self.extension.report(
                f"({EVENT_LINK_SCHEME}{event_id})", f"links unknown event '{event_id}' (not in data/events.yml)"
            )
            return
        page = self.extension.context.page
        # A link to the Markdown source: MkDocs then makes it relative and checks that the anchor exists.
        target = posixpath.relpath(self.extension.links.timeline_src, posixpath.dirname(page.src_uri) or ".")
        anchor.set("href", f"{target}#{event_id}")
        anchor.set("title", event.date.display)
        anchor.set("class", "event-ref")


# Generated Timeline page ------------------------------------------------------------------------


def timeline_page_markdown(events: list[Event], links: SiteLinks, sources: dict[str, Any] | None = None) -> str:
    """The Timeline page: the SVG picture, then every event grouped by year, linked to sources and story."""
    sources = sources or {}
    link = _linker(links.timeline_url)
    order = _section_order(events)
    parts = [
        "---\ntitle: Timeline\ndescription: Every dated event of Alibaba's fall and recovery, "
        f"{STORY_RANGE}, with its sources and the part of the story that tells it.\n---\n",
        "# Timeline\n",
        f"{len(events)} dated events{_span_text(events)}, in the order they happened. "
        "Each links to its sources and to the part of the story that tells it. "
        "Dates are shown only as precisely as the sources give them.\n",
        f'<p class="timeline-data">The same data, to reuse: <a href="{link("events.json")}" download>events.json</a> · '
        f'<a href="{link("events.csv")}" download>events.csv</a></p>\n',
        _overview_figure(events, order, links),
        *(_closeup_figure(events, order, start, end) for start, end in closeup_windows(events)),
    ]
    lanes = lane_numbers(order)
    by_year = group_by(events, lambda event: event.date.year)
    for year in sorted(by_year):
        parts.append(f"## {year}\n")
        parts.extend(_entry_html(event, links, sources, link, lanes) for event in by_year[year])
    return "\n".join(parts)


def _overview_figure(events: list[Event], order: list[str], links: SiteLinks) -> str:
    """The overview picture, drawn twice: at desktop width and at phone width (CSS shows one)."""
    pictures = "".join(timeline_svg(events, order, links.section_title, width) for width in (WIDTH, NARROW_WIDTH))
    return (
        f'<figure class="timeline-figure">\n<div class="timeline-figure__scroll">{pictures}</div>\n'
        "<figcaption>Years run along the top. Each chapter of the story is a band, named above it, from its "
        "first event to its last. Each dot is an event, placed by date; pale bars are events known only to "
        "the month. The events that matter most are circled and named; point at, focus or tap any other "
        "mark for its date and title, and select a mark to jump to its entry below.</figcaption>\n</figure>\n"
    )


def _closeup_figure(events: list[Event], order: list[str], start: Any, end: Any) -> str:
    last_month = PartialDate(end.year, end.month - 1) if end.month > 1 else PartialDate(end.year - 1, 12)
    span = f"{PartialDate(start.year, start.month).display} to {last_month.display}"
    return (
        f'<figure class="timeline-figure timeline-figure--closeup">\n<div class="timeline-figure__scroll">'
        f"{closeup_svg(events, order, start, end)}</div>\n"
        f"<figcaption>Close-up, {span}: the busiest stretch of the story, one event per row "
        "(pale bars: known only to the month). On a narrow screen, scroll it sideways.</figcaption>\n</figure>\n"
    )


def _span_text(events: list[Event]) -> str:
    return f" from {events[0].date.display} to {events[-1].date.display}" if events else ""


def _linker(from_url: str) -> Any:
    return lambda url: html.escape(relative_url(url, from_url))


def _section_order(events: list[Event]) -> list[str]:
    """Story sections in order of their first event, so the bands step down the picture."""
    return list(dict.fromkeys(event.section for event in events))


def _entry_html(event: Event, links: SiteLinks, sources: dict[str, Any], link: Any, lanes: dict[str, int]) -> str:
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
        f'<span class="timeline-entry__sources">Sources: {_source_links(event, links, sources, link)}</span></p>\n'
        "</article>\n"
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


def _involved_html(event: Event, links: SiteLinks, link: Any) -> str:
    if not event.involved:
        return ""
    names = ", ".join(
        f'<a href="{link(f"{links.glossary_url}#{term_id}")}">{html.escape(links.terms.get(term_id, term_id))}</a>'
        for term_id in event.involved
    )
    return f'<p class="timeline-entry__involved">Involved: {names}</p>\n'


def _section_link(event: Event, links: SiteLinks, link: Any) -> str:
    title = html.escape(links.section_title(event.section))
    return (
        f'<a class="timeline-entry__section" href="{link(links.section_url(event.section))}">In the story: {title}</a>'
    )


def _source_links(event: Event, links: SiteLinks, sources: dict[str, Any], link: Any) -> str:
    return ", ".join(
        f'<a href="{link(f"{links.sources_url}#{source_id}")}">'
        f"{html.escape(_source_label(sources.get(source_id), source_id))}</a>"
        for source_id in event.sources
    )


def _source_label(source: Any, source_id: str) -> str:
    return f"{source.credit}, {source.published.display}" if source else source_id


# Published data --------------------------------------------------------------------------------

CSV_FIELDS = (
    "id",
    "date",
    "precision",
    "title",
    "summary",
    "sources",
    "section",
    "involved",
    "figures",
    "date_note",
    "outside_story_range",
)


def events_json(events: list[Event]) -> str:
    """events.json: every event, chronological, keys sorted, stable byte for byte."""
    return json.dumps([event.as_data() for event in events], ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV Injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def events_csv(events: list[Event]) -> str:
    """events.csv (RFC 4180, CRLF line ends): the same fields; lists are joined with '; ', figures are JSON."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for event in events:
        writer.writerow({key: _inert(_csv_value(key, value)) for key, value in event.as_data().items()})
    return buffer.getvalue()


def _inert(cell: str) -> str:
    """A cell a spreadsheet shows as text: a leading formula character is escaped with a quote."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def _csv_value(key: str, value: Any) -> str:
    if key == "figures":
        return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else ""
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
