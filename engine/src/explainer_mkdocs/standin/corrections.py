"""Hook: correction marks in pages, the generated Corrections page, and its Atom and JSON feeds."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from explainer.corrections import page as corrections_page
from explainer.corrections.extension import CorrectionsExtension
from explainer.corrections.feeds import FeedSite, atom_feed, feed_entries, json_feed
from explainer.pages import CORRECTIONS_ATOM_FEED, CORRECTIONS_JSON_FEED, CORRECTIONS_PAGE
from explainer_mkdocs.build import context_of, use_extension
from explainer_mkdocs.site import add_generated_page, generated_page_markdown, is_page


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    use_extension(config, CorrectionsExtension)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    # The body is written in on_page_markdown, once every page's address is known.
    add_generated_page(files, config, CORRECTIONS_PAGE, corrections_page.FRONT_MATTER, edit_path="data/corrections.yml")
    for feed in (CORRECTIONS_JSON_FEED, CORRECTIONS_ATOM_FEED):
        add_generated_page(files, config, feed)  # written in on_env, once every mark is placed
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if is_page(page, CORRECTIONS_PAGE):
        context = context_of(config)
        return generated_page_markdown(context, page, corrections_page.for_build(context))
    return markdown


def on_env(env, *, config: MkDocsConfig, files: Files):
    """Every page is converted, so every mark's address is known: write the feeds."""
    context = context_of(config)
    site = FeedSite(config.site_name, _base_url(config), context.site.url(CORRECTIONS_PAGE), config.site_author or "")
    entries = feed_entries(context, site)
    files.get_file_from_path(CORRECTIONS_JSON_FEED).content_string = json_feed(entries, site)
    files.get_file_from_path(CORRECTIONS_ATOM_FEED).content_string = atom_feed(entries, site)
    return env


# Helper functions ---------------------------------------------------------------------------


def _base_url(config: MkDocsConfig) -> str:
    """The site's absolute address (feeds need absolute links); a bare '/' without site_url."""
    return (config.site_url or "/").rstrip("/") + "/"
