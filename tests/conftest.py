"""Shared test helpers: build a fixture site (or the real one) into a temp dir and read the HTML."""

from __future__ import annotations

import contextlib
import copy
import functools
import logging
import shutil
import subprocess
import traceback
from collections.abc import Iterator
from pathlib import Path

import markdown
import pytest
import yaml

# `pytest --count-builds`: the end-to-end builds each test file runs (tests/buildcount.py; MAINTAINERS.md).
from buildcount import (  # noqa: F401 - hooks pytest finds here
    pytest_addoption,
    pytest_configure,
    pytest_runtest_logreport,
    pytest_runtest_makereport,
    pytest_sessionstart,
    pytest_terminal_summary,
)
from layers import render_body
from mkdocs.utils import get_relative_url

from explainer.context import BuildContext
from explainer.registry import new_context, page_body

# The engine's build helpers (explainer_checks, shipped with the engine for every site's tests).
from explainer_checks.build import LOCATED, BuiltSite, build_config  # noqa: F401 - re-exported to the tests
from explainer_checks.plugin import shared_build

REPO = Path(__file__).resolve().parents[1]
ENGINE = REPO / "engine" / "src"  # the engine's packages (explainer, explainer_mkdocs)
SCHEMA_DIR = ENGINE / "explainer" / "schemas"
FIXTURE_SITE = Path(__file__).parent / "fixtures" / "site"


def generated_page(
    src_uri: str, context: BuildContext | None = None, md: markdown.Markdown | None = None, **records
) -> str:
    """A generated page's body (e.g. 'sources.md') as HTML, without MkDocs: from its template, with the
    records of `context` or those given by concern name (`sources={...}`), converted with `md`."""
    context = context or new_context(**records)
    context.site.relative = context.site.relative or get_relative_url
    return render_body(page_body(context, src_uri), md or markdown.Markdown())


def real_config() -> dict:
    """The real site's mkdocs.yml, a copy of its own to change (read once per process: parsing it costs a
    project copy more than copying the fixture's files)."""
    return copy.deepcopy(_real_config(REPO / "mkdocs.yml"))


@functools.cache
def _real_config(path: Path) -> dict:
    return read_yaml(path)


def read_yaml(path: Path):
    """A YAML file of the repository as data, as yaml.safe_load gives it, with PyYAML's libyaml loader where it has
    one (as the engine reads data: explainer.yamlfile; tests/test_data_speed.py checks the real data files parse
    the same both ways): the real data/sources.yml takes 0.84 s in pure Python, 0.15 s so."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def write_project(project: Path, source: Path = FIXTURE_SITE, nav: list | None = None) -> Path:
    """Copy a fixture (docs/ and data/) to `project` with a mkdocs.yml derived from the real one."""
    shutil.copytree(source, project, dirs_exist_ok=True)
    text = _project_config() if nav is None else _project_config_text(nav)
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    return project


@functools.cache
def _project_config() -> str:
    """A project's mkdocs.yml without a nav, written once per process (most projects have it)."""
    return _project_config_text(None)


def _project_config_text(nav: list | None) -> str:
    config = real_config()
    config["hooks"] = [str(REPO / hook) for hook in config["hooks"]]
    config.pop("nav", None)
    if nav is not None:
        config["nav"] = nav
    config.pop("watch", None)
    return yaml.safe_dump(config, sort_keys=False)


def build_project(project: Path, strict: bool = True) -> BuiltSite:
    """Build `project` in this process, as `mkdocs build [--strict]` would."""
    return build_config(project / "mkdocs.yml", project / "site", strict)


@pytest.fixture
def fixture_project(tmp_path: Path) -> Path:
    """A fresh copy of the fixture site, ready to edit and build."""
    return write_project(tmp_path / "project")


@contextlib.contextmanager
def mkdocs_loggers_restored() -> Iterator[None]:
    """MkDocs' command line sets its logger's level, stops it propagating and adds a handler (mkdocs.__main__.State),
    and gives the build's logger one more filter that drops any message it has logged before in the process
    (mkdocs.__main__._enable_warnings): each is put back as it was, so no later build in this process loses a line."""
    logger, build_logger = logging.getLogger("mkdocs"), logging.getLogger("mkdocs.commands.build")
    level, propagate, handlers = logger.level, logger.propagate, list(logger.handlers)
    filters = list(build_logger.filters)
    try:
        yield
    finally:
        logger.setLevel(level)
        logger.propagate = propagate
        logger.handlers[:] = handlers
        build_logger.filters[:] = filters


def mkdocs_command(project: Path, *arguments: str) -> subprocess.CompletedProcess:
    """MkDocs' own command line, `mkdocs ARGUMENTS` in `project`, run in this process (click's CliRunner) and given as a
    process of its own would give it: its exit status, what it printed, and the traceback of a crash in its stderr.
    MkDocs' loggers are put back as they were (`mkdocs_loggers_restored`)."""
    from click.testing import CliRunner
    from mkdocs.__main__ import cli

    with mkdocs_loggers_restored(), pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        result = CliRunner().invoke(cli, list(arguments))
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(result.exception))
    return subprocess.CompletedProcess(["mkdocs", *arguments], result.exit_code, result.stdout, stderr)


@pytest.fixture(scope="session")
def fixture_build(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """Needs a build: what the engine makes of every page of the fixture, read by many files. The unmodified
    fixture site, built once per test run (shared by the workers: `shared_build`)."""
    built = shared_build(tmp_path_factory, "fixture", lambda folder: build_project(write_project(folder / "project")))
    assert built.ok, built.messages
    return built


@pytest.fixture(scope="session")
def real_build(explainer_build: BuiltSite) -> BuiltSite:
    """The real site (mkdocs.yml at the repo root), built once per test session; read it, don't change it.

    The same build as the generic checks' (explainer_checks: `explainer_build`), made without --strict
    so tests can read its warnings; the generic check test_the_site_builds_without_a_warning asserts
    there are none.
    """
    return explainer_build


# A variant of the fixture's nav and settings, built once per session for the files that read what the theme and
# MkDocs make of them.

# MkDocs' own link and nav checks (`validation:` in mkdocs.yml), every one turned off.
MKDOCS_CHECKS_OFF = {
    "nav": {"omitted_files": "ignore", "not_found": "ignore", "absolute_links": "ignore"},
    "links": {"not_found": "ignore", "anchors": "ignore", "absolute_links": "ignore", "unrecognized_links": "ignore"},
}
REPORT_ERROR_EMAIL = "errors@example.org"
# Scripts a site adds with the attributes MkDocs writes on their tags (tests/test_theme.py: the loader keeps them).
EXTRA_SCRIPTS = ({"path": "assets/module.js", "type": "module"}, {"path": "assets/whenever.js", "async": True})
NEW_CHAPTER = """---
title: A new chapter
description: What happened next, in *one* sentence & [no link].
---

# A new chapter

Nothing here yet.
"""
CHAPTERS_HEADING = "\n## The chapters\n\n<!-- chapters -->\n"


def with_chapters_marker(project: Path) -> Path:
    """The home page of `project` with `<!-- chapters -->` under a heading, at its end."""
    index = project / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + CHAPTERS_HEADING, "utf-8")
    return project


@pytest.fixture(scope="session")
def variant_build(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """Needs a build: what MkDocs and the theme make of a site's nav and mkdocs.yml. The fixture with the catalogue's
    page of link mistakes and its nav (tests/catalogue.py: links_page) with a new chapter, story/new.md, after the
    first; MkDocs' link and nav checks turned off (tests/test_link_checks.py); the home page's `<!-- chapters -->`
    (tests/test_chapters.py); an address for reports of errors (tests/test_report_error_email.py); a module
    script and an async one (tests/test_theme.py); and the
    catalogue's examples of annotations in code at the end of a chapter (tests/test_code_detection.py). Built once per
    test run (shared by the workers: `shared_build`)."""
    return shared_build(tmp_path_factory, "variant", make_variant)


def make_variant(folder: Path) -> BuiltSite:
    """The variant's project in `folder`, built (`variant_build`)."""
    from catalogue import CODE_EXAMPLES, links_page

    project = with_chapters_marker(write_project(folder / "project"))
    links_page(project)
    (project / "docs" / "story" / "new.md").write_text(NEW_CHAPTER, encoding="utf-8")
    chapter = project / "docs" / "story" / "timeline-cases.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + CODE_EXAMPLES, encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    story = next(entry for entry in config["nav"] if isinstance(entry, dict) and "The story" in entry)
    story["The story"].insert(1, "story/new.md")
    config["validation"] = MKDOCS_CHECKS_OFF
    config.setdefault("extra", {})["report_error_email"] = REPORT_ERROR_EMAIL
    config["extra_javascript"] = [*config.get("extra_javascript", []), *EXTRA_SCRIPTS]
    for script in EXTRA_SCRIPTS:
        (project / "docs" / script["path"]).parent.mkdir(exist_ok=True)
        code = "export {};\n" if script.get("type") == "module" else "void 0;\n"  # an error unless it runs as its type
        (project / "docs" / script["path"]).write_text(code, encoding="utf-8")
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return build_project(project, strict=False)


def in_the_default_vocabulary(project: Path) -> Path:
    """`project` without data/story.yml, so in the engine's default vocabulary, its data changed to use only that
    vocabulary's words (stakes, units, kinds of correction)."""
    (project / "data" / "story.yml").unlink()
    for name, old, new in (
        ("sources.yml", "stake: owned-by-example-group", "stake: independent"),
        ("sources.yml", "stake: example-group", "stake: independent"),
        ("events.yml", ", currency: USD", ""),
        ("figures.yml", "unit: usd-billion", "unit: count"),
        ("corrections.yml", "kind: translation", "kind: fact"),
    ):
        path = project / "data" / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return project


@pytest.fixture(scope="session")
def default_vocabulary_build(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """Needs a build: every page, generated ones included, and the nav MkDocs makes without one. The fixture in the
    engine's default vocabulary (tests/test_vocabulary.py), with no nav, its home page listing the chapters
    (tests/test_chapters.py: in MkDocs' own order of files); built once per test run (shared by the workers:
    `shared_build`)."""

    def make(folder: Path) -> BuiltSite:
        return build_project(with_chapters_marker(in_the_default_vocabulary(write_project(folder / "project"))))

    return shared_build(tmp_path_factory, "default-vocabulary", make)
