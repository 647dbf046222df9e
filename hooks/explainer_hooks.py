"""The explainer's MkDocs hooks, from the engine (explainer_mkdocs.hooks). Add hooks of the site's own below."""

from explainer_mkdocs.hooks import *  # noqa: F403 - every event handler of the engine
