"""Shared test helpers: build a fixture site (or the real one) into a temp dir and read the HTML."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
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
from mkdocs.utils import get_relative_url

from explainer.context import BuildContext
from explainer.registry import new_context, page_body

# The engine's build helpers (explainer_checks, shipped with the engine for every site's tests).
from explainer_checks.build import LOCATED, BuiltSite, build_config  # noqa: F401 - re-exported to the tests

try:
    import fcntl
except ImportError:  # Windows: each worker builds its own
    fcntl = None

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


@pytest.fixture
def fixture_project(tmp_path: Path) -> Path:
    """A fresh copy of the fixture site, ready to edit and build."""
    return write_project(tmp_path / "project")


def shared_build(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], BuiltSite]) -> BuiltSite:
    """`make(folder)`'s build, made once per test run: under pytest-xdist the first worker that needs it builds it
    into the run's temporary folder, which every worker shares, and the others read what it wrote and logged
    (the build is only read). In one process, or without fcntl (Windows), it is made here."""
    if fcntl is None or not os.environ.get("PYTEST_XDIST_WORKER"):
        return make(tmp_path_factory.mktemp(name))
    run_folder = tmp_path_factory.getbasetemp().parent  # pytest-N/, above each worker's popen-gwN/
    record = run_folder / f"{name}.json"
    with open(run_folder / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if record.is_file():
            saved = json.loads(record.read_text(encoding="utf-8"))
            return BuiltSite(saved["ok"], Path(saved["site_dir"]), saved["messages"], saved["levels"])
        built = make(run_folder / name)
        saved = {"ok": built.ok, "site_dir": str(built.site_dir), "messages": built.messages, "levels": built.levels}
        record.write_text(json.dumps(saved), encoding="utf-8")
        return built


@pytest.fixture(scope="session")
def fixture_build(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The unmodified fixture site, built once per test run (shared by the workers: `shared_build`)."""
    built = shared_build(tmp_path_factory, "fixture", lambda folder: build_project(write_project(folder / "project")))
    assert built.ok, built.messages
    return built


@pytest.fixture(scope="session")
def explainer_build(explainer_site, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The generic checks' build of the real site (explainer_checks' fixture of this name, which this one
    replaces for this repository's tests): the same build, made once per test run (`shared_build`)."""

    def make(folder: Path) -> BuiltSite:
        return build_config(explainer_site.config_file, folder / "site", strict=False)

    built = shared_build(tmp_path_factory, "explainer", make)
    if not built.ok:
        pytest.fail("the site does not build:\n" + "\n".join(built.messages), pytrace=False)
    return built


@pytest.fixture(scope="session")
def fixture_check(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    """(level, `file:line: message`) of every problem the quick check finds in the unmodified fixture, checked
    once per test session: the positive control of the cases run through the quick check."""
    from layers import site_problems

    return site_problems(write_project(tmp_path_factory.mktemp("fixture-check") / "project"))


@pytest.fixture(scope="session")
def real_build(explainer_build: BuiltSite) -> BuiltSite:
    """The real site (mkdocs.yml at the repo root), built once per test session; read it, don't change it.

    The same build as the generic checks' (explainer_checks: `explainer_build`), made without --strict
    so tests can read its warnings; the generic check test_the_site_builds_without_a_warning asserts
    there are none.
    """
    return explainer_build
