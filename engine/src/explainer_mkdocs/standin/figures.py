"""Hook: charts of sourced figures in pages (`<!-- chart: SERIES -->`).

The Timeline's chart is part of the Timeline page (hooks/events_hook.py).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from explainer.figures.extension import FiguresExtension
from explainer_mkdocs.build import use_extension


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    use_extension(config, FiguresExtension)
    return config
