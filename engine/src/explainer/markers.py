"""Markers: the HTML comments a page writes where the build puts something (`<!-- key-dates -->`).

Python-Markdown stashes raw HTML blocks before it parses a page, and never what is in code, so a
marker is looked for among the stashed blocks: one written inside code stays text. Where the
marker was, the parsed page has a paragraph holding its placeholder: the block goes there.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Markdown


def find_markers(
    md: Markdown, marker: re.Pattern, marker_like: re.Pattern, unknown: Callable[[str], None]
) -> list[tuple[str, re.Match]]:
    """Each stashed comment of the page being converted that `marker` matches, as (the placeholder its paragraph
    holds, the match), in page order; `unknown` is called with each that only looks meant as one (`marker_like`)."""
    found = []
    for index, block in enumerate(md.htmlStash.rawHtmlBlocks):
        text = block.strip() if isinstance(block, str) else ""
        if match := marker.fullmatch(text):
            found.append((md.htmlStash.get_placeholder(index), match))
        elif marker_like.match(text):
            unknown(text)
    return found


def find_marker(
    md: Markdown, marker: str, marker_like: re.Pattern, report: Callable[[str, str], None]
) -> tuple[str, list[str]]:
    """The placeholder of `marker` in the page being converted ('' if none), and the comments that look meant as it.

    Each look-alike (a misspelling `marker_like` matches) and a doubled marker are reported.
    """
    variants: list[str] = []
    found = [spot for spot, _ in find_markers(md, re.compile(re.escape(marker)), marker_like, variants.append)]
    for variant in variants:
        report(variant, f"unknown marker '{variant}'; write {marker}")
    if len(found) > 1:
        report(marker, f"the {marker} marker appears {len(found)} times; keep one")
    return (found[0] if found else ""), variants


def put_at_markers(root: etree.Element, blocks: dict[str, Callable[[], etree.Element]]) -> None:
    """Put each block where its marker was: `blocks` by the placeholder the marker's paragraph holds."""
    if not blocks:
        return
    for parent in root.iter():
        for position, paragraph in enumerate(parent):
            make = blocks.get(paragraph.text) if paragraph.tag == "p" and len(paragraph) == 0 else None
            if make is not None:
                block = make()
                block.tail = paragraph.tail
                parent[position] = block
