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

from explainer.chapters import ChaptersExtension
from explainer.checked import CHECKED_DATA, CheckedData
from explainer.context import BuildContext
from explainer.data import DataCheck, check_site_data, load_site_data
from explainer.errors import DataError
from explainer.frontmatter import front_matter_problems
from explainer.generated import GeneratedPagesExtension
from explainer.links import LinksExtension
from explainer.markup import setup_from_config
from explainer.pagefile import page_file_problems
from explainer.serving import last_good, problems_banner, remember, with_banner
from explainer.sitecheck import after_conversion_problems, site_problems
from explainer.siteconfig import read_site_config
from explainer_mkdocs.build import attach, context_of
from explainer_mkdocs.reloading import forget_loaded_hooks, reload_hooks_on_every_rebuild, serving
from explainer_mkdocs.reporting import config_errors_in_one_line, report, reporting_data_errors, show_while_serving
from explainer_mkdocs.safety import check_files, page_html_extension, safe_front_matter
from explainer_mkdocs.site import (
    add_engine_theme,
    fill_generated_page,
    order_generated_files,
    page_info,
    site_files,
    site_map,
    written_pages,
)

# Hooks --------------------------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    if dirty:
        # MkDocs would convert only the pages changed since the last build, but the Glossary, Sources,
        # Timeline and Corrections pages list every page that uses an item: they would come out wrong.
        raise PluginError(DIRTY_REFUSED)
    if command == "serve":
        reload_hooks_on_every_rebuild()


def on_serve(server, *, config: MkDocsConfig, builder):
    """A mistake in mkdocs.yml while serving is one line, not MkDocs' traceback."""
    server.builder = config_errors_in_one_line(server.builder, config.config_file_path)
    return server


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    add_engine_theme(config)
    root = Path(config.config_file_path).resolve().parent
    docs = Path(config.docs_dir).resolve()
    with reporting_data_errors():
        check_files(config)  # issue 21: before anything reads a file, nothing outside the repository (safety.py)
        site_config, config_problems = read_site_config(Path(config.config_file_path))  # for its lines
        if site_config is None:
            raise DataError(config_problems, stopped_early=True)
        # Before anything reads a page: one that is not UTF-8 or too large is a one-line problem.
        page_problems = page_file_problems(docs, _label(docs, root))
        data = check_site_data(root, CheckedData(root / CHECKED_DATA), markdown=setup_from_config(config))
        # A file that cannot be read: later checks would mislead. (Serving, the last good data stands in.)
        if page_problems or (data.stopped_early and not serving()):
            raise DataError(page_problems + data.problems, stopped_early=True)
        context = _build_context(data, root, config)
    context.config = site_config
    attach(config, context)
    generated = GeneratedPagesExtension(context.current_generated_page)
    config.markdown_extensions += [generated, LinksExtension(context), ChaptersExtension(context)]
    config.markdown_extensions.append(page_html_extension(config, context))  # issue 21: pages get the allow-list
    return config


@event_priority(-100)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Once every hook has added its pages: where each page is, the data's references to pages, the nav."""
    context = context_of(config)
    order_generated_files(files)
    context.site = site_map(files, context.config.nav)
    context.problems += site_problems(context, context.config, written_pages(files), site_files(files))
    return files


@event_priority(100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    context = context_of(config)
    context.page = page_info(page)
    context.problems += front_matter_problems(context.page.source_text, context.page.file_label)
    safe_front_matter(page, config, context)  # issue 21: what the theme prints is plain text, even under serve
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A generated page's HTML parts go back in where the conversion left their placeholders."""
    return fill_generated_page(context_of(config), page, html)


@event_priority(100)
def on_env(env, *, config: MkDocsConfig, files: Files):
    """Once every page is converted: the checks that need every page, then every problem of the build, in
    file order; an error stops the build here (before the other hooks write their files)."""
    context = context_of(config)
    problems = context.problems + after_conversion_problems(context, site_files(files), config.use_directory_urls)
    report(context, problems)
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


def _build_context(data: DataCheck, root: Path, config: MkDocsConfig) -> BuildContext:
    """This build's context, with the data and its problems (reported with the rest at the end).

    Under `mkdocs serve`, data with a problem is replaced by the last data that had none (and the
    problems are shown on every page); without such data the first build stops.
    """
    config_path = config.config_file_path
    if not data.problems:
        if serving():
            remember(config_path, data.site.raw)
        return BuildContext.for_data(data.site)
    if not serving():
        context = BuildContext.for_data(data.site)
        context.problems += data.problems
        return context
    remembered = last_good(config_path)
    if remembered is None:
        raise DataError(data.problems, stopped_early=data.stopped_early)
    markdown = setup_from_config(config)
    try:
        context = BuildContext.for_data(load_site_data(root, CheckedData(root / CHECKED_DATA), markdown, remembered))
    except DataError:  # the schemas or the hooks changed since: the old data is no help
        raise DataError(data.problems, stopped_early=data.stopped_early) from None
    context.stale_data = True
    show_while_serving(context, data.problems)
    return context


def _label(docs: Path, root: Path) -> str:
    """The docs directory as contributors see it in the repository ("docs")."""
    return docs.relative_to(root).as_posix() if docs.is_relative_to(root) else docs.name
