"""What the sources add to a page besides its notes: the line under a story page's title naming the report
the story retells, and a mark after each claim that rests on one report.

- **Retold from**: the one source marked `base_report: true` in data/sources.yml is named under the
  title of every story page ("Retold from CNBC’s report of 27 March 2025"), linked to its entry on the
  Sources page; a story page of the site's own reporting says `retold: false` in its front matter.
- **Marks side by side**: a source number right after another ("text¹²") reads as twelve, so it is
  marked `footnote-ref--follows` and starts with a comma ("text¹,²"); a single-source
  mark right before a source number is marked `one-report--before-ref` (a space keeps their targets
  apart). Done in the built page, not by a script at load: the classes are there before the first
  paint, and no script restyles the page to add them.
- **One report**: each claim a source's `single_source` declares carries a small mark after its anchor
  (or on its chart point's row), a link to the report's entry on the Sources page whose `title` is
  "One report: CNBC, 27 March 2025; not confirmed elsewhere": previews.js shows it on hover, focus
  and tap, as it shows a glossary term's definition.

The words are the engine's (English), said once in `WORDS`; every value from data goes into the page
through explainer.elements.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Mapping
from itertools import pairwise

from ..anchors import anchor_counts, find_anchor, insert_in_slot, mark_position, not_prose, prose_slots
from ..elements import child, element
from ..errors import Problem
from .records import SPEC, Claim, Source

# The engine's words (English), by what they are for; `{source}` is whose report, `{date}` its date.
WORDS: Mapping[str, str] = {
    "one_report_mark": "1",  # what the mark shows
    "one_report_label": "1 report",  # its name for assistive technology (holds what it shows)
    "one_report_tooltip": "One report: {source}, {date}; not confirmed elsewhere",
    "retold_from": "Retold from {report}",  # under each story page's title; {report} is the link
    "retold_report": "{source} report of {date}",  # the link's words; {source} is possessive: "CNBC’s"
}

MARK_CLASS = "one-report"
FOLLOWS_CLASS = "footnote-ref--follows"  # a source number right after another
BEFORE_REF_CLASS = "one-report--before-ref"  # a single-source mark right before a source number
RETOLD_CLASS = "retold-from"
# Not the page's prose, for an anchor: notes, the corrections' block and notice, marks, this line.
_NOT_PROSE = frozenset({"footnote", "corrections", "corrected-notice", "correction-ref", MARK_CLASS, RETOLD_CLASS})


def possessive(name: str) -> str:
    """'CNBC’s', 'Reuters’'."""
    return f"{name}’" if name.endswith("s") else f"{name}’s"


def one_report_mark(claim: Claim, source: Source, href: str) -> etree.Element:
    """The mark after a single-source claim (One report, above): a link to the report's entry, `href`."""
    mark = element("sup", {"class": MARK_CLASS, "id": claim.mark_id})
    tooltip = WORDS["one_report_tooltip"].format(source=source.credit, date=source.published.display)
    attributes = {
        "href": href,
        "class": f"{MARK_CLASS}__mark",
        "title": tooltip,
        "aria-label": WORDS["one_report_label"],
    }
    child(mark, "a", attributes, WORDS["one_report_mark"])
    return mark


def retold_line(source: Source, href: str) -> etree.Element:
    """'Retold from CNBC’s report of 27 March 2025', the report linked to its entry on the Sources page."""
    before, _, after = WORDS["retold_from"].partition("{report}")
    line = element("p", {"class": RETOLD_CLASS}, before)
    report = WORDS["retold_report"].format(source=possessive(source.credit), date=source.published.display)
    child(line, "a", {"href": href}, report, after)
    return line


# Marks at anchors ---------------------------------------------------------------------------------


def _opaque(node: etree.Element) -> bool:
    return not_prose(node, _NOT_PROSE) or (node.get("id") or "").startswith("cref:")


def mark_claims(
    root: etree.Element, claims: list[Claim], sources: Mapping[str, Source], page_label: str, sources_href: str
) -> tuple[list[Claim], list[Problem]]:
    """Put each claim's mark after its anchor (and the punctuation that closes it), if the anchor occurs exactly
    once in the page's prose (counted before any mark is added); the claims marked, and a problem for each
    anchor missing or repeated."""
    counts = anchor_counts(list(prose_slots(root, _opaque)), [claim.anchor for claim in claims])
    marked, problems = [], []
    for claim in claims:
        count = counts[claim.anchor]
        found = find_anchor(prose_slots(root, _opaque), claim.anchor) if count == 1 else None
        if found is None:
            where = f'{claim.where}: anchor "{claim.anchor}"'
            problems.append(Problem(SPEC.path, claim.line, anchor_message(where, count, page_label)))
            continue
        slot, match = found
        mark = one_report_mark(claim, sources[claim.source_id], f"{sources_href}#{claim.source_id}")
        element, _, where = slot
        place = mark_position(getattr(element, where), match.end())
        insert_in_slot(slot, place, [mark], place)
        marked.append(claim)
    return marked, problems


# How an anchor's problems are worded for a claim: what it is not copied from, what it overlaps, what to do instead.
_CLAIM_WORDS = ("a heading, link, note or code", "another anchor", "choose a phrase that shares no words with it")


def anchor_message(where: str, count: int, page_label: str, words: tuple[str, str, str] = _CLAIM_WORDS) -> str:
    """The one line for an anchor (`where`) that occurs `count` times in the page: missing, repeated, or (found
    once) inside the mark of an anchor marked before it; worded by `words` (a correction's are its own)."""
    not_from, overlaps, instead = words
    if count == 0:
        advice = f"copy an exact phrase from the page's text (not from {not_from})"
        return f"{where} does not occur in {page_label}; {advice}"
    if count == 1:
        return f"{where} overlaps {overlaps} in {page_label}; {instead}"
    return f"{where} occurs {count} times in {page_label}; make it longer so it is unique"


# Marks side by side -------------------------------------------------------------------------------


def _is_reference(node: etree.Element) -> bool:
    """A source number or a correction's mark: a <sup> holding a link of class footnote-ref."""
    return node.tag == "sup" and any("footnote-ref" in (each.get("class") or "").split() for each in node.iter("a"))


def _add_class(node: etree.Element, name: str) -> None:
    node.set("class", " ".join([*(node.get("class") or "").split(), name]))


def mark_adjacent_references(root: etree.Element) -> None:
    """Mark each reference that directly follows another, nothing between them, not even a space
    (FOLLOWS_CLASS, and a comma inside it before its number), and each single-source mark directly
    followed by a reference (BEFORE_REF_CLASS)."""
    for parent in root.iter():
        for before, after in pairwise(parent):
            if before.tag != "sup" or after.tag != "sup" or before.tail or not _is_reference(after):
                continue
            if _is_reference(before):
                _add_class(after, FOLLOWS_CLASS)
                after.text = ","  # text, not a stylesheet's ::before: a pseudo-element is restyled with the page
            elif MARK_CLASS in (before.get("class") or "").split():
                _add_class(before, BEFORE_REF_CLASS)
