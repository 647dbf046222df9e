"""Hook: glossary mentions in pages (tooltips and links) and the generated Glossary page."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from explainer.glossary import GlossaryExtension, glossary_page_markdown, page_marking, unused_glossary_problems
from explainer.pages import GLOSSARY_PAGE
from explainer_mkdocs.build import context_of
from explainer_mkdocs.reporting import warn
from explainer_mkdocs.site import add_generated_page, use_extension

# Hooks --------------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    extension = GlossaryExtension(context_of(config).site.records.get("glossary", {}))
    extension.marking_for_page = lambda: None  # nothing is marked until a page starts (on_page_markdown)
    use_extension(config, "glossary", extension)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    context = context_of(config)
    markdown = glossary_page_markdown(context.state["glossary"].entries, context.site.sources)
    add_generated_page(files, config, GLOSSARY_PAGE, markdown, edit_path="data/glossary.yml")
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Tell the extension how to mark this page (data_hook has set context.page already)."""
    context = context_of(config)
    marking = page_marking(context, GLOSSARY_PAGE, page.meta.get("glossary"), context.problems.append)
    context.state["glossary"].marking_for_page = lambda: marking
    return markdown


def on_env(env, *, config: MkDocsConfig, files: Files):
    """Once every page is converted: warn about entries and aliases the story never uses."""
    context = context_of(config)
    extension = context.state["glossary"]
    document = context.site.documents.get("glossary")
    used = context.backlinks.used_ids("glossary")
    warn(unused_glossary_problems(document, extension.entries, used, extension.matched_forms))
    return env
