"""Hook: load and validate data/*.yml once per build, know where the pages are, track the page being converted.

Creates the build context (explainer.context.BuildContext) that the other hooks and the
Markdown extensions share. Its handlers run at priorities that put them before (on_config,
on_page_markdown) or after (on_files) the other hooks', wherever it is listed in mkdocs.yml.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from explainer.checked import CheckedData
from explainer.context import BuildContext
from explainer.data import check_page_references, load_site_data
from explainer.yamlfile import front_matter_problems
from explainer_mkdocs.build import attach, context_of
from explainer_mkdocs.reloading import forget_loaded_hooks, reload_hooks_on_every_rebuild
from explainer_mkdocs.reporting import reporting_data_errors, stop_with
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
    if command == "serve":
        reload_hooks_on_every_rebuild()


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    with reporting_data_errors():
        context = BuildContext.for_data(load_site_data(root, CheckedData(root / CHECKED_DATA)))
    attach(config, context)
    config.markdown_extensions.append(GeneratedPagesExtension(context))
    return config


@event_priority(-100)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Once every hook has added its pages: where each page is, and the data's references to pages."""
    context = context_of(config)
    order_generated_files(files)
    context.site = site_map(files)
    with reporting_data_errors():
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
    if problems := context_of(config).problems:
        stop_with(problems)
    return env


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Generated pages list where each item is used; now that every page is converted, fill them in."""
    if page.file.generated_by:
        output = context_of(config).backlinks.fill(output, page.url)
    return output


def on_post_build(*, config: MkDocsConfig) -> None:
    forget_loaded_hooks()


def on_build_error(*, error: Exception) -> None:
    forget_loaded_hooks()
