"""The events extension: a story page's "Key dates", and `[words](event:id)` links to the Timeline.

The preprocessor finds the `<!-- key-dates -->` marker of a story page (and reports a missing,
misspelt or doubled one); the treeprocessor puts there the compact list of the section's events,
each linked to its Timeline entry, and turns `[words](event:id)` into a link to the event's entry
with its date as tooltip. Every link it writes points at the Timeline's Markdown file, which
MkDocs turns into the page's address and checks.

Usable on its own (see explainer.extensions): `EventsExtension(events={...}, page="story/the-fall.md")`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import ClassVar

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from ..elements import child, element
from ..errors import line_of
from ..extensions import ContextProcessor, ExplainerExtension
from ..markers import find_marker, put_at_markers
from .page import PAGE
from .records import SPEC, Event

KEY_DATES_MARKER = "<!-- key-dates -->"
KEY_DATES_IN_VIEW = 6  # a longer list shows its first six and the rest behind "All N dates"
EVENT_LINK_SCHEME = "event:"

# Any HTML comment that looks like it means the marker, so a typo is reported, not ignored.
_MARKER_LIKE = re.compile(r"^\s*<!--\s*key[\s_-]*dates?\b.*-->\s*$", re.IGNORECASE)


class EventsExtension(ExplainerExtension):
    """Replaces the key-dates marker with the section's events and turns `event:id` links into timeline links."""

    data: ClassVar = {"events": SPEC}

    def extendMarkdown(self, md: Markdown) -> None:
        key_dates = _KeyDates(md, self.context)
        # After raw HTML blocks are stashed (20): a marker counts only where Python-Markdown took the
        # comment for HTML, never inside code (fenced or indented), which it leaves as text.
        md.preprocessors.register(key_dates, "explainer-key-dates", 19)
        # After inline parsing (20) made the links and footnotes numbered (15), before MkDocs checks
        # relative links (0): so the links it writes are .md links MkDocs rewrites and checks.
        md.treeprocessors.register(_EventLinks(md, self.context, key_dates), "explainer-events", 14)


makeExtension = EventsExtension  # Python-Markdown's entry point for the extension by name


def key_dates_block(events: list[Event], timeline_href: str) -> etree.Element:
    """The compact "Key dates" list of one section, each event linked to its entry on the Timeline:
    at most KEY_DATES_IN_VIEW in view, the rest behind a disclosure ("All 11 dates"), printed open."""
    block = element("aside", {"class": "key-dates", "aria-label": "Key dates"})
    child(block, "p", {"class": "key-dates__heading"}, "Key dates")
    shown = events[:KEY_DATES_IN_VIEW]
    _key_dates_list(child(block, "ol", {"class": "key-dates__list"}), shown, timeline_href)
    if rest := events[len(shown) :]:
        more = child(block, "details", {"class": "key-dates__more"})
        child(more, "summary", {}, f"All {len(events)} dates")
        listing = child(more, "ol", {"class": "key-dates__list", "start": str(len(shown) + 1)})
        _key_dates_list(listing, rest, timeline_href)
    return block


def _key_dates_list(listing: etree.Element, events: list[Event], timeline_href: str) -> None:
    for event in events:
        link = child(child(listing, "li"), "a", {"href": f"{timeline_href}#{event.id}"})
        child(link, "time", {"datetime": event.date.iso}, event.date.display, " ")
        child(link, "span", {"class": "key-dates__title"}, event.title)


class _KeyDates(ContextProcessor, Preprocessor):
    """Finds the Key dates marker where Python-Markdown took it for HTML (never in code, which stays text)."""

    placeholder: str  # the marker's place in the page, once found: a paragraph holding this text (set by run)

    def run(self, lines: list[str]) -> list[str]:
        page, report = self.context.page, self.context.report
        section = page.section if page else None
        events = self.context.events.by_section.get(section, []) if section else []
        self.placeholder = ""
        marker, variants = find_marker(self.md, KEY_DATES_MARKER, _MARKER_LIKE, report)
        if marker and events:
            self.placeholder = marker  # where the treeprocessor puts the block
        elif marker and section is None:
            report(KEY_DATES_MARKER, f"{KEY_DATES_MARKER} belongs on a story page (docs/story/*.md)")
        elif marker and not self._left_out_of(section):
            report(
                KEY_DATES_MARKER,
                f"{KEY_DATES_MARKER}: no event in data/events.yml has section '{section}'; "
                f"give this chapter's events `section: {section}`, or remove the marker",
            )
        elif not marker and not variants and section and events:
            # Point at the page's title: the block belongs in the introduction just below it.
            line = line_of(page.source_text, "\n# ") + 1 if "\n# " in page.source_text else 1
            count = f"{len(events)} event{'s' if len(events) > 1 else ''}"
            self.context.report_at(
                line, f"section '{section}' has {count} but no {KEY_DATES_MARKER} marker to show them"
            )
        return lines

    def _left_out_of(self, section: str) -> bool:
        """True if an event with a problem of its own (reported in data/events.yml) may be this section's:
        one left out of the records, or one that names a section no story page has."""
        records = self.context.events.records
        if records.has_unnamed or any(entry.get("section") == section for entry in records.left_out_entries()):
            return True
        sections = self.context.site.section_ids
        return bool(sections) and any(named not in sections for named in self.context.events.by_section)


class _EventLinks(ContextProcessor, Treeprocessor):
    """Turns `event:` links into links to the Timeline, and puts the Key dates block in place (where the
    earlier _KeyDates found its marker)."""

    def run(self, root: etree.Element) -> None:
        page, records = self.context.page, self.context.events.records
        timeline = page.link_to(PAGE.src_uri) if page else PAGE.src_uri
        for anchor in root.iter("a"):
            if not (href := anchor.get("href", "")).startswith(EVENT_LINK_SCHEME):
                continue
            event_id = href.removeprefix(EVENT_LINK_SCHEME)
            if (event := records.get(event_id)) is not None:
                anchor.attrib.update(
                    {"href": f"{timeline}#{event_id}", "title": event.date.display, "class": "event-ref"}
                )
            elif not records.knows(event_id):  # else an entry left out for its own problem, reported in its file
                message = f"links unknown event '{event_id}' (not in data/events.yml)"
                self.context.report(f"({EVENT_LINK_SCHEME}{event_id})", message)
        if placeholder := self.earlier.placeholder:  # the section's Key dates, where the marker was
            events = self.context.events.by_section[page.section]
            put_at_markers(root, {placeholder: lambda: key_dates_block(events, timeline)})
