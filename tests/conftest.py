"""Shared test helpers: build a fixture site (or the real one) into a temp dir and read the HTML."""

from __future__ import annotations

import logging
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.utils import get_relative_url

from explainer.context import BuildContext
from explainer.registry import new_context, page_body

REPO = Path(__file__).resolve().parents[1]
ENGINE = REPO / "engine" / "src"  # the engine's packages (explainer, explainer_mkdocs)
SCHEMA_DIR = ENGINE / "explainer" / "schemas"
FIXTURE_SITE = Path(__file__).parent / "fixtures" / "site"


# A problem line: `file:line: what is wrong`.
LOCATED = re.compile(r"^[\w./-]+:\d+: ")


@dataclass
class BuiltSite:
    """The outcome of one build: whether it passed, what it logged, and its pages."""

    ok: bool
    site_dir: Path
    messages: list[str] = field(default_factory=list)  # WARNING and ERROR log lines
    levels: list[str] = field(default_factory=list)  # each message's level: "error" or "warning"

    @property
    def located(self) -> list[str]:
        """The `file:line: message` lines among the messages, in the order logged."""
        return [message for message in self.messages if LOCATED.match(message)]

    @property
    def problem_lines(self) -> list[tuple[str, str]]:
        """(level, `file:line: message`) of every problem line, in the order logged."""
        return [
            (level, message)
            for level, message in zip(self.levels, self.messages, strict=True)
            if LOCATED.match(message)
        ]

    def html(self, page_path: str) -> BeautifulSoup:
        """Parsed HTML of a built page, e.g. 'story/the-fall/' or 'sources/'."""
        target = self.site_dir / page_path
        if page_path.endswith("/") or not page_path:
            target = target / "index.html"
        return BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.levels: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
        self.levels.append("warning" if record.levelno == logging.WARNING else "error")


def generated_page(
    src_uri: str, context: BuildContext | None = None, md: markdown.Markdown | None = None, **records
) -> str:
    """A generated page's body (e.g. 'sources.md') as HTML, without MkDocs: from its template, with the
    records of `context` or those given by concern name (`sources={...}`), converted with `md`."""
    context = context or new_context(**records)
    context.site.relative = context.site.relative or get_relative_url
    return page_body(context, src_uri).render(md or markdown.Markdown())


def real_config() -> dict:
    return yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))


def write_project(project: Path, source: Path = FIXTURE_SITE, nav: list | None = None) -> Path:
    """Copy a fixture (docs/ and data/) to `project` with a mkdocs.yml derived from the real one."""
    shutil.copytree(source, project, dirs_exist_ok=True)
    config = real_config()
    config["hooks"] = [str(REPO / hook) for hook in config["hooks"]]
    config.pop("nav", None)
    if nav is not None:
        config["nav"] = nav
    config.pop("watch", None)
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return project


def build_project(project: Path, strict: bool = True) -> BuiltSite:
    """Build `project` in this process, as `mkdocs build [--strict]` would."""
    return build_config(project / "mkdocs.yml", project / "site", strict)


def build_config(config_file: Path, site_dir: Path, strict: bool = True) -> BuiltSite:
    """Build the site that `config_file` describes into `site_dir`, collecting its warnings and errors."""
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        build(load_config(str(config_file), strict=strict, site_dir=str(site_dir)))
        ok = True
    except Abort:
        ok = False
    finally:
        logger.removeHandler(collector)
    return BuiltSite(ok, site_dir, collector.messages, collector.levels)


@pytest.fixture
def fixture_project(tmp_path: Path) -> Path:
    """A fresh copy of the fixture site, ready to edit and build."""
    return write_project(tmp_path / "project")


@pytest.fixture(scope="session")
def fixture_build(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The unmodified fixture site, built once per test session."""
    built = build_project(write_project(tmp_path_factory.mktemp("fixture") / "project"))
    assert built.ok, built.messages
    return built


@pytest.fixture(scope="session")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real site (mkdocs.yml at the repo root), built once per test session; read it, don't change it.

    Built without --strict so tests can read its warnings; `test_links` asserts there are none.
    """
    built = build_config(REPO / "mkdocs.yml", tmp_path_factory.mktemp("real") / "site", strict=False)
    if not built.ok:
        pytest.fail("the real site does not build:\n" + "\n".join(built.messages), pytrace=False)
    return built
