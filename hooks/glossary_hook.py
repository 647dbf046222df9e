"""Hook: glossary mentions in pages (tooltips and links) and the generated Glossary page."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from explainer.glossary import page as glossary_page
from explainer.glossary.checks import unused_entries
from explainer.glossary.extension import GlossaryExtension
from explainer.pages import GLOSSARY_PAGE, SOURCES_PAGE
from explainer.urls import relative_url
from explainer_mkdocs.build import context_of, use_extension
from explainer_mkdocs.reporting import warn
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
        sources_url = relative_url(context.site.url(SOURCES_PAGE), context.site.url(GLOSSARY_PAGE))
        generated = glossary_page.glossary_page(context.glossary.records, context.sources.records, sources_url)
        return generated_page_markdown(context, page, generated)
    return markdown


def on_env(env, *, config: MkDocsConfig, files: Files):
    """Once every page is converted: warn about entries and aliases the story never uses."""
    glossary = context_of(config).glossary
    used = context_of(config).backlinks.used_ids("glossary")
    warn(unused_entries(glossary.records, used, glossary.matched_forms))
    return env
