"""What the audit rule reads in a page's prose: its sentences, the notes that close each, and which
sentences state a figure, a date or a quotation.

Used by the build, which refuses a figure cited only to reports of one origin
(explainer.sources.origins), and by the generic checks of a built site (explainer_checks.site), which
apply the sentence rule (**Needs a note**, below) to the built pages. Plain text in, plain answers out;
a caller reads its own tree (Python-Markdown's during the build, the built HTML in the checks) into `Block`s.

A block is one paragraph or list item of the page's prose, as text in which each mark the build put
in it is one character: a source note (`NOTE`; or `note_mark(i)`, naming the block's i-th note, so a
sentence knows which notes close it) and a single-source mark (`CLAIM`: a claim declared to rest on
one report). The rules, which CONTRIBUTING ("The audit rule") states for authors:

- A sentence ends at `.`, `!`, `?` or `…`, after any closing quotes or brackets and the marks that close
  it (a note right after the full stop belongs to the sentence it ends), before a space. A full stop
  inside an open quotation, after a title (`Mr.`, `Dr.`), `vs.`, `e.g.` or `i.e.`, or before a lower-case
  word after a quotation it closes (`“Why?” he asked`) or a word with a full stop of its own (`U.S.
  regulators`) does not end one; nor, while nothing in the sentence needs a note or has one, does one
  after an initial (`Brian A. Wong`) or before a lower-case word. After a figure or a note, `Series A.`
  and `5%. iQiyi` end a sentence: joined, the figure could borrow the next sentence's note. The reader's
  diff (explainer.reader_diff) splits the text readers read, and an event's summary is counted, by the same
  rules (in a summary, a lower-case word after a stop never continues a sentence).
- **Needs a note**: a sentence with a digit (a figure or a date) or a quotation mark, once the names
  with digits are taken out (a glossary's `Qwen 2.5-Max`, a site's own list). A note anywhere in the
  sentence counts; so does a note citing the story's base report anywhere in the same block.
- **States a figure** (the origin rule): an amount or a count written in digits, `$858 billion`,
  `7.8%`, `18 of the 20`, `88 days`, `2,048 chips`, `30-year`, `$2.8bn`. Not a figure: a date
  (`27 March 2025`, `March 2025`, `2025`, `the 1990s`), an ordinal (`52nd`), a name with digits
  (any word that starts with a letter and holds a digit, `H800`, `Covid-19`, `Qwen3`; a digit with
  letters glued on, `7B`, `5G`; a short decimal after a capitalized word, `Ernie 4.5`; and the names
  given), and numbers written in words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

NOTE = "\x00"  # a source note's mark, when which note it is does not matter
CLAIM = "\x01"  # a single-source mark: a claim declared to rest on one report
_FIRST_NOTE, _LAST_NOTE = 0xE000, 0xF8FE  # note_mark(i): the block's i-th note (Unicode's private use area)
_MARKS = f"{NOTE}{CLAIM}\\ue000-\\uf8fe"

SENTENCE_END = re.compile(rf"[.!?…][”’\"')\]{_MARKS}]*(?=\s+(\S))")
# Words whose full stop never ends a sentence. One that may ("in the U.S. In 2020", "Example Holding Ltd.
# Its") ends one: a sentence split in two asks for a note too many, never one too few.
ABBREVIATIONS = frozenset({"Mr", "Mrs", "Ms", "Dr", "vs", "e.g", "i.e"})
_MARK = re.compile(f"[{_MARKS}]")
_NOTE_MARK = re.compile(f"[{chr(_FIRST_NOTE)}-{chr(_LAST_NOTE)}]")  # every note_mark(i), found by the regex engine
FIGURE_OR_DATE = re.compile(r"\d")
QUOTATION = re.compile(r"[“”\"]")

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAY_AND_MONTH = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\b|\b(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
)
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")
# A year: four digits from 1500 to 2099 standing alone, not an amount ("2,048", "$2019", "2025%", "2000 billion").
_YEAR = re.compile(
    r"(?<![\w$£€¥.,])(?:1[5-9]|20)\d\d(?![\w%]|[.,]\d|\s*(?:per\s?cent|percent|billion|million|trillion|thousand)\b)"
)
# A version after a name: "Ernie 4.5", "Qwen 2.5" (a capitalized word, then a short decimal, then no unit).
_VERSION = re.compile(
    r"\b([A-Z][A-Za-z-]*)\s+\d{1,2}\.\d{1,2}\b(?![.,]?\d|\s*(?:%|per\s?cent|percent|billion|million|trillion|thousand)\b)"
)
_WORD = re.compile(r"[A-Za-z0-9]+(?:[-.,][A-Za-z0-9]+)*")
_AMOUNT_WORD = re.compile(r"\d[\d.,]*(?:bn|m|tn|k|x)|\d[\d.,]*-[A-Za-z].*", re.IGNORECASE)


def note_mark(index: int) -> str:
    """The character that stands for a block's `index`-th note."""
    if index > _LAST_NOTE - _FIRST_NOTE:
        raise ValueError(f"a block with more than {_LAST_NOTE - _FIRST_NOTE + 1} notes")
    return chr(_FIRST_NOTE + index)


def sentences(text: str, loose: bool = True) -> list[str]:
    """The block's sentences, each with the marks that close it. Not `loose` (an event's summary, counted against
    a limit), a stop before a lower-case word (`eBay`) ends a sentence even where nothing needs a note: a sentence
    too few would let a long summary through. What the sentence so far holds (its quotation marks, whether it
    needs or has a note) is kept as it grows, so a long block is read once, not once a stop."""
    found, start, read = [], 0, 0
    opening = closing = straight = 0
    noted, last = False, ""  # `last`: the sentence's word that ends at the stop before, if any
    for end in SENTENCE_END.finditer(text):
        begun, read = read, end.end()
        piece = text[begun:read]
        opening, closing, straight = opening + piece.count("“"), closing + piece.count("”"), straight + piece.count('"')
        noted = noted or needs_a_note(piece) or bool(_MARK.search(piece))
        word = (text[begun : end.start()].rsplit(None, 1) or [last])[-1]  # a stop is followed by a space
        if opening > closing or straight % 2 or _goes_on(word, end, noted, loose):
            last = piece.rsplit(None, 1)[-1]
            continue
        found.append(text[start : end.end()].strip())
        start = end.end()
        opening = closing = straight = 0
        noted, last = False, ""
    found.append(text[start:].strip())
    return [sentence for sentence in found if sentence]


def _goes_on(word: str, end: re.Match[str], noted: bool, loose: bool) -> bool:
    """Whether the sentence goes on past this stop (the rules above), `word` the last before it, `noted` whether the
    sentence needs or has a note."""
    word = word.lstrip("“‘\"'([")
    lower = "a" <= end.group(1) <= "z"
    quoted = QUOTATION.search(end.string, end.start(), end.end())  # the stop ends a quotation: “Why?” he asked.
    dotted = "." in word and not FIGURE_OR_DATE.search(word)  # U.S., a.m.
    if word in ABBREVIATIONS or (lower and (quoted or dotted)):
        return True
    if noted:
        return False  # a sentence too few would let its figure go without a note of its own
    return (lower and loose) or (len(word) == 1 and word.isupper())


def plain(sentence: str) -> str:
    """The sentence as a reader reads it: its marks left out."""
    return _MARK.sub("", sentence)


def without_names(sentence: str, names: Iterable[str]) -> str:
    """The sentence with each name taken out (give the longest first)."""
    for name in names:
        sentence = sentence.replace(name, " ")
    return sentence


def needs_a_note(sentence: str, names: Iterable[str] = ()) -> bool:
    """A sentence with a figure, a date or a quotation (names with digits aside)."""
    sentence = without_names(plain(sentence), names)
    return bool(FIGURE_OR_DATE.search(sentence) or QUOTATION.search(sentence))


def has_figure(sentence: str, names: Iterable[str] = ()) -> bool:
    """A sentence that states an amount or a count in digits (not only dates, ordinals or names with digits)."""
    text = without_names(plain(sentence), names)
    text = _VERSION.sub(r"\1", _ISO_DATE.sub(" ", _DAY_AND_MONTH.sub(" ", text)))
    text = _WORD.sub(_figure_or_blank, text)
    return bool(FIGURE_OR_DATE.search(_YEAR.sub(" ", text)))


def _figure_or_blank(word: re.Match[str]) -> str:
    """A word kept if it may be a figure ('30-year', '$2.8bn', '1,200'), blanked if it is a name or an ordinal."""
    text = word.group()
    if not FIGURE_OR_DATE.search(text) or text.replace(",", "").replace(".", "").isdigit():
        return text
    if text[0].isalpha() or not _AMOUNT_WORD.fullmatch(text):
        return " "  # 'H800', 'Covid-19', '7B', '52nd', '1990s'
    return text


# Blocks and their sentences ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """One sentence of a block: its text (with its marks), the keys of the notes in it, and whether it holds
    a single-source mark."""

    text: str
    notes: tuple[str, ...]
    declared: bool

    @property
    def plain(self) -> str:
        return plain(self.text)


@dataclass(frozen=True)
class Block:
    """A paragraph or list item of the prose: its text with marks, and the key of each note (`note_mark(i)`)."""

    text: str
    notes: tuple[str, ...] = ()
    line: int = 0  # where it starts in the page's source, if known

    def sentences(self) -> list[Sentence]:
        found = []
        for text in sentences(self.text):
            keys = tuple(self.notes[ord(char) - _FIRST_NOTE] for char in _NOTE_MARK.findall(text))
            found.append(Sentence(text, keys, CLAIM in text))
        return found


def unsourced(
    blocks: Iterable[Block], names: Iterable[str] = (), base_notes: frozenset[str] = frozenset()
) -> list[str]:
    """The sentences that need a note and have none (a block citing the base report covers its sentences)."""
    names = list(names)
    return [
        sentence.plain
        for block in blocks
        if base_notes.isdisjoint(block.notes)
        for sentence in block.sentences()
        if needs_a_note(sentence.text, names) and not sentence.notes and NOTE not in sentence.text
    ]


@dataclass(frozen=True)
class OneOrigin:
    """A sentence stating a figure whose notes all cite reports of one origin."""

    block: Block
    sentence: Sentence
    origin: str


def one_origin(
    blocks: Iterable[Block],
    origins: Callable[[str], frozenset[str]],
    names: Iterable[str] = (),
    base_notes: frozenset[str] = frozenset(),
) -> list[OneOrigin]:
    """Sentences stating a figure whose notes' sources are all of one origin, and not declared single-source.

    `origins(key)` is the origins a note cites (a source's; those of the sources a page's own note cites).
    A sentence without a note of its own, in a block citing the base report, rests on the base report.
    """
    names = list(names)
    found = []
    for block in blocks:
        base = tuple(key for key in block.notes if key in base_notes)
        for sentence in block.sentences():
            if sentence.declared:
                continue
            keys = sentence.notes or base
            cited = frozenset().union(*(origins(key) for key in keys)) if keys else frozenset()
            # The origins first: a lookup, where finding a figure is a dozen regular expressions.
            if len(cited) == 1 and has_figure(sentence.text, names):
                found.append(OneOrigin(block, sentence, next(iter(cited))))
    return found
