"""Hook: Key dates blocks and `event:` links in pages, the generated Timeline page and its data files."""

from __future__ import annotations

from pathlib import PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils.meta import get_data

from explainer.context import context_of
from explainer.events import EventsExtension, events_csv, events_json, events_of, timeline_page_markdown
from explainer.mkdocs_glue import add_generated_page, use_extension

TIMELINE_PAGE = "timeline.md"
GLOSSARY_PAGE = "glossary.md"

# Hooks --------------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    use_extension(config, "events", EventsExtension(context_of(config)))
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    context = context_of(config)
    events = events_of(context.site)
    links = context.state["events"].links
    links.sources_url = getattr(context.state.get("sources"), "sources_page_url", links.sources_url)
    links.sections = _story_sections(files)
    links.terms = {
        term_id: getattr(entry, "term", term_id) for term_id, entry in context.site.records.get("glossary", {}).items()
    }
    if glossary := files.get_file_from_path(GLOSSARY_PAGE):
        links.glossary_url = glossary.url
    page = add_generated_page(files, config, TIMELINE_PAGE, "", edit_path="data/events.yml")  # first: its URL
    links.timeline_url = page.url
    page.content_string = timeline_page_markdown(events, links, context.site.sources)
    add_generated_page(files, config, "events.json", events_json(events))
    add_generated_page(files, config, "events.csv", events_csv(events).encode("utf-8"))  # bytes: CRLF kept as is
    return files


# Helper functions ---------------------------------------------------------------------------


def _story_sections(files: Files) -> dict[str, tuple[str, str]]:
    """Each story page's id (its file stem) -> (URL, title from its front matter)."""
    return {
        PurePosixPath(file.src_uri).stem: (file.url, _title(file))
        for file in files.documentation_pages()
        if file.src_uri.startswith("story/")
    }


def _title(file: File) -> str:
    _, meta = get_data(file.content_string)
    return str(meta.get("title") or PurePosixPath(file.src_uri).stem.replace("-", " ").capitalize())
