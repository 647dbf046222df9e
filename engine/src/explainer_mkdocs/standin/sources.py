"""Hook: source notes in pages (`[^source-id]`) and the generated Sources page."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from explainer.pages import SOURCES_PAGE
from explainer.sources import page as sources_page
from explainer.sources.extension import SourceNotesExtension
from explainer_mkdocs.build import context_of, use_extension
from explainer_mkdocs.site import add_generated_page, generated_page_markdown, is_page


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    use_extension(config, SourceNotesExtension)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    # The body is written in on_page_markdown, once every page's address is known.
    add_generated_page(files, config, SOURCES_PAGE, sources_page.FRONT_MATTER, edit_path="data/sources.yml")
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if is_page(page, SOURCES_PAGE):
        context = context_of(config)
        return generated_page_markdown(context, page, sources_page.for_build(context))
    return markdown
