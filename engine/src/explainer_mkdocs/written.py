"""What each page written by hand writes as HTML, listed for the reader's diff when it asks.

The reader's diff (explainer.reader_diff) shows a reviewer every raw HTML fragment and attribute list
a pull request adds to a page. It builds each side with `mkdocs build` and names a file in the
environment (explainer.pagehtml.WRITTEN_HTML_FILE); the build then lists what each page wrote as
MkDocs converts it (explainer.pagehtml.WrittenHtmlListing) and writes the listing there, as JSON by
the page's path in the repository, once the site is built. So MkDocs itself says which pages there
are, where their front matter ends and which extensions convert them. Without the variable nothing
is listed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from markdown import Extension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from explainer.pagehtml import WRITTEN_HTML_FILE, WrittenHtmlListing

from .site import docs_label

_LISTING = "_explainer_written_html"  # (the listing extension, what each page wrote so far)


def listing_extensions(config: MkDocsConfig) -> list[Extension]:
    """The extension that lists what pages write, if this build is asked for it (else none)."""
    if not os.environ.get(WRITTEN_HTML_FILE):
        return []
    listing = WrittenHtmlListing()
    setattr(config, _LISTING, (listing, {}))
    return [listing]


def list_page(page: Page, config: MkDocsConfig) -> None:
    """After a page is converted: what it wrote, if it is a page written by hand and wrote any HTML."""
    if (held := getattr(config, _LISTING, None)) is None:
        return
    listing, pages = held
    found = listing.take()
    if found and not page.file.generated_by:
        pages[f"{docs_label(config)}/{page.file.src_uri}"] = found


def write_listing(config: MkDocsConfig) -> None:
    if (held := getattr(config, _LISTING, None)) is not None:
        text = json.dumps(held[1], ensure_ascii=False, indent=1, sort_keys=True)
        Path(os.environ[WRITTEN_HTML_FILE]).write_text(text + "\n", encoding="utf-8")
