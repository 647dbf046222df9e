"""Relative links between pages of the built site."""

from __future__ import annotations

import posixpath


def relative_url(target: str, from_url: str) -> str:
    """Link from the page at site URL `from_url` to site URL `target` (both like 'story/the-fall/')."""
    path, hash_, fragment = target.partition("#")
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    relative = posixpath.relpath(path or ".", base or ".")
    if path.endswith("/") and not relative.endswith("/"):
        relative += "/"
    if relative == "./":
        relative = "./"
    return relative + hash_ + fragment
