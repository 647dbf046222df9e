"""Hook: load and validate data/*.yml once per build, and track the page being converted.

Runs first (see `hooks:` in mkdocs.yml): the other hooks read the validated data from
the build context this hook attaches to the config.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from explainer.context import BuildContext, attach, context_of
from explainer.data import check_page_references, load_site_data
from explainer.errors import raise_if_any
from explainer.markup import setup_from_config
from explainer.mkdocs_glue import (
    forget_loaded_hooks,
    page_info,
    reload_hooks_on_every_rebuild,
    reporting_data_errors,
    stop_with,
)
from explainer.pagefile import page_file_problems
from explainer.yamlfile import front_matter_problems

# Hooks --------------------------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    if command == "serve":
        reload_hooks_on_every_rebuild()


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    docs = Path(config.docs_dir).resolve()
    with reporting_data_errors():
        # Before anything reads a page: one that is not UTF-8 or too large is a one-line problem.
        raise_if_any(page_file_problems(docs, _label(docs, root)))
        attach(config, BuildContext(site=load_site_data(root, markdown=setup_from_config(config))))
    return config


@event_priority(-100)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    context = context_of(config)
    page_ids = {Path(file.src_uri).stem for file in files.documentation_pages() if file.src_uri.startswith("story/")}
    with reporting_data_errors():
        check_page_references(context.site, page_ids)
    return files


@event_priority(100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    context = context_of(config)
    context.page = page_info(page)
    context.problems += front_matter_problems(context.page.source_text, context.page.file_label)
    return markdown


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


# Helper functions ---------------------------------------------------------------------------


def _label(docs: Path, root: Path) -> str:
    """The docs directory as contributors see it in the repository ("docs")."""
    return docs.relative_to(root).as_posix() if docs.is_relative_to(root) else docs.name
