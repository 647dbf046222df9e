"""Which words of a text name which glossary entry.

The rules (documented for authors in CONTRIBUTING and tested in tests/test_glossary.py):

- whole words only, longest form first ("Ant Group" wins over "Ant");
- a form with any capital letter matches exactly as written ("Ma" never matches "ma");
  an all-lowercase form also matches with a capital first letter ("capex", "Capex");
- a space in a form matches any run of whitespace, an apostrophe matches ' or ’.

Where in a page mentions are looked for is the extension's business (extension.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from markdown.util import HTML_PLACEHOLDER_RE


class Named(Protocol):
    """What the matcher needs of a glossary entry (records.GlossaryEntry): its id and its forms."""

    id: str

    @property
    def forms(self) -> tuple[str, ...]: ...


_APOSTROPHE = "(?:['’]|\x02wzxhzdk:\\d+\x03)"  # smarty stashes a typographic apostrophe as a placeholder
_CHAR_PATTERNS = {" ": r"\s+", "'": _APOSTROPHE}  # any other character matches itself


def match_variants(form: str) -> tuple[str, ...]:
    """The exact texts a form matches: itself, plus a capitalized variant if it is all lowercase."""
    form = _normalized(form)
    if form == form.lower() and form[:1].isalpha():
        return (form, form[0].upper() + form[1:])
    return (form,)


def _normalized(text: str) -> str:
    """Text as the matcher compares it: one space for any whitespace, ' for any apostrophe."""
    text = HTML_PLACEHOLDER_RE.sub("'", text.replace("’", "'"))
    return " ".join(text.split())


def trie_pattern(words: list[str]) -> str:
    """One regex alternation shaped like a character trie: shared prefixes are tested once."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render(trie)


def _render(node: dict) -> str:
    branches = [
        _CHAR_PATTERNS.get(char, re.escape(char)) + _render(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    # Greedy `?`: the longer form is tried first, the shorter one only if it fails.
    return group + "?" if "" in node else group


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entry_id: str
    form: str  # the form as written in the data file


class TermMatcher:
    """Finds every form of every entry in a text with one compiled regex."""

    def __init__(self, entries: Iterable[Named]):
        self._owner: dict[str, tuple[str, str]] = {}
        for entry in entries:
            for form in entry.forms:
                for variant in match_variants(form):
                    self._owner.setdefault(variant, (entry.id, form))
        trie = trie_pattern(list(self._owner)) if self._owner else "(?!)"
        self._regex = re.compile(rf"(?<!\w)(?:{trie})(?!\w)")

    def finditer(self, text: str) -> Iterator[Match]:
        for found in self._regex.finditer(text):
            entry_id, form = self._owner[_normalized(found.group())]
            yield Match(found.start(), found.end(), entry_id, form)
