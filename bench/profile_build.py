"""One in-process build under cProfile, for `make bench`: `python profile_build.py CONFIG OUT_DIR`.

Writes OUT_DIR/build.prof (pstats, CPU time; from loading mkdocs.yml, hooks included, to the
last file written) and OUT_DIR/parts.json: CPU seconds per hook event handler and per page
conversion (story pages summed), measured inside the profiled build.
"""

from __future__ import annotations

import cProfile
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page


def timed(parts: Counter, key: str, function: Callable) -> Callable:
    """`function`, adding its CPU time to parts[key] on every call."""

    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            parts[key] += time.process_time() - start

    return wrapper


def time_hook_events(config, parts: Counter) -> None:
    """Wrap the engine's event handlers (explainer_mkdocs.hooks, through the site's hook file)."""
    for event, handlers in config.plugins.events.items():
        for position, handler in enumerate(handlers):
            if getattr(handler, "__module__", "") == "explainer_mkdocs.hooks":
                handlers[position] = timed(parts, f"hooks.on_{event}", handler)


def time_page_conversion(parts: Counter) -> None:
    """Time each page's Markdown conversion; story pages are summed into one entry."""
    original = Page.render

    def render(self, config, files):
        uri = self.file.src_uri
        key = "convert story pages (all)" if uri.startswith("story/") else f"convert {uri}"
        return timed(parts, key, original)(self, config, files)

    Page.render = render


def main(config_file: str, out_dir: str) -> None:
    out = Path(out_dir)
    parts: Counter = Counter()
    time_page_conversion(parts)
    # Loading the configuration is profiled too: that is when MkDocs imports the hooks (and they
    # import what they need). cProfile's own clock is wall time: a CPU clock costs a system call per
    # event and would slow the build fivefold; on a shared machine read the shares, not the seconds.
    profiler = cProfile.Profile()
    start = time.process_time()
    profiler.enable()
    config = load_config(config_file, site_dir=str(out / "site"))
    time_hook_events(config, parts)
    build(config)
    profiler.disable()
    parts["whole build"] = time.process_time() - start
    profiler.dump_stats(out / "build.prof")
    (out / "parts.json").write_text(json.dumps(parts), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
