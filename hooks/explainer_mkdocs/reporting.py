"""Problems as MkDocs reports them: one line per problem (`file:line: message`), a GitHub
annotation under Actions, and a PluginError that stops the build without a traceback."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from mkdocs.exceptions import PluginError

from explainer.context import BuildContext
from explainer.errors import DataError, Problem, under_github_actions

from .reloading import serving

# Under the `mkdocs.` logger tree, so `--strict` counts our warnings.
log = logging.getLogger("mkdocs.plugins.explainer")

# The logger MkDocs reports a stopped build through (mkdocs.commands.build).
BUILD_LOGGER = "mkdocs.commands.build"


def stop_with(problems: list[Problem]) -> None:
    """Log every problem and stop the build; the last one travels in the PluginError."""
    problems = sorted(set(problems))
    for problem in problems:
        if under_github_actions():
            print(problem.github_annotation("error"), flush=True)  # noqa: T201 - read by GitHub
    for problem in problems[:-1]:
        log.error(str(problem))
    let_mkdocs_log_again(str(problems[-1]))
    raise PluginError(str(problems[-1]))


def let_mkdocs_log_again(message: str) -> None:
    """MkDocs logs a stopped build's message through a logger that drops anything it has logged
    before in the process (mkdocs.utils.DuplicateFilter, its private `msgs` set): under `mkdocs
    serve`, the same mistake made twice would stop the rebuild without saying why."""
    for log_filter in logging.getLogger(BUILD_LOGGER).filters:
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
