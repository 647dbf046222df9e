"""STUB hook: corrections (to be written)."""

from __future__ import annotations

from explainer.corrections import corrections_page_markdown
from explainer.context import context_of
from explainer.mkdocs_glue import add_generated_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    add_generated_page(files, config, "corrections.md", corrections_page_markdown(context_of(config).site))
    return files
