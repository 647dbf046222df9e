"""Smartypants only where it can change something: a Python-Markdown extension for speed alone.

Python-Markdown's `smarty` (typographic quotes, dashes and ellipses) tries its fifteen patterns on
every run of text in the page, one Python call each, and the explainer's pages have many short
runs none can match: the line breaks between blocks, footnote numbers and back links, placeholders,
and most sentences. A run without what every pattern needs (`_SMARTY_CAN_MATCH`) is marked
AtomicString just before smarty (which skips such text) and put back as it was just after it,
before the glossary's pass and the table of contents, which read the page as before. The page is
the same with or without this extension (tests/test_typography.py); smarty just does less.

It does nothing unless smarty's patterns are the ones Python-Markdown ships (by their names), so a
site that changes them loses only the saving.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

SMARTY = "smarty"
SMARTY_PRIORITY = 6  # markdown.extensions.smarty
# What smarty's patterns each need: a quote (quotes), -- (dashes), ... (ellipses), << or >> (angled quotes).
_SMARTY_CAN_MATCH = re.compile(r"""['"]|--|\.\.\.|<<|>>""")
_SMARTY_PATTERNS = re.compile(r"smarty-(quotes-\d+|em-dashes|en-dashes|ellipses|left-angle-quotes|right-angle-quotes)")


class SmartyWhereItMattersExtension(Extension):
    """Hides from smarty the runs of text it cannot change, for the length of its pass."""

    def extendMarkdown(self, md: Markdown) -> None:
        hidden: list[tuple[etree.Element, str, str]] = []
        md.treeprocessors.register(_Hide(md, hidden), "explainer-smarty-skip", SMARTY_PRIORITY + 0.5)
        md.treeprocessors.register(_Restore(md, hidden), "explainer-smarty-restore", SMARTY_PRIORITY - 0.1)


makeExtension = SmartyWhereItMattersExtension  # Python-Markdown's entry point for the extension by name


def _known_smarty(md: Markdown) -> bool:
    if SMARTY not in md.treeprocessors:
        return False
    patterns = getattr(md.treeprocessors[SMARTY], "inlinePatterns", None)
    return patterns is not None and all(_SMARTY_PATTERNS.fullmatch(name) for name in patterns._data)


class _Hide(Treeprocessor):
    def __init__(self, md: Markdown, hidden: list[tuple[etree.Element, str, str]]):
        super().__init__(md)
        self.hidden = hidden

    def run(self, root: etree.Element) -> None:
        self.hidden.clear()
        if not _known_smarty(self.md):
            return
        can_match, hidden = _SMARTY_CAN_MATCH.search, self.hidden
        for element in root.iter():  # text, then tail, written out: this runs for every element of every page
            text = element.text
            if text and not isinstance(text, AtomicString) and not can_match(text):
                element.text = AtomicString(text)
                hidden.append((element, "text", text))
            tail = element.tail
            if tail and not isinstance(tail, AtomicString) and not can_match(tail):
                element.tail = AtomicString(tail)
                hidden.append((element, "tail", tail))


class _Restore(_Hide):  # _Hide's list of what it hid, to put back: the same __init__
    def run(self, root: etree.Element) -> None:
        for element, where, text in self.hidden:
            # smarty hands a tail it skipped back as an equal AtomicString: it gets its own text back
            current = getattr(element, where)
            if isinstance(current, AtomicString) and current == text:
                setattr(element, where, text)
        self.hidden.clear()
