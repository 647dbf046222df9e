"""The one module of the core that knows MkDocs: reporting problems and adding generated pages.

Hook files use these helpers so that every concern reports errors the same way: one
line per problem (`file:line: message`), a GitHub annotation under Actions, and a
PluginError that stops the build without a traceback.
"""

from __future__ import annotations

import logging
import os
import posixpath
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from markdown import Extension
from mkdocs.config import config_options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .context import BuildContext, PageInfo, context_of
from .errors import DataError, Problem, under_github_actions

# Under the `mkdocs.` logger tree, so `--strict` counts our warnings.
log = logging.getLogger("mkdocs.plugins.explainer")


def stop_with(problems: list[Problem]) -> None:
    """Log every problem and stop the build; the last one travels in the PluginError."""
    problems = sorted(set(problems))
    for problem in problems:
        if under_github_actions():
            print(problem.github_annotation("error"), flush=True)  # noqa: T201 - read by GitHub
    for problem in problems[:-1]:
        log.error(str(problem))
    _let_mkdocs_log_again(str(problems[-1]))
    raise PluginError(str(problems[-1]))


def _let_mkdocs_log_again(message: str) -> None:
    """MkDocs logs a stopped build's message through a logger that drops anything it has logged
    before in the process (mkdocs.utils.DuplicateFilter): under `mkdocs serve`, the same mistake
    made twice would stop the rebuild without saying why."""
    for log_filter in logging.getLogger("mkdocs.commands.build").filters:
        seen = getattr(log_filter, "msgs", None)
        if isinstance(seen, set):
            seen.discard(message)


def warn(problems: list[Problem]) -> None:
    """Log problems that should not stop a preview but do fail `--strict` builds."""
    for problem in sorted(set(problems)):
        if under_github_actions():
            print(problem.github_annotation("warning"), flush=True)  # noqa: T201 - read by GitHub
        log.warning(str(problem))


@contextmanager
def reporting_data_errors(context: BuildContext | None = None) -> Iterator[None]:
    """Turn a DataError raised inside the block into a clean, one-line-per-problem stop.

    Under `mkdocs serve`, with the build's context given, the problems are shown instead (see
    `show_while_serving`) and the build goes on, so the server keeps answering.
    """
    try:
        yield
    except DataError as error:
        if context is not None and serving():
            show_while_serving(context, error.problems)
        else:
            stop_with(error.problems)


def stop_or_show(context: BuildContext, problems: list[Problem]) -> None:
    """Stop the build with these problems, or under `mkdocs serve` show them and go on."""
    if problems:
        with reporting_data_errors(context):
            raise DataError(problems)


def show_while_serving(context: BuildContext, problems: list[Problem]) -> None:
    """Log problems as errors and keep them for the box at the top of every page."""
    for problem in sorted(set(problems)):
        if under_github_actions():
            print(problem.github_annotation("error"), flush=True)  # noqa: T201 - read by GitHub
        log.error(str(problem))
    context.preview_problems += problems


def use_extension(config: MkDocsConfig, name: str, extension: Extension) -> None:
    """Convert every page with `extension`, kept in the build context as `name` for the later events."""
    context_of(config).state[name] = extension
    config.markdown_extensions.append(extension)


def page_info(page: Page) -> PageInfo:
    """What the Markdown extensions need to know about the page MkDocs is converting."""
    file = page.file
    generated = bool(file.generated_by)  # the page's own file: no scan of every file per page
    source_text = "" if generated else file.content_string
    title = page.title if isinstance(page.title, str) and page.title else file.name  # front matter may hold 2020
    return PageInfo(file.src_uri, page.url, title, source_text, generated)


def add_generated_page(
    files: Files, config: MkDocsConfig, src_uri: str, content: str | bytes, *, edit_path: str | None = None
) -> File:
    """Add a page built from data without writing into docs/ (which would loop `mkdocs serve`).

    `edit_path` (repo-relative, e.g. "data/glossary.yml") is where "Edit this page" leads,
    since a generated page has no file of its own to edit.
    """
    if existing := files.get_file_from_path(src_uri):
        files.remove(existing)
    file = File.generated(config, src_uri, content=content)
    if edit_path:
        # edit_uri is relative to docs/ in the repository; the browser resolves the "..".
        file.edit_uri = posixpath.relpath(edit_path, "docs")
    files.append(file)
    return file


# Live reload of hook code ------------------------------------------------------------------

_RELOAD_FLAG = "EXPLAINER_RELOAD_HOOKS"  # set only by `mkdocs serve`, for the life of its process


def reload_hooks_on_every_rebuild() -> None:
    """Ask for fresh hook code on each `mkdocs serve` rebuild (set once, for this process)."""
    os.environ[_RELOAD_FLAG] = "1"


def serving() -> bool:
    """True in a `mkdocs serve` process (its on_startup asked for hook reloading), never in `mkdocs build`."""
    return os.environ.get(_RELOAD_FLAG) == "1"


def forget_loaded_hooks() -> None:
    """Make the next build load hooks/ and the explainer package anew, if reloading was asked for.

    MkDocs caches hook modules for the life of the process (mkdocs#3993), so without this an
    edit under hooks/ would trigger a rebuild that still runs the old code.
    """
    if os.environ.get(_RELOAD_FLAG) != "1":
        return
    config_options.Hooks._load_hook.cache_clear()
    for name in [name for name in sys.modules if name == "explainer" or name.startswith("explainer.")]:
        if not getattr(sys.modules[name], "KEEP_ACROSS_RELOADS", False):  # explainer.serving's memory
            del sys.modules[name]
