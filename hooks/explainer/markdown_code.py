"""What in a page is code (or otherwise not running text), for every scanner of pages.

Two views of one rule. In the Markdown source, before Python-Markdown parses it: fenced code
blocks (``` and ~~~, as pymdownx.superfences reads them) and code spans. In the converted
page, as an element tree: the tags that hold code, and the headings and links whose text is
not the page's prose. A `[^key]` or `event:id` shown in code is an example, not a use, and a
glossary term or a correction's anchor inside code or a link is never marked.
"""

from __future__ import annotations

import re

# In the Markdown source -----------------------------------------------------------------------

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def without_code(markdown_text: str) -> str:
    """The text with fenced code blocks and code spans blanked out, keeping every line where it was.

    A page may show `[^key]` or `event:id` as an example in code; a message about the real use
    further down must not point at the example.
    """
    blanked, fence = [], ""
    for line in markdown_text.split("\n"):
        opening = FENCE.match(line)
        if fence or opening:
            if fence and line.lstrip(" ").startswith(fence):
                fence = ""
            elif not fence:
                fence = opening.group(1)
            blanked.append(" " * len(line))
        else:
            blanked.append(CODE_SPAN.sub(lambda span: " " * len(span.group()), line))
    return "\n".join(blanked)


def without_code_spans(line: str) -> str:
    """One line of Markdown with its code spans removed."""
    return CODE_SPAN.sub("", line)


# In the converted page (Python-Markdown's element tree) ---------------------------------------------

CODE_TAGS = frozenset({"code", "pre", "kbd", "samp", "script", "style"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Text under these is not the page's prose: code, headings, links, and abbreviations (whose
# title is already an annotation).
NOT_PROSE_TAGS = CODE_TAGS | HEADING_TAGS | {"a", "abbr"}
