"""Markers: the HTML comments a page writes where the build puts something (`<!-- key-dates -->`).

Python-Markdown stashes raw HTML blocks before it parses a page, and never what is in code, so a
marker is looked for among the stashed blocks: one written inside code stays text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown import Markdown


def find_marker(
    md: Markdown, marker: str, marker_like: re.Pattern, report: Callable[[str, str], None]
) -> tuple[list[int], list[str]]:
    """The stash indexes of `marker` in the page being converted, and the comments that look meant as it.

    Each look-alike (a misspelling `marker_like` matches) and a doubled marker are reported.
    """
    stash = md.htmlStash.rawHtmlBlocks
    comments = [(index, block.strip()) for index, block in enumerate(stash) if isinstance(block, str)]
    variants = [text for _, text in comments if marker_like.match(text) and text != marker]
    for variant in variants:
        report(variant, f"unknown marker '{variant}'; write {marker}")
    found = [index for index, text in comments if text == marker]
    if len(found) > 1:
        report(marker, f"the {marker} marker appears {len(found)} times; keep one")
    return found, variants
