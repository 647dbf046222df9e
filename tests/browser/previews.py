"""Helpers for Material's previews (tooltips) as a reader sees them.

Material mounts a preview first (transparent), and makes it opaque with the class
`md-tooltip2--active` one animation frame later; Playwright calls a transparent element
visible, so "open" here means mounted, active and displayed.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

OPEN = re.compile(r"\bmd-tooltip2--active\b")


def preview_of(page, link):
    """The preview that belongs to `link`; Material creates it on first hover or focus."""
    expect(link).to_have_attribute("aria-controls", re.compile(r"."))
    return page.locator(f"[id='{link.get_attribute('aria-controls')}']")


def expect_open(preview) -> None:
    """The reader sees the preview: Material has opened it and nothing hides it."""
    expect(preview).to_have_class(OPEN)
    expect(preview).to_be_visible()
