"""Hook: glossary mentions in pages (tooltips and links) and the generated Glossary page."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from explainer.glossary import page as glossary_page
from explainer.glossary.extension import GlossaryExtension
from explainer.pages import GLOSSARY_PAGE
from explainer_mkdocs.build import context_of, use_extension
from explainer_mkdocs.site import add_generated_page, generated_page_markdown, is_page


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    use_extension(config, GlossaryExtension)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    # The body is written in on_page_markdown, once every page's address is known.
    add_generated_page(files, config, GLOSSARY_PAGE, glossary_page.FRONT_MATTER, edit_path="data/glossary.yml")
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if is_page(page, GLOSSARY_PAGE):
        context = context_of(config)
        return generated_page_markdown(context, page, glossary_page.for_build(context))
    return markdown
