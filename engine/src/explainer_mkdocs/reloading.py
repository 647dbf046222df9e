"""Fresh hook code on a `mkdocs serve` rebuild, so an edit to a site's hooks/ or to the engine takes effect at once."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.config import config_options

_RELOAD_FLAG = "EXPLAINER_RELOAD_HOOKS"  # set only by `mkdocs serve`, for the life of its process
ENGINE = Path(__file__).resolve().parents[1]  # the installed packages (src/ in a checkout of the engine)
# Packages of ours that the hook files import: reloaded with them.
_PACKAGES = ("explainer", "explainer_mkdocs")


def code_fingerprint() -> tuple[tuple[str, int, int], ...]:
    """Every Python file and schema of the engine, with its modification time and size."""
    files = sorted(
        path for package in _PACKAGES for pattern in ("*.py", "*.json") for path in (ENGINE / package).rglob(pattern)
    )
    return tuple((str(path), (stat := path.stat()).st_mtime_ns, stat.st_size) for path in files)


def serving() -> bool:
    """True in a `mkdocs serve` process (its on_startup asked for hook reloading), never in `mkdocs build`."""
    return os.environ.get(_RELOAD_FLAG) == "1"


# The code as it was when these modules were loaded (this module is loaded anew with them). Only `mkdocs
# serve` compares it, so only serve takes it: on a reload, here; on its first load, which comes before
# on_startup says it is serving, in `reload_hooks_on_every_rebuild` (on_startup, right after that load).
# A `mkdocs build` never walks the engine's files.
_LOADED: tuple[tuple[str, int, int], ...] | None = code_fingerprint() if serving() else None


def reload_hooks_on_every_rebuild() -> None:
    """Ask for fresh hook code on each `mkdocs serve` rebuild (set once, for this process)."""
    global _LOADED
    os.environ[_RELOAD_FLAG] = "1"
    if _LOADED is None:
        _LOADED = code_fingerprint()


def forget_loaded_hooks() -> None:
    """Under `mkdocs serve`, load the site's hook files anew next build, and the engine too if its code changed.

    MkDocs caches hook modules for the process (mkdocs#3993, the private lru_cache `Hooks._load_hook`):
    without this an edit under hooks/ would rebuild with the old code. Hook files are thin, so loading them
    again is cheap; the engine's modules stay while its code is unchanged, and with them what they keep for
    the process (compiled schemas and templates). One that says KEEP_ACROSS_RELOADS (explainer.serving, the
    last good data) is always kept.
    """
    if not serving():
        return
    config_options.Hooks._load_hook.cache_clear()
    if code_fingerprint() == _LOADED:
        return
    for name in [name for name in sys.modules if name.split(".")[0] in _PACKAGES]:
        if not getattr(sys.modules[name], "KEEP_ACROSS_RELOADS", False):
            del sys.modules[name]
