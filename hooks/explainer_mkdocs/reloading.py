"""Fresh hook code on every `mkdocs serve` rebuild, so an edit under hooks/ takes effect at once."""

from __future__ import annotations

import os
import sys

from mkdocs.config import config_options

_RELOAD_FLAG = "EXPLAINER_RELOAD_HOOKS"
# Packages of ours that the hook files import: reloaded with them.
_PACKAGES = ("explainer", "explainer_mkdocs")


def reload_hooks_on_every_rebuild() -> None:
    """Ask for fresh hook code on each `mkdocs serve` rebuild (set once, for this process)."""
    os.environ[_RELOAD_FLAG] = "1"


def forget_loaded_hooks() -> None:
    """Make the next build load hooks/ and our packages anew, if reloading was asked for.

    MkDocs caches hook modules for the life of the process (mkdocs#3993) in the private
    `Hooks._load_hook` (an lru_cache), so without this an edit under hooks/ would trigger
    a rebuild that still runs the old code.
    """
    if os.environ.get(_RELOAD_FLAG) != "1":
        return
    config_options.Hooks._load_hook.cache_clear()
    for name in [name for name in sys.modules if name.split(".")[0] in _PACKAGES]:
        del sys.modules[name]
