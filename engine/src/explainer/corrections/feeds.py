"""The corrections feeds: every published correction as Atom 1.0 and JSON Feed 1.1, newest first."""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..dates import PartialDate
from ..pages import CORRECTIONS_ATOM_FEED, CORRECTIONS_JSON_FEED
from .records import KIND_LABELS, Correction, newest_first

if TYPE_CHECKING:
    from ..context import BuildContext

ATOM_NS = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class FeedEntry:
    """A correction as the feeds publish it: with its page's title and the absolute address of its mark."""

    correction: Correction
    page_title: str
    spot_url: str

    @property
    def title(self) -> str:
        return f"{self.correction.label}: {self.page_title}"


@dataclass(frozen=True)
class FeedSite:
    """What the feeds say about the site: its name and the absolute addresses they point at."""

    name: str
    base_url: str  # ends with '/'
    log_url: str  # e.g. 'corrections/'
    author: str = ""

    def absolute(self, url: str) -> str:
        return self.base_url + url.lstrip("/")


def json_feed(entries: list[FeedEntry], site: FeedSite) -> str:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1), newest first, byte-for-byte reproducible."""
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"Corrections · {site.name}",
        "home_page_url": site.absolute(site.log_url),
        "feed_url": site.absolute(CORRECTIONS_JSON_FEED),
        "description": "Every correction this site has published, newest first.",
        "language": "en",
        "items": [_json_item(entry, site) for entry in entries],
    }
    return json.dumps(feed, indent=2, ensure_ascii=False) + "\n"


def _json_item(entry: FeedEntry, site: FeedSite) -> dict:
    correction = entry.correction
    return {
        "id": site.absolute(f"{site.log_url}#{correction.id}"),
        "url": entry.spot_url,
        "title": entry.title,
        "content_text": correction.sentence,
        "date_published": _timestamp(correction.issued),
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


def atom_feed(entries: list[FeedEntry], site: FeedSite) -> str:
    """An Atom 1.0 feed (RFC 4287), newest first; 'updated' is the latest issue date, not the build time."""
    feed = etree.Element("feed", {"xmlns": ATOM_NS, "xml:lang": "en"})
    _atom_text(feed, "id", site.absolute(site.log_url))
    _atom_text(feed, "title", f"Corrections · {site.name}")
    _atom_text(feed, "updated", _timestamp(entries[0].correction.issued) if entries else "1970-01-01T00:00:00Z")
    _atom_link(feed, site.absolute(CORRECTIONS_ATOM_FEED), "self", "application/atom+xml")
    _atom_link(feed, site.absolute(site.log_url), "alternate", "text/html")
    _atom_text(etree.SubElement(feed, "author"), "name", site.author or site.name)
    for entry in entries:
        feed.append(_atom_entry(entry, site))
    etree.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + etree.tostring(feed, encoding="unicode") + "\n"


def _atom_entry(entry: FeedEntry, site: FeedSite) -> etree.Element:
    correction = entry.correction
    element = etree.Element("entry")
    _atom_text(element, "id", site.absolute(f"{site.log_url}#{correction.id}"))
    _atom_text(element, "title", entry.title)
    _atom_text(element, "published", _timestamp(correction.issued))
    _atom_text(element, "updated", _timestamp(correction.issued))
    _atom_link(element, entry.spot_url, "alternate", "text/html")
    etree.SubElement(element, "category", {"term": correction.kind, "label": KIND_LABELS[correction.kind]})
    _atom_text(element, "summary", correction.sentence).set("type", "text")
    return element


def _atom_text(parent: etree.Element, tag: str, text: str) -> etree.Element:
    element = etree.SubElement(parent, tag)
    element.text = text
    return element


def _atom_link(parent: etree.Element, href: str, rel: str, media_type: str) -> None:
    etree.SubElement(parent, "link", {"href": href, "rel": rel, "type": media_type})


def _timestamp(date: PartialDate) -> str:
    """RFC 3339 at midnight UTC: feeds need a time, and the day is all a correction records."""
    return f"{date.iso}T00:00:00Z"


def feed_entries(context: BuildContext, site: FeedSite) -> list[FeedEntry]:
    """Every attached correction, newest first, with where it was attached (known once pages are converted)."""
    entries = []
    for correction in newest_first(list(context.corrections.records)):
        for link in context.backlinks.links("correction", correction.id)[:1]:
            spot = site.absolute(f"{link.page_url}#{link.anchor}")
            entries.append(FeedEntry(correction, link.page_title, spot))
    return entries
