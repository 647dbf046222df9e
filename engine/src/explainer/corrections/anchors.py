"""Finding a correction's anchor in a page's text, and marking it there.

An anchor is a phrase copied from the page's prose (explainer.anchors: how it matches). A
correction's never matches inside code, links, headings, notes or an earlier correction's mark.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Iterator

from markdown.util import AtomicString

from ..anchors import TextSlot, find_anchor, insert_in_slot, not_prose, prose_slots
from ..anchors import anchor_counts as counts_in
from ..anchors import anchor_pattern as anchor_pattern  # how every anchor matches (explainer.anchors)
from .records import Correction

MARK_PREFIX = "cref:"

# Text inside these is not the page's prose: a mark there would break code, links or headings.
_OPAQUE_CLASSES = frozenset({"footnote", "corrections", "corrected-notice"})


def mark_id(correction_id: str) -> str:
    """The id of the mark in the text: the spot the Corrections page links to."""
    return f"{MARK_PREFIX}{correction_id}"


def note_id(correction_id: str) -> str:
    """The id of the note in the page's Corrections block: what the mark links to and previews."""
    return f"correction:{correction_id}"


def text_slots(element: etree.Element, parent: etree.Element | None = None) -> Iterator[TextSlot]:
    """Every run of the page's prose under `element`, outside code, links, headings and notes."""
    return prose_slots(element, _is_opaque, parent, atomic_tails=False)


def _is_opaque(element: etree.Element) -> bool:
    return not_prose(element, _OPAQUE_CLASSES) or element.get("id", "").startswith(MARK_PREFIX)


def count_anchor(root: etree.Element, anchor: str) -> int:
    """How often the anchor occurs in the page's prose."""
    return anchor_counts(root, [anchor])[anchor]


def anchor_counts(root: etree.Element, anchors: list[str]) -> dict[str, int]:
    """How often each anchor occurs in the page's prose (the page walked once for them all)."""
    return counts_in(list(text_slots(root)), anchors)


def attach_mark(root: etree.Element, correction: Correction) -> bool:
    """Wrap the anchor's one occurrence and put the correction mark after it; False if not found."""
    found = find_anchor(text_slots(root), correction.anchor)
    if found is None:
        return False
    slot, match = found
    phrase = etree.Element("span", {"class": "corrected"})
    phrase.text = match.group()
    insert_in_slot(slot, match.start(), [phrase, correction_mark(correction.id)], match.end())
    return True


def correction_mark(correction_id: str) -> etree.Element:
    """The mark: a footnote-style reference, so its note previews on hover and focus like a source note."""
    mark = etree.Element("sup", {"class": "correction-ref", "id": mark_id(correction_id)})
    etree.SubElement(mark, "a", {"class": "footnote-ref", "href": f"#{note_id(correction_id)}"})
    return mark


def number_marks(root: etree.Element) -> dict[str, str]:
    """Label the marks C1, C2, ... in reading order; return each correction's label."""
    labels = {}
    marks = (sup for sup in root.iter("sup") if sup.get("class") == "correction-ref")
    for number, mark in enumerate(marks, start=1):
        label = f"C{number}"
        link = mark.find("a")
        link.text = AtomicString(label)
        link.set("aria-label", f"Correction {label}")
        labels[mark.get("id").removeprefix(MARK_PREFIX)] = label
    return labels
