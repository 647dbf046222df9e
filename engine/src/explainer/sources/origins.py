"""The origin rule, as the build applies it to each story page: a sentence that states a figure and whose
notes all cite reports of one origin is refused, unless a claim in it is declared single-source.

The page is read into blocks of prose (explainer.claims: the rules; the reading here, prose_blocks and
read_block, is the generic checks' of a built site too) from Python-Markdown's tree, once the notes, the
corrections' marks and the single-source marks are in it. A report's origin is whose story it is: its
`origin`, else its publisher; a company's own statements, however they are published, are one origin (the
company).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable, Mapping
from urllib.parse import unquote

from markdown import Markdown

from ..claims import CLAIM, Block, OneOrigin, note_mark, one_origin
from ..codeblocks import without_code
from ..errors import Problem
from ..placeholders import restored
from .annotations import MARK_CLASS
from .records import SPEC, Source

_NOTE_HREF = re.compile(r"#fn[:-](.+)$")
_BLOCKS = frozenset({"p", "ul", "ol", "li"})  # blocks within a list item: each starts a line of its own


def prose_blocks(root: etree.Element) -> list[etree.Element]:
    """The page's own paragraphs and list items: the top-level <p>s and the items of top-level lists, without a
    class (what the build adds around them, Key dates, notes, corrections, carries one or is nested)."""
    blocks = []
    for node in root:
        if node.get("class"):
            continue
        if node.tag == "p":
            blocks.append(node)
        elif node.tag in ("ul", "ol"):
            blocks += [item for item in node if item.tag == "li"]
    return blocks


def read_block(node: etree.Element, md: Markdown | None = None) -> Block:
    """A block's text with its marks (explainer.claims), the key of each note, as a reader reads it: a nested
    list's items are read as part of their item, correction marks left out. The generic checks of a built site
    read its pages with it too (explainer_checks.site)."""
    notes: list[str] = []
    parts: list[str] = []

    def walk(element: etree.Element) -> None:
        if element.text:
            parts.append(restored(element.text, md))
        for each in element:
            classes = (each.get("class") or "").split()
            if each.tag == "sup" and (each.get("id") or "").startswith("fnref"):
                link = each.find(".//a[@href]")
                found = _NOTE_HREF.search(unquote(link.get("href"))) if link is not None else None
                parts.append(note_mark(len(notes)))
                notes.append(found.group(1) if found else "")
            elif each.tag == "sup" and MARK_CLASS in classes:
                parts.append(CLAIM)
            elif not (each.tag == "sup" and "correction-ref" in classes):
                if each.tag in _BLOCKS and parts and not parts[-1][-1:].isspace():
                    parts.append("\n")  # Python-Markdown puts the newline between blocks in when it writes the page
                walk(each)
            if each.tail:
                parts.append(restored(each.tail, md))

    walk(node)
    return Block("".join(parts), tuple(notes))


def note_origins(root: etree.Element, sources: Mapping[str, Source]) -> dict[str, frozenset[str]]:
    """By note key, the origins it cites: a source note its source's; a note the page writes itself, those of the
    sources its own text cites."""
    found: dict[str, frozenset[str]] = {}
    for notes in (div for div in root.iter("div") if div.get("class") == "footnote"):
        for item in notes.iter("li"):
            named = _NOTE_HREF.search("#" + (item.get("id") or ""))
            if named is None:
                continue
            key = named.group(1)
            if key in sources:
                found[key] = frozenset({sources[key].voice})  # whose story it is (Source.voice)
            else:
                cited = (_NOTE_HREF.search(a.get("href", "")) for a in item.iter("a"))
                found[key] = frozenset(sources[m.group(1)].voice for m in cited if m and m.group(1) in sources)
    return found


def one_origin_problems(
    root: etree.Element,
    sources: Mapping[str, Source],
    page_label: str,
    source_text: str,
    names: Iterable[str] = (),
    base_notes: frozenset[str] = frozenset(),
    md: Markdown | None = None,
) -> list[Problem]:
    """A problem for each sentence of the page that states a figure cited only to reports of one origin."""
    origins = note_origins(root, sources)
    blocks = [read_block(node, md) for node in prose_blocks(root)]
    found = one_origin(blocks, lambda key: origins.get(key, frozenset()), names, base_notes)
    if not found:
        return []  # the page's source without its code is only needed to place a problem
    text = without_code(source_text)
    return [Problem(page_label, line_of_sentence(text, each.sentence.plain), message(each)) for each in found]


def message(found: OneOrigin) -> str:
    sentence = " ".join(found.sentence.plain.split())
    quoted = sentence if len(sentence) <= 90 else sentence[:87].rstrip() + "…"
    return (
        f'the figure in "{quoted}" is cited only to {found.origin}: add a second report of another origin, '
        f"or declare it single-source in {SPEC.path} (single_source: claim, page, anchor)"
    )


_MARKUP = re.compile(r"\[\^[^\]]+\]|[*_`]|\]\([^)]*\)|\[")


def line_of_sentence(source_text: str, sentence: str) -> int:
    """The line of the page's source where the sentence starts (links, notes and emphasis aside), else 1."""
    lines = [_MARKUP.sub("", line) for line in source_text.split("\n")]
    words = sentence.split()
    for size in (8, 5, 3):
        for start in range(0, max(1, len(words) - size + 1)):
            needle = " ".join(words[start : start + size])  # "" (no words) is found on line 1
            for number, line in enumerate(lines, start=1):
                if needle in " ".join(line.split()):
                    return number
    return 1
