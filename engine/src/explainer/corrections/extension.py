"""The corrections extension: each page's corrections at their phrases, dated, and listed at its end.

A treeprocessor wraps each anchor of the page being converted. A correction of a kind marked in the
text (data/story.yml: `inline`, the default) gets a mark after it (C1, C2, ... in reading order, each
kind's letters numbered on their own) that previews like a footnote (previews.js), and a note in the
"Corrections" block that ends the page; the page is dated under its title ("Corrected 26 November
2026 — see corrections"). A kind that is not marked in the text only wraps its phrase, invisibly, for
its entry on the Corrections page (or its own page) and in the feeds to link to; if it has a notice,
the page says it under its title ("Last checked 6 December 2026"), for an entry with no anchor too.

Usable on its own (see explainer.extensions): `CorrectionsExtension(corrections={...}, page="x.md")`.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import ClassVar

from markdown import Markdown

from ..anchors import anchor_counts
from ..backlinks import Backlink
from ..context import PageInfo
from ..elements import child, element, insert_after_title
from ..extensions import ExplainerExtension, WrittenPageTreeprocessor
from ..sources.page import PAGE as SOURCES_PAGE
from ..sources.records import SPEC as SOURCES_SPEC
from .anchors import attach_mark, mark_id, note_id, number_marks, reading_places, text_slots
from .checks import anchor_problem
from .page import PAGE
from .records import SPEC, Correction, newest_first

BLOCK_HEADING_ID = "corrections"
NOTICE_PREFIX = "notice:"  # the id of a kind's notice under the title: what an entry without an anchor links to


class CorrectionsExtension(ExplainerExtension):
    """Attaches each page's corrections at their anchors and ends the page with its Corrections block."""

    data: ClassVar = {"corrections": SPEC, "sources": SOURCES_SPEC}

    def extendMarkdown(self, md: Markdown) -> None:
        # After inline parsing (20) and footnotes (50), before smartypants (6) turns quotes curly,
        # and before other text decorations (abbr 7, glossary) add links the anchor would sit in.
        md.treeprocessors.register(_Corrections(md, self.context), "explainer-corrections", 17)


makeExtension = CorrectionsExtension  # Python-Markdown's entry point for the extension by name


class _Corrections(WrittenPageTreeprocessor):
    def run_on_page(self, root: etree.Element, page: PageInfo) -> None:
        context = self.context
        on_page = context.corrections.on_page(page.src_uri)
        attached = self._attach_all(root, [c for c in on_page if c.anchor], page)
        whole_page = [correction for correction in on_page if not correction.anchor]
        marked = [correction for correction in attached if correction.of_kind.inline]
        labels = number_marks(root, {correction.id: correction.of_kind for correction in marked})
        context.corrections.places.update({correction.id: 0 for correction in whole_page})
        context.corrections.places.update(reading_places(root))
        for notice in reversed(corrected_notices(marked, [*attached, *whole_page])):
            insert_after_title(root, notice)
        if marked:
            root.extend(corrections_block(marked, labels, self._sources_href(marked, page), page.link_to(PAGE.src_uri)))
        for correction in [*attached, *whole_page]:  # its entries link to its mark, or to its kind's notice
            spot = mark_id(correction.id) if correction.anchor else f"{NOTICE_PREFIX}{correction.kind}"
            label = f"“{correction.anchor}”" if correction.anchor else page.title
            context.backlinks.add("correction", correction.id, Backlink(page.url, page.title, spot, label))

    def _attach_all(self, root: etree.Element, corrections: list[Correction], page: PageInfo) -> list[Correction]:
        """Attach every anchor that occurs exactly once (counted before any is attached); report the rest."""
        counts = anchor_counts(text_slots(root), [correction.anchor for correction in corrections])
        problems, attached = self.context.problems, []
        for correction in corrections:
            if counts[correction.anchor] == 1 and attach_mark(root, correction):
                attached.append(correction)
            else:  # missing, repeated, or inside an earlier anchor's mark
                problems.append(anchor_problem(correction, counts[correction.anchor], page.file_label))
        return attached

    def _sources_href(self, corrections: list[Correction], page: PageInfo) -> dict[str, tuple[str, str]]:
        """Each cited source's link and name (its id, for a source left out for its own problem)."""
        sources, href = self.context.sources.records, page.link_to(SOURCES_PAGE.src_uri)
        return {
            source_id: (f"{href}#{source_id}", sources.by_id[source_id].credit if source_id in sources else source_id)
            for correction in corrections
            for source_id in correction.sources
        }


def corrected_notices(marked: list[Correction], on_page: list[Correction]) -> list[etree.Element]:
    """What goes under the page title: 'Corrected 26 November 2026 — see corrections', after the latest
    correction marked in the text whose kind has a notice; then, for each kind not marked in the text
    that has a notice, its latest date ('Last checked 6 December 2026')."""
    notices = []
    if latest := next((c for c in newest_first(marked) if c.of_kind.notice), None):
        notice = element("p", {"class": "corrected-notice"}, f"{latest.of_kind.notice} ")
        child(notice, "time", {"datetime": latest.issued.iso}, latest.issued.display, " — ")
        child(notice, "a", {"href": f"#{BLOCK_HEADING_ID}"}, "see corrections")
        notices.append(notice)
    unmarked = [correction for correction in on_page if not correction.of_kind.inline and correction.of_kind.notice]
    for kind in dict.fromkeys(correction.kind for correction in unmarked):
        latest = newest_first([correction for correction in unmarked if correction.kind == kind])[0]
        attributes = {"class": "corrected-notice", "id": f"{NOTICE_PREFIX}{kind}"}
        notice = element("p", attributes, f"{latest.of_kind.notice} ")
        child(notice, "time", {"datetime": latest.issued.iso}, latest.issued.display)
        notices.append(notice)
    return notices


def corrections_block(
    corrections: list[Correction], labels: dict[str, str], sources_href: dict[str, tuple[str, str]], log_href: str
) -> list[etree.Element]:
    """The page's closing 'Corrections' heading and notes, newest first."""
    notes = element("ul", {"class": "corrections"})
    notes.extend(
        correction_note(correction, labels[correction.id], sources_href) for correction in newest_first(corrections)
    )
    footer = element("p", {"class": "corrections__all"})
    child(footer, "a", {"href": log_href}, "All corrections on this site")
    heading = etree.Element("h2", {"id": BLOCK_HEADING_ID})
    heading.text = "Corrections"  # Markdown's own text: the table of contents reads it
    return [heading, notes, footer]


def correction_note(correction: Correction, label: str, sources_href: dict[str, tuple[str, str]]) -> etree.Element:
    """One note: 'C1 Correction, 26 November 2026: An earlier version of this page said “…”. …  Sources: …'."""
    classes = f"correction correction--{correction.kind}"
    if correction.of_kind.style != "normal":
        classes += f" correction--{correction.of_kind.style}"
    item = element("li", {"id": note_id(correction.id), "class": classes})
    back = {
        "class": "correction__back",
        "href": f"#{mark_id(correction.id)}",
        "aria-label": f"Back to {label} in the text",
    }
    child(item, "a", back, label)
    text = child(item, "p")
    strong = child(
        text, "strong", {"class": "correction__label"}, f"{correction.of_kind.label}, ", f" {correction.sentence}"
    )
    child(strong, "time", {"datetime": correction.issued.iso}, correction.issued.display, ":")
    sources = correction.sources
    span = child(text, "span", {"class": "correction__sources"}, " Sources: " if len(sources) > 1 else " Source: ")
    for position, source_id in enumerate(sources):
        href, name = sources_href[source_id]
        child(span, "a", {"href": href}, name, "." if position == len(sources) - 1 else ", ")
    return item
