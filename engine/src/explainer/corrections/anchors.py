"""Finding a correction's anchor in a page's text, and marking it there.

An anchor is a phrase copied from the page's prose. It matches across any run of whitespace
and any style of quote, whole words only, and never inside code, links, headings, notes or
an earlier correction's mark.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from markdown.util import AtomicString

from ..codeblocks import NOT_PROSE_TAGS
from ..placeholders import masked
from .records import Correction

if TYPE_CHECKING:
    from ..story import CorrectionKind

MARK_PREFIX = "cref:"

# Text inside these is not the page's prose: a mark there would break code, links or headings.
_OPAQUE_CLASSES = {"footnote", "corrections", "corrected-notice"}
_QUOTE_CLASSES = {"'": "['‘’]", "‘": "['‘’]", "’": "['‘’]", '"': '["“”]', "“": '["“”]', "”": '["“”]'}


def mark_id(correction_id: str) -> str:
    """The id of the mark in the text: the spot the Corrections page links to."""
    return f"{MARK_PREFIX}{correction_id}"


def note_id(correction_id: str) -> str:
    """The id of the note in the page's Corrections block: what the mark links to and previews."""
    return f"correction:{correction_id}"


TextSlot = tuple[etree.Element, etree.Element | None, str]  # (element, parent, "text" or "tail")


@cache
def anchor_pattern(anchor: str) -> re.Pattern[str]:
    """The anchor as a regex: any run of whitespace for a space, any quote style, whole words only."""
    words = anchor.split()
    body = r"\s+".join("".join(_QUOTE_CLASSES.get(char, re.escape(char)) for char in word) for word in words)
    start = r"(?<!\w)" if re.match(r"\w", words[0]) else ""
    end = r"(?!\w)" if re.search(r"\w$", words[-1]) else ""
    return re.compile(start + body + end)


def text_slots(element: etree.Element, parent: etree.Element | None = None) -> Iterator[TextSlot]:
    """Every run of the page's prose under `element`, outside code, links, headings and notes."""
    if element.text and not isinstance(element.text, AtomicString):
        yield element, parent, "text"
    for child in element:
        if not _is_opaque(child):
            yield from text_slots(child, element)
        if child.tail:
            yield child, element, "tail"


def _is_opaque(element: etree.Element) -> bool:
    classes = set((element.get("class") or "").split())
    return (
        element.tag in NOT_PROSE_TAGS
        or bool(classes & _OPAQUE_CLASSES)
        or (element.get("id", "").startswith(MARK_PREFIX) and "correction-spot" not in classes)
    )


def count_anchor(root: etree.Element, anchor: str) -> int:
    """How often the anchor occurs in the page's prose."""
    return anchor_counts(root, [anchor])[anchor]


def anchor_counts(root: etree.Element, anchors: list[str]) -> dict[str, int]:
    """How often each anchor occurs in the page's prose (the page walked once for them all)."""
    texts = [getattr(element, where) for element, _, where in text_slots(root)]
    texts = [masked(text) for text in texts]  # issue 21: never in a placeholder (explainer.placeholders)
    return {anchor: sum(len(anchor_pattern(anchor).findall(text)) for text in texts) for anchor in anchors}


def attach_mark(root: etree.Element, correction: Correction, marked: bool = True) -> bool:
    """Wrap the anchor's one occurrence and put the correction mark after it; False if not found.

    A correction of a kind not marked in the text (`marked` false) only wraps the phrase, with the id
    its entries and feeds link to: nothing shows in the text.
    """
    pattern = anchor_pattern(correction.anchor)
    for element, parent, where in text_slots(root):
        text = getattr(element, where)
        if match := pattern.search(masked(text)):  # issue 21: never in a placeholder
            setattr(element, where, text[: match.start()])
            host, position = (element, 0) if where == "text" else (parent, list(parent).index(element) + 1)
            if not marked:
                phrase = etree.Element("span", {"class": "correction-spot", "id": mark_id(correction.id)})
                phrase.text, phrase.tail = match.group(), text[match.end() :]
                host.insert(position, phrase)
                return True
            phrase = etree.Element("span", {"class": "corrected"})
            phrase.text = match.group()
            mark = correction_mark(correction.id, correction.of_kind.style)
            mark.tail = text[match.end() :]
            host.insert(position, phrase)
            host.insert(position + 1, mark)
            return True
    return False


def correction_mark(correction_id: str, style: str = "normal") -> etree.Element:
    """The mark: a footnote-style reference, so its note previews on hover and focus like a source note."""
    classes = "correction-ref" + (f" correction-ref--{style}" if style != "normal" else "")
    mark = etree.Element("sup", {"class": classes, "id": mark_id(correction_id)})
    etree.SubElement(mark, "a", {"class": "footnote-ref", "href": f"#{note_id(correction_id)}"})
    return mark


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
        link.set("aria-label", f"Correction {label}")
        labels[correction_id] = label
    return labels


def reading_places(root: etree.Element) -> dict[str, int]:
    """Each attached correction's place in the page's reading order (1, 2, ...), by id."""
    spots = (node for node in root.iter() if (node.get("id") or "").startswith(MARK_PREFIX))
    return {node.get("id").removeprefix(MARK_PREFIX): place for place, node in enumerate(spots, start=1)}
