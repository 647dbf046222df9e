"""Python-Markdown's own marks in a page's text, kept out of reach of anything that searches that text, and
put back for what reads it as a reader does (a heading's words, a sentence's figures).

While a page is converted, its element tree's text holds placeholders: `\\x02wzxhzdk:7\\x03` where a
raw HTML block or inline HTML goes back in, `\\x0242\\x03` for a backslash-escaped character,
`\\x02amp\\x03` for an ampersand: the build's internals, not the page's prose. A phrase searched
for in the text (a correction's anchor) must never match in one, or across one: marking it would
cut the placeholder, and Python-Markdown would then silently leave out what it stood for (a whole
block of the page).
"""

from __future__ import annotations

import html
import re

from markdown import Markdown
from markdown.util import ETX, HTML_PLACEHOLDER_RE, STX, AtomicString

_PLACEHOLDER = re.compile(f"{STX}[^{ETX}]*{ETX}")


def masked(text: str) -> str:
    """`text` with every placeholder blanked to NULs of the same length (the text itself if it has none):
    positions stay where they were, and no pattern built from data (which may not hold control characters,
    explainer.yamlfile) can match in it."""
    if STX not in text:
        return text
    return _PLACEHOLDER.sub(lambda found: "\x00" * len(found.group()), text)


def restored(text: str, md: Markdown | None, decode_all: bool = False) -> str:
    """Text of the element tree as a reader reads it: each placeholder of stashed HTML (an entity, an inline
    tag) put back, tags dropped, its character references decoded; in code text (every `&` in it escaped) and
    with `decode_all` (a heading's joined texts), every reference. Without `md`, the text is read as it is."""
    if md is None:
        return text
    decode_all = decode_all or isinstance(text, AtomicString)

    def restore(found: re.Match) -> str:
        raw = md.htmlStash.rawHtmlBlocks[int(found.group(1))]
        tagless = re.sub(r"<[^>]*>", "", raw if isinstance(raw, str) else "")
        return tagless if decode_all else html.unescape(tagless)

    text = HTML_PLACEHOLDER_RE.sub(restore, text)
    return html.unescape(text) if decode_all else text  # else "&copy" with no ";" is what a reader reads
