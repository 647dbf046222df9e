"""Links from generated pages back to the places that cite or mention something.

While pages are converted, every use of an item (a source cited, a glossary entry mentioned, a
correction marked) is recorded here; the generated pages, written once every other page is
converted, list them ("Cited in", "Mentioned in", "Where") in the site's order of pages.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class Backlink:
    """One place in the site that uses an item: a page, the exact spot, and its section."""

    page_url: str
    page_title: str
    anchor: str
    section: str = ""
    by_anchor: bool = False  # one per anchor, not per section: each a separate entry (a Timeline or glossary entry)

    @property
    def label(self) -> str:
        return f"{self.page_title}: {self.section}" if self.section else self.page_title


class BacklinkIndex:
    """Every use of every item in this build, by kind ('source', 'glossary', ...) and id."""

    def __init__(self) -> None:
        # By (kind, id): the first link to each place, a (page, section) or an anchor, in the order of use.
        self._links: dict[tuple[str, str], dict[tuple[str, str, str], Backlink]] = defaultdict(dict)
        self.order: dict[str, int] = {}  # each page's position in the site, by URL (else: the order of use)

    def add(self, kind: str, item_id: str, link: Backlink) -> None:
        """Record a use, once per page section (a dict, so many uses of one item stay linear)."""
        place = (link.page_url, link.section, link.anchor if link.by_anchor else "")
        self._links[(kind, item_id)].setdefault(place, link)

    def links(self, kind: str, item_id: str) -> list[Backlink]:
        """The places that use the item: by page in the site's order, within a page in the order of use."""
        links = self._links.get((kind, item_id), {}).values()
        return sorted(links, key=lambda link: self.order.get(link.page_url, len(self.order)))

    def used_ids(self, kind: str) -> set[str]:
        return {item_id for (link_kind, item_id), links in self._links.items() if link_kind == kind and links}
