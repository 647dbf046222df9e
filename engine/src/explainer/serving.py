"""What `mkdocs serve` does differently: it keeps answering while the data has a mistake.

MkDocs' live-reload server holds every request until a rebuild succeeds, so a broken data file
would leave the browser waiting. Under `serve` (never `mkdocs build`), a rebuild whose data does
not load uses the last data that did, remembered here per configuration file, and every page
shows the problems in a box at its top; the terminal prints them too. The next save that fixes
them rebuilds from the files again.

This module outlives a rebuild: `explainer_mkdocs.reloading.forget_loaded_hooks` reloads every other
module of the package so edited hook code takes effect, but keeps this one (and its memory).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # no import at run time: this module is kept while the others are reloaded
    from .errors import Problem

KEEP_ACROSS_RELOADS = True  # read by explainer_mkdocs.reloading.forget_loaded_hooks

_last_good: dict[str, dict[str, bytes]] = {}  # config file path -> data file name -> bytes


def remember(config_path: str, raw: dict[str, bytes]) -> None:
    """Keep the bytes of data files that loaded without a problem."""
    _last_good[config_path] = dict(raw)


def last_good(config_path: str) -> dict[str, bytes] | None:
    """The data files' bytes the last time they loaded cleanly in this process, if ever."""
    return _last_good.get(config_path)


def problems_banner(problems: list[Problem], stale_data: bool) -> str:
    """The box at the top of every page while the preview has problems (each line escaped)."""
    lead = (
        "The data files have problems, so this preview shows the last data that had none."
        if stale_data
        else "This preview has problems that stop <code>make build</code>."
    )
    items = "".join(
        f"<li><code>{html.escape(str(problem))}</code>{'' if problem.is_error else ' (warning)'}</li>"
        for problem in sorted(set(problems))
    )
    return (
        '<div class="admonition failure explainer-preview-problems" role="alert">'
        '<p class="admonition-title">Fix before publishing</p>'
        f"<p>{lead} Fix these lines and save; the page reloads.</p><ul>{items}</ul></div>"
    )


def with_banner(page_html: str, banner: str) -> str:
    """The page with the banner at the start of its content (or of its body, for other templates)."""
    for opening in ('<article class="md-content__inner md-typeset">', "<body"):
        start = page_html.find(opening)
        if start != -1:
            end = page_html.index(">", start) + 1
            return page_html[:end] + banner + page_html[end:]
    return banner + page_html
