"""Anchors: a phrase copied from a page's prose, by which data points at an exact spot of the page.

Corrections (data/corrections.yml) and single-source claims (data/sources.yml) name a page and an
anchor; the build finds the anchor in the page's prose and puts a mark after it. An anchor matches
across any run of whitespace and any style of quote, whole words only, and only in the page's own
prose: never inside code, links, headings, notes or what the build added (each user says what else
is not prose for it: `opaque`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable, Iterator
from functools import cache

from markdown.util import AtomicString

from .codeblocks import NOT_PROSE_TAGS
from .placeholders import masked

_QUOTE_CLASSES = {"'": "['‘’]", "‘": "['‘’]", "’": "['‘’]", '"': '["“”]', "“": '["“”]', "”": '["“”]'}

_APART = "\n\x00\n"  # between two slots' texts when they are searched as one
TextSlot = tuple[etree.Element, etree.Element | None, str]  # (element, parent, "text" or "tail")
Opaque = Callable[[etree.Element], bool]  # True for an element whose text is not prose


@cache
def anchor_pattern(anchor: str) -> re.Pattern[str]:
    """The anchor as a regex: any run of whitespace for a space, any quote style, whole words only."""
    words = anchor.split()
    body = r"\s+".join("".join(_QUOTE_CLASSES.get(char, re.escape(char)) for char in word) for word in words)
    start = r"(?<!\w)" if re.match(r"\w", words[0]) else ""
    end = r"(?!\w)" if re.search(r"\w$", words[-1]) else ""
    return re.compile(start + body + end)


def not_prose(element: etree.Element, classes: set[str] | frozenset[str] = frozenset()) -> bool:
    """Code, links, headings and abbreviations, or an element with one of `classes`."""
    return element.tag in NOT_PROSE_TAGS or not classes.isdisjoint((element.get("class") or "").split())


def prose_slots(
    element: etree.Element, opaque: Opaque, parent: etree.Element | None = None, atomic_tails: bool = True
) -> Iterator[TextSlot]:
    """Every run of prose under `element`: texts and tails outside the elements `opaque` says are not prose.

    Text the build made final (an AtomicString: code, what data wrote into a chart) is not prose;
    with `atomic_tails` false a tail is prose whatever it is (the corrections' rule, kept as it was).
    """
    if element.text and not isinstance(element.text, AtomicString):
        yield element, parent, "text"
    for child in element:
        if not opaque(child):
            yield from prose_slots(child, opaque, element, atomic_tails)
        if child.tail and (not atomic_tails or not isinstance(child.tail, AtomicString)):
            yield child, element, "tail"


def anchor_counts(slots: Iterable[TextSlot], anchors: list[str]) -> dict[str, int]:
    """How often each anchor occurs in the texts of `slots` (the page walked once for them all)."""
    # One search per anchor over all the texts, kept apart by a character no anchor matches across (a
    # control character is neither a word's letter nor the whitespace between an anchor's words).
    text = _APART.join(masked(getattr(element, where)) for element, _, where in slots)  # never in a placeholder
    return {anchor: len(anchor_pattern(anchor).findall(text)) for anchor in anchors}


def find_anchor(slots: Iterator[TextSlot], anchor: str) -> tuple[TextSlot, re.Match[str]] | None:
    """The slot of the anchor's first occurrence and the match in its text (None if it does not occur)."""
    pattern = anchor_pattern(anchor)
    for slot in slots:
        element, _, where = slot
        if match := pattern.search(masked(getattr(element, where))):  # never in a placeholder (issue 21)
            return slot, match
    return None


# Closing punctuation a note's mark goes after ("billion,¹" not "billion¹,"), as newspapers and Chicago
# style set note numbers: only a run that ends the word (a space or the end of the text follows), so
# "the company’s" keeps its apostrophe.
_CLOSING_PUNCTUATION = re.compile(r"[.,;:!?)\]”’\"']+(?=\s|$)")


def mark_position(text: str, end: int) -> int:
    """Where a mark for an anchor ending at `end` goes: after the closing punctuation that follows it."""
    found = _CLOSING_PUNCTUATION.match(text, end)
    return found.end() if found else end


def insert_in_slot(slot: TextSlot, cut: int, nodes: list[etree.Element], resume: int) -> None:
    """Keep the slot's text up to `cut`, put `nodes` there, and the text from `resume` after the last one."""
    element, parent, where = slot
    text = getattr(element, where)
    setattr(element, where, text[:cut])
    nodes[-1].tail = text[resume:]
    host, position = (element, 0) if where == "text" else (parent, list(parent).index(element) + 1)
    for offset, node in enumerate(nodes):
        host.insert(position + offset, node)
