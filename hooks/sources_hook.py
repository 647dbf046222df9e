"""Hook: source notes in pages (`[^source-id]`) and the generated Sources page."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from explainer.pages import SOURCES_PAGE
from explainer.sources import SourceNotesExtension, sources_page_markdown, uncited_sources
from explainer_mkdocs.build import context_of
from explainer_mkdocs.reporting import warn
from explainer_mkdocs.site import add_generated_page, use_extension


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    use_extension(config, "sources", SourceNotesExtension(context_of(config), sources_page_url="sources/"))
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    context = context_of(config)
    page = add_generated_page(
        files, config, SOURCES_PAGE, sources_page_markdown(context.site.sources), edit_path="data/sources.yml"
    )
    context.state["sources"].sources_page_url = page.url
    return files


def on_env(env, *, config: MkDocsConfig, files: Files):
    warn(uncited_sources(context_of(config)))
    return env
