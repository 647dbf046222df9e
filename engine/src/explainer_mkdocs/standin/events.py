"""Hook: Key dates blocks and `event:` links in pages, the generated Timeline page (charts included), its data files."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from explainer.events import page as timeline_page
from explainer.events.exports import events_csv, events_json
from explainer.events.extension import EventsExtension
from explainer.pages import EVENTS_CSV, EVENTS_JSON, TIMELINE_PAGE
from explainer_mkdocs.build import context_of, use_extension
from explainer_mkdocs.site import add_generated_page, generated_page_markdown, is_page


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    use_extension(config, EventsExtension)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    events = context_of(config).events.in_order
    # The body is written in on_page_markdown, once every page's address is known.
    add_generated_page(files, config, TIMELINE_PAGE, timeline_page.FRONT_MATTER, edit_path="data/events.yml")
    add_generated_page(files, config, EVENTS_JSON, events_json(events))
    add_generated_page(files, config, EVENTS_CSV, events_csv(events).encode("utf-8"))  # bytes: CRLF kept as is
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if is_page(page, TIMELINE_PAGE):
        context = context_of(config)
        return generated_page_markdown(context, page, timeline_page.for_build(context))
    return markdown
