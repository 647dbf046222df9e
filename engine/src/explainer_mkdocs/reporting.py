"""Problems as MkDocs reports them: one log line per problem (`file:line: message`), in file order, at its
level (so `--strict` counts warnings), then, if one is an error, a PluginError that stops the build without a
traceback.

`MkDocsWarnings` takes each warning of MkDocs' own link and nav validation and reports it with the rest, at
the line of the link in the page (or of the entry in mkdocs.yml). GitHub annotations are the quick check's
(explainer_mkdocs.quickcheck), not the build's: each mistake is annotated once, by CI's lint job.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from logging.handlers import BufferingHandler
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.structure.files import Files

from explainer.context import BuildContext, PageInfo
from explainer.errors import DataError, Problem, in_file_order, summary
from explainer.pagelines import page_lines
from explainer.pages import is_story_page
from explainer.yamlfile import parse_config_file

from .reloading import serving

# Under the `mkdocs.` logger tree, so `--strict` counts our warnings.
log = logging.getLogger("mkdocs.plugins.explainer")

# The logger MkDocs reports a stopped build through (mkdocs.commands.build).
BUILD_LOGGER = "mkdocs.commands.build"


class Stop(PluginError):
    """The build stops: its message sums up the problems logged above it."""

    def __init__(self, message: str, stopped_early: bool):
        super().__init__(message)
        self.stopped_early = stopped_early


def log_problems(problems: list[Problem]) -> None:
    """One log line per problem, in file order, at its level (the record carries the problem: `record.problem`)."""
    for problem in in_file_order(problems):
        log.log(logging.ERROR if problem.is_error else logging.WARNING, str(problem), extra={"problem": problem})


def stop_with(problems: list[Problem], stopped_early: bool = False) -> None:
    """Log every problem and stop the build; the summary line travels in the PluginError."""
    log_problems(problems)
    message = summary(problems, stopped_early)
    let_mkdocs_log_again(message)
    raise Stop(message, stopped_early)


@contextmanager
def build_log() -> Iterator[list[logging.LogRecord]]:
    """Every warning and error MkDocs logs inside the block, in order (ours carry their problem: `record.problem`)."""
    handler = BufferingHandler(sys.maxsize)  # never flushed: the records stay in its buffer
    handler.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield handler.buffer
    finally:
        logger.removeHandler(handler)


def let_mkdocs_log_again(message: str) -> None:
    """MkDocs logs a stopped build's message through a logger that drops anything it has logged
    before in the process (mkdocs.utils.DuplicateFilter, its private `msgs` set): under `mkdocs
    serve`, the same mistake made twice would stop the rebuild without saying why."""
    for log_filter in logging.getLogger(BUILD_LOGGER).filters:
        seen = getattr(log_filter, "msgs", None)
        if isinstance(seen, set):
            seen.discard(message)


def report(context: BuildContext, problems: list[Problem]) -> None:
    """Every problem of the build, once every page is converted: stop if any is an error (under `mkdocs serve`,
    go on and show them on every page instead). Warnings are only logged: `--strict` makes MkDocs fail at the end."""
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
    """Log problems at their level, and keep them for the box at the top of every page (warnings too: `make
    build` is strict, so a warning stops it as an error does)."""
    log_problems(problems)
    context.preview_problems += problems


def config_problems(config_file: Path, error: Exception) -> list[Problem]:
    """mkdocs.yml that MkDocs could not load, in one line: a YAML mistake where it is, else MkDocs' first line."""
    label = config_file.name
    try:
        parse_config_file(config_file.read_bytes(), label)
    except DataError as found:
        return found.problems
    except OSError as found:
        return [Problem(label, 1, f"cannot be read ({found.strerror})")]
    return [Problem(label, 1, str(error).splitlines()[0] if str(error) else type(error).__name__)]


def config_errors_in_one_line(builder: Callable[..., None], config_file: str) -> Callable[..., None]:
    """`mkdocs serve`'s rebuild, which reads mkdocs.yml again, with a mistake there said in one line
    (`mkdocs.yml:12: YAML syntax error: ...`) instead of MkDocs' traceback; the last site built stays up, and
    the next save that fixes the file rebuilds."""

    def rebuild(*args, **kwargs) -> None:
        try:
            builder(*args, **kwargs)
        except ConfigurationError as error:
            for problem in config_problems(Path(config_file), error):
                log.error(f"{problem} (the site shown is the last one built; save a fix to rebuild)")

    return rebuild


# MkDocs' link and nav validation ------------------------------------------------------------------

# What MkDocs says (mkdocs.structure.pages and .nav, MkDocs 1.6 and ProperDocs), and what it is about.
_SUGGESTION = r"(?: Did you mean '(?P<guess>[^']*)'\?)?$"
_NOT_FOUND = re.compile(
    r"^Doc file '(?P<page>.+?)' contains a link '(?P<url>.*?)', but the target(?: '(?P<target>.+?)')? is not found "
    r"among documentation files\." + _SUGGESTION
)
_LEFT_AS_IS = re.compile(
    r"^Doc file '(?P<page>.+?)' contains an (?P<kind>absolute|unrecognized relative) link '(?P<url>.*?)', "
    r"it was left as is\." + _SUGGESTION
)
_NO_ANCHOR = re.compile(
    r"^Doc file '(?P<page>.+?)' contains a link '(?P<url>.*?)', but (?:the doc '(?P<target>.+?)' does not contain "
    r"an anchor '#(?P<anchor>.*?)'|there is no such anchor on this page)\."
)
_NAV_NOT_FOUND = re.compile(
    r"^A reference to '(?P<entry>.+?)' is included in the 'nav' configuration, which is not found"
)
_NOT_IN_NAV = 'The following pages exist in the docs directory, but are not included in the "nav" configuration:'
LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav")


class MkDocsWarnings(logging.Filter):
    """MkDocs' warnings about links and the nav, taken from its loggers and kept as problems with their line.

    Installed on MkDocs' loggers for one build (`install`, `remove_all`). A warning it cannot place is
    let through as MkDocs wrote it. `reported` names, by generated page, ids whose absence a data
    problem explains already: links to them are not reported again.
    """

    explainer = True  # marks the filters of ours, whatever copy of this module made them

    def __init__(self, config_file: Path, docs_label: str, page_titles: dict[str, str]):
        super().__init__()
        self.config_file, self.docs_label, self.page_titles = config_file, docs_label, page_titles
        self.files: Files | None = None
        self.reported: dict[str, set[str] | None] = {}
        self.problems: list[Problem] = []
        self.seen: set[str] = set()
        self.pages: dict[str, PageInfo] = {}  # the pages with a link warned about, as written

    def install(self) -> None:
        self.remove_all()
        for name in LOGGERS:
            logging.getLogger(name).addFilter(self)

    @staticmethod
    def remove_all() -> None:
        """Take ours off MkDocs' loggers (a build that stopped early may have left one)."""
        for name in LOGGERS:
            logger = logging.getLogger(name)
            for ours in [found for found in logger.filters if getattr(found, "explainer", False)]:
                logger.removeFilter(ours)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        message = record.getMessage()
        if message in self.seen:  # MkDocs checks anchors again after writing the pages
            return False
        problems = self._problems(message)
        if problems is None:
            return True
        self.seen.add(message)
        self.problems += [problem.as_warning() for problem in problems]
        return False

    def _problems(self, message: str) -> list[Problem] | None:
        if found := _NOT_FOUND.match(message):
            target = found["target"] or urlsplit(found["url"]).path.lstrip("/")
            return self._link(found, f"leads to no file: there is no docs/{unquote(target)}")
        if found := _LEFT_AS_IS.match(message):
            if found["kind"] == "absolute":
                return self._link(found, "starts with '/'; link the file relative to this page")
            return self._link(found, "is not a link to a file; link the page's .md file")
        if found := _NO_ANCHOR.match(message):
            return self._anchor(found)
        if found := _NAV_NOT_FOUND.match(message):
            what = f"nav lists '{found['entry']}', which is no file of docs/"
            return [Problem(self.config_file.name, self._nav_line(found["entry"]), what)]
        if message.startswith(_NOT_IN_NAV):
            return [self._left_out(line.strip()[2:]) for line in message.splitlines()[1:]]
        return None

    def _link(self, found: re.Match, what: str) -> list[Problem]:
        hint = f" (did you mean '{found['guess']}'?)" if found["guess"] else ""
        return [self._at_link(found["page"], found["url"], f"link '{found['url']}' {what}{hint}")]

    def _anchor(self, found: re.Match) -> list[Problem]:
        target = found["target"] or found["page"]
        anchor = found["anchor"] if found["target"] else urlsplit(found["url"]).fragment
        reported = self.reported.get(target, set())
        if reported is None or anchor in reported:
            return []  # the entry is left out for a problem of its own, reported in its data file
        if found["target"] is None:
            where = "on this page"
        elif target in self.page_titles:
            where = f"in the {self.page_titles[target]} page ({target})"
        else:
            where = f"in {self.docs_label}/{target}"
        message = f"link '{found['url']}' leads to no heading or element with id '{anchor}' {where}"
        return [self._at_link(found["page"], found["url"], message)]

    def _at_link(self, src_uri: str, url: str, message: str) -> Problem:
        """A problem at the first line of the page that holds the link as written (outside code): the link whole
        (`(url)`, `(url "title")`, `[ref]: url`) before the bare address, so 'a.md' is not found in '(a.md#top)'
        on an earlier line. Issue 21: each page is read for its lines once (explainer.pagelines), however many
        of its links are wrong."""
        page = self.pages.get(src_uri)
        if page is None:
            file = self.files.get_file_from_path(src_uri) if self.files is not None else None
            text = file.content_string if file is not None and not file.generated_by else ""
            page = self.pages[src_uri] = PageInfo(src_uri, "", "", text)
        forms = (f"({url})", f"({url} ", f"]: {url}", f"({url}", url)
        return page.problem(page_lines(page).first_present(forms), message)

    def _nav_line(self, entry: str = "") -> int:
        """The line of `nav:` in mkdocs.yml, or of the nav's entry for `entry`."""
        lines = self.config_file.read_text(encoding="utf-8").splitlines()
        start = next((number for number, line in enumerate(lines) if line.startswith("nav:")), 0)
        for number, line in enumerate(lines[start:], start=start):
            if entry and line.rstrip().endswith((f" {entry}", f"'{entry}'", f'"{entry}"')):
                return number + 1
        return start + 1

    def _left_out(self, src_uri: str) -> Problem:
        if src_uri in self.page_titles:
            what = f"nav leaves out '{src_uri}', a page the build makes; add it"
            return Problem(self.config_file.name, self._nav_line(), what)
        if is_story_page(src_uri):
            message = (
                "chapter is not in the nav of mkdocs.yml, so neither the menu nor the home page's list of chapters "
                "shows it; add it to the nav, among the other chapters in reading order"
            )
        else:
            message = "page is not in the nav of mkdocs.yml, so no menu leads to it; add it to the nav"
        return Problem(f"{self.docs_label}/{src_uri}", 1, message)
