"""The build context on MkDocs' config object: created by hooks/data_hook.py, read by the other hooks."""

from __future__ import annotations

from typing import Any

from markdown import Extension
from mkdocs.exceptions import PluginError

from explainer.context import BuildContext

_ATTRIBUTE = "_explainer_build"


def attach(config: Any, context: BuildContext) -> None:
    """Keep `context` for the rest of this build (a new config object is made for every build)."""
    setattr(config, _ATTRIBUTE, context)


def context_of(config: Any) -> BuildContext:
    """This build's context; a one-line start-up error if hooks/data_hook.py did not create it."""
    context = getattr(config, _ATTRIBUTE, None)
    if context is None:
        raise PluginError("hooks/data_hook.py is not in mkdocs.yml's `hooks:`; the other hooks need the data it loads")
    return context


def use_extension(config: Any, extension_class: type[Extension]) -> None:
    """Convert every page with one of the explainer's extensions, sharing this build's context."""
    config.markdown_extensions.append(extension_class(context=context_of(config)))
