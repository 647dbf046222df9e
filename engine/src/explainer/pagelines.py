"""Where a problem is on its page, found in time proportional to the page however many problems it has.

A problem is located at the first line holding a `needle` (the citation, the link, the marker as
written) outside code. Blanking the code (explainer.codeblocks.without_code) is a pass over the page
in Python: done again for every problem, one page of a thousand repeated mistakes took minutes.
`PageLines` makes that pass once per page, finds a line by binary search in a table of line starts
(not by counting newlines from the top), and remembers each needle's line: a mistake repeated a
thousand times is looked for once.

Distinct needles are each looked for with `str.find` (in C), quick for the handful a page normally
has. Past `INDEX_AFTER` of them (a thousand unknown citations, each to a different id, would each be a
search of the page), the page's tokens are indexed once (citations `[^key]`, parenthesized targets
`(url)`, reference definitions `]: url`, and words) and a needle that is a token is found in the
index; any other is still searched for, within a budget of a few passes over the page, past which it
is put at line 1 (the page's problems are reported all the same).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property
from typing import Any

from .codeblocks import without_code

INDEX_AFTER = 64  # distinct needles looked for with str.find before the page's tokens are indexed
SEARCH_BUDGET_PASSES = 16  # past the index, characters searched at most this many times the page's length
_TOKENS = (
    re.compile(r"\[\^[^\]\s]+\]"),  # a citation [^key]
    re.compile(r"\([^()\s]*\)"),  # a link target as written (url), (event:id)
    re.compile(r"\([^()\s]*[ ]"),  # a link target followed by its title: (url "title")
    re.compile(r"\]: \S+"),  # a reference definition [ref]: url
    re.compile(r"[^\s()\[\]<>\"'`]+"),  # a word: glossary:id, a bare address
)
_CACHE_ATTRIBUTE = "_explainer_page_lines"


class PageLines:
    """The lines of one page's text, for locating many needles in it."""

    def __init__(self, source_text: str):
        self.source_text = source_text
        self._found: dict[str, int] = {}  # needle -> position (-1: absent)
        self._budget = SEARCH_BUDGET_PASSES * len(source_text) + 2**20

    @cached_property
    def prose(self) -> str:
        """The text with code blanked (same length, same lines), made on first use."""
        return without_code(self.source_text)

    def line_of(self, needle: str) -> int:
        """The 1-based line of the first occurrence of `needle` outside code, else anywhere; 1 if absent."""
        position = self.position(needle)
        return bisect_right(self._line_starts, position) if position >= 0 else 1

    def first_present(self, forms: tuple[str, ...]) -> str:
        """The first of `forms` that the page holds (the last one if none is found)."""
        return next((form for form in forms[:-1] if self.position(form) >= 0), forms[-1])

    def position(self, needle: str) -> int:
        """Where `needle` first occurs outside code, else anywhere in the page; -1 if it does not."""
        if (position := self._found.get(needle)) is not None:
            return position
        if not needle:
            position = -1
        elif len(self._found) >= INDEX_AFTER and (indexed := self._tokens.get(needle)) is not None:
            position = indexed
        else:
            position = self._search(self.prose, needle)
            if position < 0:
                position = self._search(self.source_text, needle)
        self._found[needle] = position
        return position

    def _search(self, text: str, needle: str) -> int:
        if len(self._found) >= INDEX_AFTER and self._budget <= 0:
            return -1
        position = text.find(needle)
        self._budget -= len(text) if position < 0 else position + len(needle)
        return position

    @cached_property
    def _tokens(self) -> dict[str, int]:
        """Each token's first position outside code."""
        index: dict[str, int] = {}
        for pattern in _TOKENS:
            for match in pattern.finditer(self.prose):
                index.setdefault(match.group(), match.start())
        return index

    @cached_property
    def _line_starts(self) -> list[int]:
        text, starts, index = self.source_text, [0], self.source_text.find("\n")
        while index >= 0:
            starts.append(index + 1)
            index = text.find("\n", index + 1)
        return starts


def page_lines(page: Any) -> PageLines:
    """The `PageLines` of a page being converted (explainer.context.PageInfo), made once per page."""
    lines = page.__dict__.get(_CACHE_ATTRIBUTE)
    if lines is None or lines.source_text is not page.source_text:
        lines = page.__dict__[_CACHE_ATTRIBUTE] = PageLines(page.source_text)
    return lines
