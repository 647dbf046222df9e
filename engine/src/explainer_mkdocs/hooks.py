"""The engine's MkDocs hooks, for a site's one hook file: `from explainer_mkdocs.hooks import *`.

STAND-IN until the engine's registry of concerns lands (issue 22, the engine engineer's part,
which replaces this file and explainer_mkdocs/standin/ wholesale). It runs the six hook modules
of this repository's hooks/ (copied into explainer_mkdocs/standin/) as one: for each MkDocs
event, every module's handler in the order MkDocs would run them as separate hooks (by their
`event_priority`, then in the order data, sources, glossary, events, corrections, figures).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .standin import corrections, data, events, figures, glossary, sources

__all__ = [
    "on_build_error",
    "on_config",
    "on_env",
    "on_files",
    "on_page_content",
    "on_page_markdown",
    "on_post_build",
    "on_post_page",
    "on_serve",
    "on_startup",
]

_MODULES = (data, sources, glossary, events, corrections, figures)


def _handlers(event: str) -> list[Callable[..., Any]]:
    found = [getattr(module, event) for module in _MODULES if hasattr(module, event)]
    return sorted(found, key=lambda handler: -getattr(handler, "mkdocs_priority", 0))  # stable: ties keep order


def _chain(event: str, item: Any, **kwargs: Any) -> Any:
    for handler in _handlers(event):
        result = handler(item, **kwargs)
        item = item if result is None else result
    return item


def _each(event: str, **kwargs: Any) -> None:
    for handler in _handlers(event):
        handler(**kwargs)


def on_startup(*, command: str, dirty: bool) -> None:
    _each("on_startup", command=command, dirty=dirty)


def on_serve(server, *, config, builder):
    return _chain("on_serve", server, config=config, builder=builder)


def on_config(config):
    return _chain("on_config", config)


def on_files(files, *, config):
    return _chain("on_files", files, config=config)


def on_page_markdown(markdown, *, page, config, files):
    return _chain("on_page_markdown", markdown, page=page, config=config, files=files)


def on_page_content(html, *, page, config, files):
    return _chain("on_page_content", html, page=page, config=config, files=files)


def on_env(env, *, config, files):
    return _chain("on_env", env, config=config, files=files)


def on_post_page(output, *, page, config):
    return _chain("on_post_page", output, page=page, config=config)


def on_post_build(*, config) -> None:
    _each("on_post_build", config=config)


def on_build_error(*, error) -> None:
    _each("on_build_error", error=error)
