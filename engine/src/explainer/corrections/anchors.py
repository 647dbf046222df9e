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

from markdown.util import AtomicString

from ..codeblocks import NOT_PROSE_TAGS
from ..placeholders import masked
from .records import Correction

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
        or element.get("id", "").startswith(MARK_PREFIX)
    )


def count_anchor(root: etree.Element, anchor: str) -> int:
    """How often the anchor occurs in the page's prose."""
    return anchor_counts(root, [anchor])[anchor]


def anchor_counts(root: etree.Element, anchors: list[str]) -> dict[str, int]:
    """How often each anchor occurs in the page's prose (the page walked once for them all)."""
    texts = [getattr(element, where) for element, _, where in text_slots(root)]
    texts = [masked(text) for text in texts]  # issue 21: never in a placeholder (explainer.placeholders)
    return {anchor: sum(len(anchor_pattern(anchor).findall(text)) for text in texts) for anchor in anchors}


def attach_mark(root: etree.Element, correction: Correction) -> bool:
    """Wrap the anchor's one occurrence and put the correction mark after it; False if not found."""
    pattern = anchor_pattern(correction.anchor)
    for element, parent, where in text_slots(root):
        text = getattr(element, where)
        if match := pattern.search(masked(text)):  # issue 21: never in a placeholder
            setattr(element, where, text[: match.start()])
            phrase = etree.Element("span", {"class": "corrected"})
            phrase.text = match.group()
            mark = correction_mark(correction.id)
            mark.tail = text[match.end() :]
            host, position = (element, 0) if where == "text" else (parent, list(parent).index(element) + 1)
            host.insert(position, phrase)
            host.insert(position + 1, mark)
            return True
    return False


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
