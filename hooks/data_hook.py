"""Hook: load and validate data/*.yml once per build, know where the pages are, track the page being converted.

Creates the build context (explainer.context.BuildContext) that the other hooks and the
Markdown extensions share. Its handlers run at priorities that put them before (on_config,
on_page_markdown) or after (on_files) the other hooks', wherever it is listed in mkdocs.yml.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from explainer.checked import CheckedData
from explainer.context import BuildContext
from explainer.data import check_page_references, load_site_data
from explainer.errors import DataError, raise_if_any
from explainer.markup import MarkdownSetup, setup_from_config
from explainer.pagefile import page_file_problems
from explainer.serving import last_good, problems_banner, remember, with_banner
from explainer.yamlfile import front_matter_problems
from explainer_mkdocs.build import attach, context_of
from explainer_mkdocs.reloading import forget_loaded_hooks, reload_hooks_on_every_rebuild, serving
from explainer_mkdocs.reporting import reporting_data_errors, show_while_serving, stop_or_show
from explainer_mkdocs.site import (
    GeneratedPagesExtension,
    fill_generated_page,
    order_generated_files,
    page_info,
    site_map,
    written_pages,
)

# The last data that passed every check (explainer/checked.py), in the project.
CHECKED_DATA = ".cache/explainer/checked-data.json"

# Hooks --------------------------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    if dirty:
        # MkDocs would convert only the pages changed since the last build, but the Glossary, Sources,
        # Timeline and Corrections pages list every page that uses an item: they would come out wrong.
        raise PluginError(DIRTY_REFUSED)
    if command == "serve":
        reload_hooks_on_every_rebuild()


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    docs = Path(config.docs_dir).resolve()
    with reporting_data_errors():
        # Before anything reads a page: one that is not UTF-8 or too large is a one-line problem.
        raise_if_any(page_file_problems(docs, _label(docs, root)))
        context = _build_context(root, setup_from_config(config), config.config_file_path)
    attach(config, context)
    config.markdown_extensions.append(GeneratedPagesExtension(context))
    return config


@event_priority(-100)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Once every hook has added its pages: where each page is, and the data's references to pages."""
    context = context_of(config)
    order_generated_files(files)
    context.site = site_map(files)
    with reporting_data_errors(context):
        check_page_references(context.data, context.site.section_ids, written_pages(files))
    return files


@event_priority(100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    context = context_of(config)
    context.page = page_info(page)
    context.problems += front_matter_problems(context.page.source_text, context.page.file_label)
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A generated page's HTML parts go back in where the conversion left their placeholders."""
    return fill_generated_page(context_of(config), page, html)


@event_priority(100)
def on_env(env, *, config: MkDocsConfig, files: Files):
    """Once every page is converted, stop if any page had a problem (before other warnings)."""
    context = context_of(config)
    stop_or_show(context, context.problems)
    return env


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Generated pages list where each item is used; now that every page is converted, fill them in."""
    context = context_of(config)
    if page.file.generated_by:
        output = context.backlinks.fill(output, page.url)
    if context.preview_problems:  # only ever under `mkdocs serve`
        output = with_banner(output, problems_banner(context.preview_problems, context.stale_data))
    return output


def on_post_build(*, config: MkDocsConfig) -> None:
    forget_loaded_hooks()


def on_build_error(*, error: Exception) -> None:
    forget_loaded_hooks()


# Helper functions ---------------------------------------------------------------------------

DIRTY_REFUSED = (
    "--dirty is not supported: the Glossary, Sources, Timeline and Corrections pages list every page "
    "that uses an item, so every build converts every page; run the command without --dirty"
)


def _build_context(root: Path, markdown: MarkdownSetup, config_path: str) -> BuildContext:
    """This build's context, with its data; under `mkdocs serve`, the last good data if the files have a mistake."""
    checked = CheckedData(root / CHECKED_DATA)
    try:
        site = load_site_data(root, checked, markdown=markdown)
    except DataError as error:
        remembered = last_good(config_path) if serving() else None
        if remembered is None:
            raise
        try:
            context = BuildContext.for_data(load_site_data(root, checked, markdown=markdown, raw=remembered))
        except DataError:  # the schemas or the hooks changed since: the old data is no help
            raise error from None
        context.stale_data = True
        show_while_serving(context, error.problems)
        return context
    if serving():
        remember(config_path, site.raw)
    return BuildContext.for_data(site)


def _label(docs: Path, root: Path) -> str:
    """The docs directory as contributors see it in the repository ("docs")."""
    return docs.relative_to(root).as_posix() if docs.is_relative_to(root) else docs.name
