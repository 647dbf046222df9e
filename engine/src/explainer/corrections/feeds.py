"""The corrections feeds: every published correction, of every kind, as Atom 1.0 and JSON Feed 1.1, newest first.

Written once every page is converted, so each entry links to the spot its mark was put on; from the
templates explainer/corrections-atom.html and explainer/corrections-json.html of the theme.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .page import ATOM_FEED, JSON_FEED
from .records import Correction, newest_first

if TYPE_CHECKING:
    from ..context import BuildContext


@dataclass(frozen=True)
class FeedEntry:
    """A correction as the feeds publish it: with its page's title and the absolute address of its mark."""

    correction: Correction
    page_title: str
    spot_url: str

    @property
    def title(self) -> str:
        return f"{self.correction.label}: {self.page_title}"

    @property
    def timestamp(self) -> str:
        """RFC 3339 at midnight UTC: feeds need a time, and the day is all a correction records."""
        return f"{self.correction.issued.iso}T00:00:00Z"


def variables(context: BuildContext) -> dict[str, Any]:
    """What both feeds say: the site, every attached correction (newest first) and where it was attached."""
    site = context.site
    absolute = lambda url: site.base_url + url.lstrip("/")  # noqa: E731 - feeds need absolute addresses
    entries = [
        FeedEntry(
            correction, link.page_title, absolute(f"{link.page_url}#{link.anchor}" if link.anchor else link.page_url)
        )
        for correction in newest_first(list(context.corrections.records))
        for link in context.backlinks.links("correction", correction.id)[:1]
    ]
    log = absolute(site.url("corrections.md"))
    return {
        "title": f"Corrections · {site.name}",
        "log": log,
        "atom": absolute(ATOM_FEED),
        "author": site.author or site.name,
        "updated": entries[0].timestamp if entries else "1970-01-01T00:00:00Z",
        "entries": entries,
        "labels": {kind.key: kind.label for kind in context.story.kinds.values()},
        "json_feed": {  # JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written as json.dumps writes it
            "version": "https://jsonfeed.org/version/1.1",
            "title": f"Corrections · {site.name}",
            "home_page_url": log,
            "feed_url": absolute(JSON_FEED),
            "description": "Every correction this site has published, newest first.",
            "language": "en",
            "items": [_json_item(entry, log) for entry in entries],
        },
    }


def _json_item(entry: FeedEntry, log: str) -> dict:
    correction = entry.correction
    return {
        "id": f"{log}#{correction.id}",
        "url": entry.spot_url,
        "title": entry.title,
        "content_text": correction.sentence,
        "date_published": entry.timestamp,
        "tags": [correction.kind],
        "_correction": {
            "id": correction.id,
            "page": correction.page,
            "anchor": correction.anchor,
            "kind": correction.kind,
            "issued": correction.issued.iso,
            "wrong": correction.wrong,
            "correction": correction.correction,
            "sources": list(correction.sources),
        },
    }


def atom_feed(context: BuildContext) -> str:
    """An Atom 1.0 feed (RFC 4287); 'updated' is the latest issue date, not the build time."""
    return context.templates.text("explainer/corrections-atom.html", variables(context), xml=True)


def json_feed(context: BuildContext) -> str:
    """JSON Feed 1.1, byte-for-byte reproducible."""
    return context.templates.text("explainer/corrections-json.html", variables(context), xml=True)
