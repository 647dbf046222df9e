"""Relative links between pages of the built site."""

from __future__ import annotations

import posixpath


def relative_url(target: str, from_url: str) -> str:
    """Link from the page at site URL `from_url` to site URL `target` (both like 'story/the-fall/')."""
    path, hash_, fragment = target.partition("#")
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    relative = _relpath(path or ".", base or ".")
    if path.endswith("/") and not relative.endswith("/"):
        relative += "/"
    if relative == "./":
        relative = "./"
    return relative + hash_ + fragment


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for site URLs, without its os.getcwd() call (a system call per link)."""
    path_parts, start_parts = _parts(path), _parts(start)
    common = 0
    while common < min(len(path_parts), len(start_parts)) and path_parts[common] == start_parts[common]:
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + path_parts[common:]) or "."


def _parts(url: str) -> list[str]:
    return [part for part in posixpath.normpath("/" + url).split("/") if part]
