"""What `mkdocs serve` does differently: it keeps answering while the data has a mistake.

MkDocs' live-reload server holds every request until a rebuild succeeds, so a broken data file
would leave the browser waiting. Under `serve` (never `mkdocs build`), a rebuild whose data does
not load uses the last data that did, remembered here per configuration file, and every page
shows the problems in a box at its top (the template explainer/preview-problems.html); the terminal
prints them too. The next save that fixes them rebuilds from the files again.

This module outlives a rebuild: `explainer_mkdocs.reloading.forget_loaded_hooks` reloads every other
module of the package so edited hook code takes effect, but keeps this one (and its memory).
"""

from __future__ import annotations

KEEP_ACROSS_RELOADS = True  # read by explainer_mkdocs.reloading.forget_loaded_hooks

_last_good: dict[str, dict[str, bytes]] = {}  # config file path -> data file name -> bytes


def remember(config_path: str, raw: dict[str, bytes]) -> None:
    """Keep the bytes of data files that loaded without a problem."""
    _last_good[config_path] = dict(raw)


def last_good(config_path: str) -> dict[str, bytes] | None:
    """The data files' bytes the last time they loaded cleanly in this process, if ever."""
    return _last_good.get(config_path)


def with_banner(page_html: str, banner: str) -> str:
    """The page with the banner at the start of its content (or of its body, for other templates)."""
    for opening in ('<article class="md-content__inner md-typeset">', "<body"):
        start = page_html.find(opening)
        if start != -1:
            end = page_html.index(">", start) + 1
            return page_html[:end] + banner + page_html[end:]
    return banner + page_html
