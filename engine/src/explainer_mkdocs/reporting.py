"""Problems as MkDocs reports them: one log line per problem (`file:line: message`), in file order,
errors as errors and warnings as warnings (so `--strict` counts them), then a PluginError that stops
the build without a traceback when there is an error.

The build prints no GitHub annotations: CI's lint job runs `python -m explainer.validate`, which
finds the same problems and annotates each one, so each mistake is annotated once on a pull request.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.exceptions import ConfigurationError, PluginError

from explainer.context import BuildContext
from explainer.errors import DataError, Problem, in_file_order, summary
from explainer.siteconfig import read_site_config

from .reloading import serving

# Under the `mkdocs.` logger tree, so `--strict` counts our warnings.
log = logging.getLogger("mkdocs.plugins.explainer")

# The logger MkDocs reports a stopped build through (mkdocs.commands.build).
BUILD_LOGGER = "mkdocs.commands.build"


def log_problems(problems: list[Problem]) -> None:
    """One log line per problem, in file order, at its level."""
    for problem in in_file_order(problems):
        if problem.is_error:
            log.error(str(problem))
        else:
            log.warning(str(problem))


def stop_with(problems: list[Problem], stopped_early: bool = False) -> None:
    """Log every problem and stop the build; the summary line travels in the PluginError."""
    log_problems(problems)
    message = summary(problems, stopped_early)
    let_mkdocs_log_again(message)
    raise PluginError(message)


def let_mkdocs_log_again(message: str) -> None:
    """MkDocs logs a stopped build's message through a logger that drops anything it has logged
    before in the process (mkdocs.utils.DuplicateFilter, its private `msgs` set): under `mkdocs
    serve`, the same mistake made twice would stop the rebuild without saying why."""
    for log_filter in logging.getLogger(BUILD_LOGGER).filters:
        seen = getattr(log_filter, "msgs", None)
        if isinstance(seen, set):
            seen.discard(message)


def report(context: BuildContext, problems: list[Problem]) -> None:
    """Every problem of the build, once every page is converted: stop if any is an error.

    Under `mkdocs serve` the build goes on instead, and the errors are shown on every page
    (`show_while_serving`). Warnings are only logged: `--strict` makes MkDocs fail at the end.
    """
    if serving():
        show_while_serving(context, problems)
    elif any(problem.is_error for problem in problems):
        stop_with(problems)
    else:
        log_problems(problems)


@contextmanager
def reporting_data_errors() -> Iterator[None]:
    """Turn a DataError raised inside the block into a clean, one-line-per-problem stop."""
    try:
        yield
    except DataError as error:
        stop_with(error.problems, error.stopped_early)


def show_while_serving(context: BuildContext, problems: list[Problem]) -> None:
    """Log problems at their level, and keep them for the box at the top of every page.

    Warnings too: `make build` is strict, so a warning stops it as an error does."""
    log_problems(problems)
    context.preview_problems += problems


def config_errors_in_one_line(builder: Callable[..., None], config_file: str) -> Callable[..., None]:
    """`mkdocs serve`'s rebuild, which reads mkdocs.yml again, with a mistake there said in one line.

    MkDocs' server prints a traceback when the configuration cannot be read on a rebuild; instead
    the mistake is one line (`mkdocs.yml:12: YAML syntax error: tab character; indent with spaces`),
    the last site built stays up, and the next save that fixes the file rebuilds.
    """

    def rebuild(*args, **kwargs) -> None:
        try:
            builder(*args, **kwargs)
        except ConfigurationError as error:
            _, problems = read_site_config(Path(config_file))
            for line in [str(problem) for problem in problems] or [str(error).splitlines()[0]]:
                log.error(f"{line} (the site shown is the last one built; save a fix to rebuild)")

    return rebuild
