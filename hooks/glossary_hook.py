"""STUB hook: glossary (to be written)."""

from __future__ import annotations

from explainer.glossary import glossary_page_markdown
from explainer.context import context_of
from explainer.mkdocs_glue import add_generated_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    add_generated_page(files, config, "glossary.md", glossary_page_markdown(context_of(config).site))
    return files
