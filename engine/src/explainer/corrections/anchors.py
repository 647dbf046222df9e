"""Finding a correction's anchor in a page's text, and marking it there.

An anchor is a phrase copied from the page's prose (explainer.anchors: the one way anchors match). A
correction's anchor is never inside code, links, headings, notes or an earlier correction's mark.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Iterator
from typing import TYPE_CHECKING

from markdown.util import AtomicString

from .. import anchors
from ..anchors import find_anchor, insert_in_slot, mark_position
from .records import Correction

if TYPE_CHECKING:
    from ..story import CorrectionKind

MARK_PREFIX = "cref:"

# Text inside these is not the page's prose: a mark there would break code, links or headings.
_OPAQUE_CLASSES = frozenset({"footnote", "corrections", "corrected-notice"})


def mark_id(correction_id: str) -> str:
    """The id of the mark in the text: the spot the Corrections page links to."""
    return f"{MARK_PREFIX}{correction_id}"


def note_id(correction_id: str) -> str:
    """The id of the note in the page's Corrections block: what the mark links to and previews."""
    return f"correction:{correction_id}"


def _is_opaque(element: etree.Element) -> bool:
    return anchors.not_prose(element, _OPAQUE_CLASSES) or (
        element.get("id", "").startswith(MARK_PREFIX) and "correction-spot" not in (element.get("class") or "").split()
    )


def text_slots(root: etree.Element) -> Iterator[anchors.TextSlot]:
    """Every run of the page's prose under `root`, in order, as the walk reaches it (a tail is prose whatever
    it is: the corrections' rule); a search for the first occurrence stops the walk there."""
    return anchors.prose_slots(root, _is_opaque, atomic_tails=False)


def attach_mark(root: etree.Element, correction: Correction) -> bool:
    """Wrap the anchor's one occurrence and put the correction mark after it (and the punctuation that
    closes it); False if not found.

    A correction of a kind not marked in the text (not `inline`) only wraps the phrase, with the id
    its entries and feeds link to: nothing shows in the text.
    """
    found = find_anchor(text_slots(root), correction.anchor)
    if found is None:
        return False
    slot, match = found
    if not correction.of_kind.inline:
        phrase = etree.Element("span", {"class": "correction-spot", "id": mark_id(correction.id)})
        phrase.text = match.group()
        insert_in_slot(slot, match.start(), [phrase], match.end())
        return True
    element, _, where = slot
    text = getattr(element, where)
    place = mark_position(text, match.end())  # the mark after the punctuation closing the phrase
    phrase = etree.Element("span", {"class": "corrected"})
    phrase.text, phrase.tail = match.group(), text[match.end() : place] or None
    # The mark: a footnote-style reference, so its note previews on hover and focus like a source note.
    style = correction.of_kind.style
    classes = "correction-ref" + (f" correction-ref--{style}" if style != "normal" else "")
    mark = etree.Element("sup", {"class": classes, "id": mark_id(correction.id)})
    etree.SubElement(mark, "a", {"class": "footnote-ref", "href": f"#{note_id(correction.id)}"})
    insert_in_slot(slot, match.start(), [phrase, mark], place)
    return True


def number_marks(root: etree.Element, kinds: dict[str, CorrectionKind]) -> dict[str, str]:
    """Label the marks in reading order, each kind's letters numbered on their own (C1, C2, ... and R1,
    ...; kinds with the same letters share the numbers); return each correction's label. `kinds` gives
    each marked correction's kind, by id."""
    labels: dict[str, str] = {}
    counts: dict[str, int] = {}
    marks = (sup for sup in root.iter("sup") if "correction-ref" in (sup.get("class") or "").split())
    for mark in marks:
        correction_id = mark.get("id").removeprefix(MARK_PREFIX)
        kind = kinds[correction_id]
        counts[kind.mark_letters] = counts.get(kind.mark_letters, 0) + 1
        label = f"{kind.mark_letters}{counts[kind.mark_letters]}"
        link = mark.find("a")
        link.text = AtomicString(label)
        link.set("aria-label", f"{kind.label} {label}")  # "Correction C1", "Our reading R1"
        labels[correction_id] = label
    return labels


def reading_places(root: etree.Element) -> dict[str, int]:
    """Each attached correction's place in the page's reading order (1, 2, ...), by id."""
    spots = (node for node in root.iter() if (node.get("id") or "").startswith(MARK_PREFIX))
    return {node.get("id").removeprefix(MARK_PREFIX): place for place, node in enumerate(spots, start=1)}
