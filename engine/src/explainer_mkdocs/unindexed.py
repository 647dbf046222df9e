"""What the search index leaves out, kept out of the page's HTML until the search plugin has indexed it.

Material's search plugin parses every page's HTML (`page.content`, in `on_page_context`) into its
index; an element marked `data-search-exclude` is left out of the index, but the plugin parses every
tag inside it all the same, and then removes the `data-search-*` attributes from the page. The engine
marks its own lists that way (the Sources and Glossary pages' backlinks: thousands of tags that add
nothing to a search). In `on_page_content`, after the page is converted, each such element is set
aside and a comment stands in its place; in `on_page_context`, which runs after the search plugin's,
it goes back without the attribute, as the search plugin would have left it. The page and the index
are byte for byte what they were; the plugin just has less HTML to parse.
"""

from __future__ import annotations

import re
import secrets
from functools import cache

_ATTRIBUTE = ' data-search-exclude="'
_OPENING = re.compile(r"<([a-z][a-z0-9]*)\b[^<>]*>")  # an opening tag (the engine's own markup)
# Material's search removes every `data-search-*` attribute of the page once it is indexed.
_SEARCH_ATTRIBUTE = re.compile(r'\s?data-search-\w+="[^"]+"')
# A page may hold any comment its author wrote, so the stand-ins carry a token of this process's that no
# page can know: a comment that looks like one is left as it is, and put_back never reads past `aside`.
_TOKEN = secrets.token_hex(8)
_STAND_IN = "<!--explainer-unindexed-" + _TOKEN + "-{}-->"
_STAND_IN_RE = re.compile(r"<!--explainer-unindexed-" + _TOKEN + r"-(\d+)-->")


def set_aside(html: str) -> tuple[str, list[str]]:
    """`html` with each element marked `data-search-exclude` replaced by a stand-in; and those elements,
    their `data-search-*` attributes removed. An element whose end cannot be found stays where it is."""
    if _ATTRIBUTE not in html:
        return html, []
    kept: list[str] = []
    aside: list[str] = []
    position = searched = 0
    while (at := html.find(_ATTRIBUTE, searched)) >= 0:
        searched = at + len(_ATTRIBUTE)
        opened = _OPENING.match(html, max(html.rfind("<", position, at), position))
        end = _end_of(html, opened.group(1), opened.end()) if opened and opened.end() > at else None
        if end is None:
            continue  # not in an opening tag, or never closed: left as it is
        kept += [html[position : opened.start()], _STAND_IN.format(len(aside))]
        aside.append(_SEARCH_ATTRIBUTE.sub("", html[opened.start() : end]))
        position = searched = end
    kept.append(html[position:])
    return "".join(kept), aside


def put_back(html: str, aside: list[str]) -> str:
    """`html` with each stand-in replaced by the element it stands for."""
    if not aside:
        return html

    def part(found: re.Match[str]) -> str:
        index = int(found.group(1))
        return aside[index] if index < len(aside) else found.group()

    return _STAND_IN_RE.sub(part, html)


def _end_of(html: str, tag: str, start: int) -> int | None:
    """Where the element `tag` opened just before `start` ends (after its end tag); None if it does not."""
    depth = 1
    for found in _tag_pattern(tag).finditer(html, start):
        depth += -1 if found.group(1) else 1
        if depth == 0:
            return found.end()
    return None


@cache
def _tag_pattern(tag: str) -> re.Pattern[str]:
    return re.compile(rf"<(/?){tag}\b[^<>]*>")


def search_enabled(config) -> bool:
    """True if Material's search plugin indexes this build's pages, and so removes the attribute: only
    then is anything set aside."""
    plugin = config.plugins.get("material/search")
    return plugin is not None and bool(plugin.config.get("enabled", True))
