"""Links from generated pages back to the places that cite or mention something.

Generated pages (Sources, Glossary, ...) are written before the story pages are
converted, so they hold placeholders; once every page is converted the placeholders
are replaced with the list of places that used each item.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import dataclass

from .urls import relative_url

# Only ever matches the markers this module writes (see `placeholder`).
_PLACEHOLDER = re.compile(r"<!-- backlinks (\S+) (\S+) -->")


@dataclass(frozen=True)
class Backlink:
    """One place in the site that uses an item: a page, the exact spot, and its section."""

    page_url: str
    page_title: str
    anchor: str
    section: str = ""

    @property
    def label(self) -> str:
        return f"{self.page_title}: {self.section}" if self.section else self.page_title


class BacklinkIndex:
    """Every use of every item in this build, by kind ('source', 'glossary', ...) and id."""

    def __init__(self) -> None:
        self._links: dict[tuple[str, str], list[Backlink]] = defaultdict(list)
        self._places: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)  # (page, section) seen

    def add(self, kind: str, item_id: str, link: Backlink) -> None:
        """Record a use, once per page section (a set, so many uses of one item stay linear)."""
        place = (link.page_url, link.section)
        if place not in self._places[(kind, item_id)]:
            self._places[(kind, item_id)].add(place)
            self._links[(kind, item_id)].append(link)

    def links(self, kind: str, item_id: str) -> list[Backlink]:
        return list(self._links.get((kind, item_id), ()))

    def used_ids(self, kind: str) -> set[str]:
        return {item_id for (link_kind, item_id), links in self._links.items() if link_kind == kind and links}

    def fill(self, page_html: str, from_url: str) -> str:
        """Replace every placeholder in a generated page with its list of links."""
        return _PLACEHOLDER.sub(lambda match: self.render(*match.groups(), from_url), page_html)

    def render(self, kind: str, item_id: str, from_url: str) -> str:
        links = self.links(kind, item_id)
        if not links:
            return '<span class="backlinks backlinks--none">Not used on any page yet.</span>'
        items = "".join(
            f'<li><a href="{html.escape(relative_url(link.page_url + "#" + link.anchor, from_url))}">'
            f"{html.escape(link.label)}</a></li>"
            for link in links
        )
        return f'<ul class="backlinks">{items}</ul>'


def placeholder(kind: str, item_id: str) -> str:
    """The marker a generated page holds until its backlinks are known."""
    return f"<!-- backlinks {kind} {item_id} -->"
