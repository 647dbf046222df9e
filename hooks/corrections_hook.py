"""Hook: correction marks in pages, the generated Corrections page, and its Atom and JSON feeds."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from explainer.context import context_of
from explainer.corrections import (
    ATOM_FEED,
    JSON_FEED,
    LOG_PAGE,
    SOURCES_PAGE,
    CorrectionsExtension,
    FeedSite,
    atom_feed,
    feed_entries,
    json_feed,
    log_page_markdown,
    unknown_pages,
)
from explainer.errors import raise_if_any
from explainer.mkdocs_glue import add_generated_page, reporting_data_errors, use_extension
from explainer.urls import relative_url

# Hooks --------------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    use_extension(config, "corrections", CorrectionsExtension(context_of(config)))
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    context = context_of(config)
    written_pages = {file.src_uri for file in files.documentation_pages() if not file.generated_by}
    with reporting_data_errors(context):
        raise_if_any(unknown_pages(context.site, written_pages))
    # Content comes later (it links by the page's own URL).
    log_page = add_generated_page(files, config, LOG_PAGE, "", edit_path="data/corrections.yml")
    source_names = {source_id: source.credit for source_id, source in context.site.sources.items()}
    sources_link = relative_url(files.get_file_from_path(SOURCES_PAGE).url, log_page.url)
    log_page.content_string = log_page_markdown(context.site.records["corrections"], source_names, sources_link)
    for feed in (JSON_FEED, ATOM_FEED):
        add_generated_page(files, config, feed, "")  # written in on_env, once every mark is placed
    return files


def on_env(env, *, config: MkDocsConfig, files: Files):
    """Every page is converted, so every mark's address is known: write the feeds."""
    context = context_of(config)
    log_url = files.get_file_from_path(LOG_PAGE).url
    site = FeedSite(config.site_name, _base_url(config), log_url, config.site_author or "")
    entries = feed_entries(context, site)
    files.get_file_from_path(JSON_FEED).content_string = json_feed(entries, site)
    files.get_file_from_path(ATOM_FEED).content_string = atom_feed(entries, site)
    return env


# Helper functions ---------------------------------------------------------------------------


def _base_url(config: MkDocsConfig) -> str:
    """The site's absolute address (feeds need absolute links); a bare '/' without site_url."""
    return (config.site_url or "/").rstrip("/") + "/"
