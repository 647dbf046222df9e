"""Split a paragraph of rendered text into sentences, so a diff can say which sentence changed."""

from __future__ import annotations

import re

# A sentence ends at . ! ? or … (with any closing quotes or brackets), before a space and
# something that can start a sentence: a capital, a digit or an opening quote or bracket.
SENTENCE_END = re.compile(r"[.!?…][”’\"')\]]*(?=\s+[“‘\"'(\[]?[A-Z0-9])")
# Words whose full stop does not end a sentence ("Mr. Ma", "U.S. regulators"), and initials ("Brian A. Wong").
ABBREVIATIONS = frozenset({"Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Inc", "Co", "Corp", "Ltd", "vs"})
LAST_WORD = re.compile(r"(\S+)$")


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, whitespace collapsed; a text with no sentence end is one sentence."""
    text = " ".join(text.split())
    sentences: list[str] = []
    start = 0
    for end in SENTENCE_END.finditer(text):
        if _is_abbreviation(text[start : end.start()]):
            continue
        sentences.append(text[start : end.end()].strip())
        start = end.end()
    sentences.append(text[start:].strip())
    return [sentence for sentence in sentences if sentence]


def _is_abbreviation(before_stop: str) -> bool:
    last = LAST_WORD.search(before_stop)
    if not last:
        return False
    word = last.group(1).lstrip("“‘\"'([")
    return word in ABBREVIATIONS or "." in word or (len(word) == 1 and word.isupper())
