"""What Python-Markdown treats as code, for every scanner of page text.

The scanners that change a page (source notes, the key-dates marker, event links, correction anchors)
act on Python-Markdown's own decisions: its element tree, where code is a <code> or <pre> element whose
text is an AtomicString (explainer.anchors walks it), or its store of raw HTML blocks, which holds nothing
from code. `without_code` answers the same for source lines, only to point a message at the right line:
it blanks fenced blocks, indented code blocks (four spaces after a blank line, outside a list,
admonition or footnote) and code spans, keeping every line where it was. `NOT_PROSE_TAGS` adds what is
no place for an annotation though not code: headings, links and abbreviations (glossary mentions and
correction marks skip them).
"""

from __future__ import annotations

import re

from markdown.util import BLOCK_LEVEL_ELEMENTS

CODE_TAGS = frozenset({"code", "pre", "kbd", "samp", "script", "style"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
NOT_PROSE_TAGS = CODE_TAGS | HEADING_TAGS | {"a", "abbr"}

# superfences opens a fence at any indentation (in a list item, under a paragraph's line, in raw HTML);
# only an indented code block's own lines are its text.
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
# A raw HTML block (a block-level tag starting a line, no `markdown` attribute): kept as written to its end tag.
_RAW_HTML = re.compile(rf"^ {{0,3}}<({'|'.join(BLOCK_LEVEL_ELEMENTS)})\b(?![^>]*\bmarkdown\b)", re.IGNORECASE)
# Lines whose indented continuation is their content, not code (Python-Markdown's list, admonition,
# details and footnote processors take those blocks first).
_CONTAINER = re.compile(r"^ {0,3}(?:[*+-][ \t]|\d+\.[ \t]|!!!|\?\?\?|\[\^[^\]]+\]:)")
_BACKTICKS = re.compile(r"(?<!\\)`+")


def without_code(markdown_text: str) -> str:
    """The text with code blocks and code spans blanked out, keeping every line where it was, in one pass: a
    message about a `[^key]` or `event:id` further down must not point at an example of it in code."""
    blanked = []
    fence = ""  # the fence that opened the block we are in
    indented_code = 0  # in an indented code block: the indent that continues it (deeper in a list item)
    after_blank = True  # the start of the page counts as after a blank line
    in_container = False  # the last block is a list item, admonition or footnote
    raw_tag, raw_depth = "", 0  # the raw HTML block we are in: no indented code there
    for line in markdown_text.split("\n"):
        blank = not line.strip()
        expanded = line.expandtabs(4)  # a tab reaches the next multiple of four columns, as in Python-Markdown
        indent = len(expanded) - len(expanded.lstrip(" "))
        if fence or (indented_code and (blank or indent >= indented_code)):
            if fence and line.lstrip().startswith(fence):
                fence = ""
            blanked.append(" " * len(line))
            continue
        indented_code = 0
        code_indent = not raw_tag and not blank and after_blank and indent >= (8 if in_container else 4)
        opening = _FENCE.match(line) if in_container or not code_indent else None
        if opening or code_indent:
            fence = opening.group(1) if opening else ""
            indented_code = 0 if opening else (8 if in_container else 4)
            blanked.append(" " * len(line))
            after_blank = False
            continue
        if raw_tag or (raw := _RAW_HTML.match(line)):
            raw_tag = raw_tag or raw.group(1)
            opened = len(re.findall(rf"<{raw_tag}\b", line, re.I))
            raw_depth += opened - len(re.findall(rf"</{raw_tag}\s*>", line, re.I))
            if raw_depth <= 0:
                raw_tag, raw_depth = "", 0
        elif not blank and indent < 4 and (after_blank or _CONTAINER.match(line)):
            in_container = bool(_CONTAINER.match(line))
        blanked.append(_without_code_spans(line))
        after_blank = blank
    return "\n".join(blanked)


def _without_code_spans(line: str) -> str:
    """The line with `code spans` blanked: a run of backticks closes at the next run of the same length,
    found in a table built right to left (linear: no rescanning)."""
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(line)]
    next_same: list[int | None] = [None] * len(runs)
    last_of_length: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        next_same[index] = last_of_length.get(length)
        last_of_length[length] = index
    pieces, kept_until, index = [], 0, 0
    while index < len(runs):
        closing = next_same[index]
        if closing is None:
            index += 1
            continue
        start, end = runs[index][0], runs[closing][1]
        pieces += [line[kept_until:start], " " * (end - start)]
        kept_until, index = end, closing + 1
    return "".join(pieces) + line[kept_until:]
