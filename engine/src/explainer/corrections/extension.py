"""The corrections extension: each page's corrections at their phrases, dated, and listed at its end.

A treeprocessor wraps each anchor of the page being converted, adds its mark (C1, C2, ... in
reading order) that previews like a footnote (docs/assets/previews.js), dates the page under its title ("Corrected
26 November 2026 — see corrections") and ends it with a "Corrections" block of notes.

Usable on its own, by name or from Python (see `CorrectionsExtension`):

    markdown.markdown(text, extensions=[CorrectionsExtension(corrections={...}, page="story/the-fall.md")])
    markdown.Markdown(extensions=["explainer.corrections.extension"],
                      extension_configs={"explainer.corrections.extension": {"page": "story/the-fall.md"}})
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import ClassVar

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from ..backlinks import Backlink
from ..context import BuildContext, PageInfo
from ..elements import child, element
from ..extensions import ExplainerExtension
from ..sources.page import PAGE as SOURCES_PAGE
from ..sources.records import SPEC as SOURCES_SPEC
from .anchors import anchor_counts, attach_mark, mark_id, note_id, number_marks
from .checks import anchor_problem, overlap_problem
from .page import PAGE
from .records import KIND_LABELS, SPEC, Correction, newest_first

NOTICE_VERBS = {"fact": "Corrected", "update": "Updated", "translation": "Translation notes added"}
BLOCK_HEADING_ID = "corrections"


class CorrectionsExtension(ExplainerExtension):
    """Attaches each page's corrections at their anchors and ends the page with its Corrections block."""

    data: ClassVar = {
        "corrections": ("corrections", "data_file", SPEC),
        "sources": ("sources", "sources_file", SOURCES_SPEC),
    }

    def extendMarkdown(self, md: Markdown) -> None:
        # After inline parsing (20) and footnotes (50), before smartypants (6) turns quotes curly,
        # and before other text decorations (abbr 7, glossary) add links the anchor would sit in.
        md.treeprocessors.register(_Corrections(md, self.context), "explainer-corrections", 17)


def makeExtension(**kwargs) -> CorrectionsExtension:
    return CorrectionsExtension(**kwargs)


class _Corrections(Treeprocessor):
    def __init__(self, md: Markdown, context: BuildContext):
        super().__init__(md)
        self.context = context

    def run(self, root: etree.Element) -> None:
        context, page = self.context, self.context.page
        if page is None or page.generated:
            return
        attached = self._attach_all(root, context.corrections.on_page(page.src_uri), page)
        if attached:
            labels = number_marks(root)
            _insert_after_title(root, corrected_notice(attached))
            root.extend(corrections_block(attached, labels, self._sources_href(attached, page), self._log_href(page)))
            for correction in attached:
                backlink = Backlink(page.url, page.title, mark_id(correction.id), f"“{correction.anchor}”")
                context.backlinks.add("correction", correction.id, backlink)

    def _attach_all(self, root: etree.Element, corrections: list[Correction], page: PageInfo) -> list[Correction]:
        """Mark every anchor that occurs exactly once (counted before any mark is added); report the rest."""
        by_anchor = anchor_counts(root, [correction.anchor for correction in corrections])
        counts = {correction.id: by_anchor[correction.anchor] for correction in corrections}
        problems = self.context.problems
        attached = []
        for correction in corrections:
            if counts[correction.id] != 1:
                problems.append(anchor_problem(correction, counts[correction.id], page.file_label))
            elif attach_mark(root, correction):
                attached.append(correction)
            else:
                problems.append(overlap_problem(correction, page.file_label))
        return attached

    def _sources_href(self, corrections: list[Correction], page: PageInfo) -> dict[str, tuple[str, str]]:
        sources = self.context.sources.records
        return {
            source_id: (f"{page.link_to(SOURCES_PAGE.src_uri)}#{source_id}", _credit(sources.get(source_id), source_id))
            for correction in corrections
            for source_id in correction.sources
        }

    def _log_href(self, page: PageInfo) -> str:
        return page.link_to(PAGE.src_uri)


def _credit(source: object, source_id: str) -> str:
    return source.credit if source is not None else source_id


def _insert_after_title(root: etree.Element, element: etree.Element) -> None:
    children = list(root)
    titles = [position for position, child in enumerate(children) if child.tag == "h1"]
    root.insert(titles[0] + 1 if titles else 0, element)


def corrected_notice(corrections: list[Correction]) -> etree.Element:
    """'Corrected 26 November 2026 — see corrections', for under the page title."""
    latest = newest_first(corrections)[0]
    notice = element("p", {"class": "corrected-notice"}, f"{NOTICE_VERBS[latest.kind]} ")
    child(notice, "time", {"datetime": latest.issued.iso}, latest.issued.display, " — ")
    child(notice, "a", {"href": f"#{BLOCK_HEADING_ID}"}, "see corrections")
    return notice


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
    """One note: 'C1 Translation note, 26 November 2026: The copy read “…”. …  Sources: …'."""
    item = element("li", {"id": note_id(correction.id), "class": f"correction correction--{correction.kind}"})
    back = {
        "class": "correction__back",
        "href": f"#{mark_id(correction.id)}",
        "aria-label": f"Back to {label} in the text",
    }
    child(item, "a", back, label)
    text = child(item, "p")
    strong = child(
        text, "strong", {"class": "correction__label"}, f"{KIND_LABELS[correction.kind]}, ", f" {correction.sentence}"
    )
    child(strong, "time", {"datetime": correction.issued.iso}, correction.issued.display, ":")
    sources = correction.sources
    span = child(text, "span", {"class": "correction__sources"}, " Sources: " if len(sources) > 1 else " Source: ")
    for position, source_id in enumerate(sources):
        href, name = sources_href[source_id]
        child(span, "a", {"href": href}, name, "." if position == len(sources) - 1 else ", ")
    return item
