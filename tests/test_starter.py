"""The `explainer` command and its starter: a second explainer made by `explainer new` builds strict
and passes its generic checks, with the engine from this checkout (CI's starter job goes further:
the new site's own `make test`, with its own .venv, browser included; locally `make starter`)."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO

from explainer.cli import main as explainer
from explainer.errors import Problem
from explainer.provenance import engine_source, github_slug
from explainer.starter import TEMPLATE_DIR, StarterError, check_subject, check_title, markdown_text, template_files
from explainer_mkdocs import quickcheck
from explainer_mkdocs.quickcheck import Check

EXPLAINER = Path(sys.executable).parent / "explainer"
TITLE, SUBJECT = "The Suez blockage, annotated", "Ever Given"
pytestmark = pytest.mark.slow


# The command -----------------------------------------------------------------------------------


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        explainer(["--help"])
    assert exit_.value.code == 0
    listed = re.findall(r"^    (\w+) ", capsys.readouterr().out, re.MULTILINE)
    assert listed == ["new", "schemas", "check", "build", "serve", "diff"]


def test_version_and_the_console_script() -> None:
    result = subprocess.run([str(EXPLAINER), "--version"], capture_output=True, text=True, timeout=60, check=True)
    assert re.fullmatch(r"explainer \d+\.\d+\.\d+ \(annotated-explainer\)\n", result.stdout)


def test_check_is_the_quick_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command passes its arguments on to the quick check (which is the build, stood in for here: the new site's
    check below runs it whole, and tests/test_contributing.py the real site's), which says OK or lists the problems."""
    checked = []

    def check_site(config_file: Path) -> Check:
        checked.append(config_file)
        return Check(problems=[Problem("data/events.yml", 3, "a problem")] if len(checked) == 2 else [])

    monkeypatch.setattr(quickcheck, "check_site", check_site)
    config_file = tmp_path / "mkdocs.yml"  # not the folder's own: the command passes -f on
    config_file.write_text("site_name: x\n", encoding="utf-8")
    assert explainer(["check", "-f", str(config_file), "--strict"]) == 0
    assert capsys.readouterr().out.startswith("OK: mkdocs.yml, data/*.yml")
    assert explainer(["check", "-f", str(config_file)]) == 1  # the negative: a problem fails the command
    assert "data/events.yml:3: a problem" in capsys.readouterr().err
    assert checked == [config_file.resolve()] * 2


# Refusals: one line that says what to do -----------------------------------------------------------


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    assert explainer(["new", str(tmp_path), "--title", TITLE, "--subject", SUBJECT, "--no-input"]) == 2
    assert capsys.readouterr().err == (
        f"explainer new: {tmp_path} is not empty; give a new folder (explainer new never overwrites files)\n"
    )
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]


def test_new_without_a_terminal_asks_for_the_missing_option(tmp_path: Path, capsys) -> None:
    assert explainer(["new", str(tmp_path / "site"), "--subject", SUBJECT, "--no-input"]) == 2
    assert "--title is missing: give it on the command line" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("   ", "the title is empty"),
        ("x" * 81, "the title is 81 characters long; keep it to 80"),
        ("<b>Suez</b>", "the title may not contain < or >"),
    ],
)
def test_bad_titles_are_refused(title: str, message: str) -> None:
    with pytest.raises(StarterError, match=re.escape(message)):
        check_title(title)


@pytest.mark.parametrize("subject", ["", "-Ever Given", "Ever Given!", "Ever\x00Given", "<Ever>"])
def test_bad_subjects_are_refused(subject: str) -> None:
    with pytest.raises(StarterError):
        check_subject(subject)


def test_titles_are_quoted_for_markdown() -> None:
    assert markdown_text("Suez *and* [more] #1 <x>") == r"Suez \*and\* \[more\] \#1 &lt;x&gt;"


# The pin: what pip recorded (PEP 610) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("direct_url", "requirement", "github"),
    [
        (None, "annotated-explainer==0.1.0", None),
        (
            {
                "url": "https://github.com/newsroom/engine.git",
                "vcs_info": {"vcs": "git", "commit_id": "a" * 40, "requested_revision": "engine-v0.1.0"},
                "subdirectory": "engine",
            },
            f"annotated-explainer @ git+https://github.com/newsroom/engine.git@{'a' * 40}#subdirectory=engine",
            "newsroom/engine",
        ),
        (
            {"url": "file:///tmp/dist/annotated_explainer-0.1.0-py3-none-any.whl", "archive_info": {}},
            "annotated-explainer @ file:///tmp/dist/annotated_explainer-0.1.0-py3-none-any.whl",
            None,
        ),
    ],
)
def test_the_new_site_pins_the_engine_as_pip_installed_it(direct_url, requirement, github) -> None:
    source = engine_source(direct_url, "0.1.0")
    assert (source.requirement, source.github) == (requirement, github)
    assert source.with_extra("test").startswith("annotated-explainer[test]")


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("https://github.com/o/r", "o/r"),
        ("git@github.com:o/r.git", "o/r"),
        ("file:///tmp/trial", None),
        ("https://gitlab.com/o/r", None),
    ],
)
def test_github_homes_are_recognized(url: str, slug: str | None) -> None:
    assert github_slug(url) == slug


# A second explainer, from the starter --------------------------------------------------------------


@pytest.fixture(scope="module")
def new_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`explainer new` as a newsroom runs it, the engine pinned to this checkout's engine/: the command's main() in
    this process (test_version_and_the_console_script starts the console script; `new` builds nothing)."""
    site = tmp_path_factory.mktemp("starter") / "suez"
    command = ["new", str(site), "--title", TITLE, "--subject", SUBJECT, "--no-input"]
    command += ["--engine", f"annotated-explainer @ {(REPO / 'engine').as_uri()}", "--workflows", "newsroom/engine@v1"]
    said = io.StringIO()
    with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
        status = explainer(command)
    assert status == 0, said.getvalue()
    (site / "node_modules").symlink_to(REPO / "node_modules")  # the same pinned Node tools (npm ci)
    return site


def test_the_starter_writes_the_design_shape(new_site: Path) -> None:
    files = {path.relative_to(new_site).as_posix() for path in new_site.rglob("*") if path.is_file()}
    expected = {target.as_posix() for _, target in template_files()}
    assert expected <= files
    for needed in (
        "mkdocs.yml",
        "docs/index.md",
        "docs/story/start-here.md",
        "data/story.yml",
        "hooks/explainer_hooks.py",
        "tests/test_explainer_checks.py",
        ".github/workflows/ci.yml",
        ".github/workflows/pages.yml",
        "Makefile",
        "README.md",
        "CONTRIBUTING.md",
        ".schemas/sources.schema.json",
    ):
        assert needed in files, needed
    for name in ("sources", "glossary", "events", "figures", "corrections"):
        assert (
            (new_site / f"data/{name}.yml")
            .read_text()
            .startswith(f"# yaml-language-server: $schema=../.schemas/{name}")
        )


def test_the_new_sites_hook_file_is_one_line_and_its_workflows_call_the_engines(new_site: Path) -> None:
    assert (
        (new_site / "hooks/explainer_hooks.py")
        .read_text()
        .splitlines()[0]
        .startswith("from explainer_mkdocs.hooks import *")
    )
    assert len((new_site / "hooks/explainer_hooks.py").read_text().splitlines()) == 1
    ci = (new_site / ".github/workflows/ci.yml").read_text()
    assert "uses: newsroom/engine/.github/workflows/explainer-site.yml@v1" in ci
    for reusable in ("explainer-site.yml", "explainer-pages.yml"):
        assert (REPO / ".github/workflows" / reusable).is_file()
    assert (new_site / "requirements/site.txt").read_text().count("annotated-explainer @ file://") == 1


def test_the_new_sites_chapter_shows_every_annotation(new_site: Path) -> None:
    chapter = (new_site / "docs/story/start-here.md").read_text()
    annotations = ("[^example-report]", "<!-- key-dates -->", "<!-- chart: ", "](event:", SUBJECT, "1,200 walkers")
    assert [annotation for annotation in annotations if annotation not in chapter] == []


def run_in(site: Path, *command: str, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    """`command` in the new site's folder, in an environment of its own: not this run's pytest options, GitHub
    Actions or pytest-xdist worker (whose PYTEST_XDIST_WORKER would make the new site's pytest share its build
    through the folder above its temporary one: explainer_checks.plugin.shared_build)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTEST_ADDOPTS", "GITHUB_ACTIONS") and not key.startswith("PYTEST_XDIST_")
    }
    env["NO_MKDOCS_2_WARNING"] = "1"
    return subprocess.run(command, cwd=site, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def new_site_tests(new_site: Path, tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """The new site's tests/ (generic checks and its own; the browser ones run in CI's starter job), which need a
    process of their own: a pytest run in the new site's folder, with its settings, into a temporary folder of
    ours, where their build of the site stays (`new_site_built`)."""
    basetemp = tmp_path_factory.mktemp("starter-tests") / "run"
    command = [sys.executable, "-m", "pytest", "-q", "-rp", "-p", "no:cacheprovider", "-m", "not browser"]
    return run_in(new_site, *command, "--basetemp", str(basetemp))


@pytest.fixture(scope="module")
def new_site_built(new_site_tests: subprocess.CompletedProcess[str]) -> Path:
    """Needs a build: the new site's pages. The one its own tests made and read (the generic checks' `explainer_build`;
    test_the_site_builds_without_a_warning passed on it, as `mkdocs build --strict` would), read here too."""
    assert new_site_tests.returncode == 0, new_site_tests.stdout[-3000:]
    basetemp = Path(new_site_tests.args[new_site_tests.args.index("--basetemp") + 1])
    (sitemap,) = {path.resolve() for path in basetemp.glob("explainer*/site/sitemap.xml")}  # and pytest's link to it
    return sitemap.parent


def test_the_new_site_builds_strict_and_passes_its_checks(
    new_site: Path, new_site_tests: subprocess.CompletedProcess[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Its quick check (the command in this process: test_version_and_the_console_script starts the console
    script), then its tests/, run once for this module (`new_site_tests`)."""
    assert explainer(["check", "-f", str(new_site / "mkdocs.yml"), "--strict"]) == 0, capsys.readouterr().err
    assert capsys.readouterr().out.startswith("OK: mkdocs.yml, data/*.yml")
    assert new_site_tests.returncode == 0, new_site_tests.stdout[-3000:]
    assert re.search(r"\b\d+ passed\b", new_site_tests.stdout) and " failed" not in new_site_tests.stdout
    assert re.search(r"^PASSED \S+::test_the_site_builds_without_a_warning$", new_site_tests.stdout, re.MULTILINE)


def test_the_new_site_checks_links_and_its_nav_as_this_one_does(new_site: Path) -> None:
    """MkDocs' link and nav checks are the engine's (explainer_mkdocs.reporting locates each finding): a new
    site that turned them off would build a broken link without a word (bug: the starter's mkdocs.yml did)."""
    validation = [
        yaml.safe_load((path / "mkdocs.yml").read_text(encoding="utf-8"))["validation"] for path in (new_site, REPO)
    ]
    assert validation[0] == validation[1]
    assert validation[1]["links"]["not_found"] == "warn"  # the checks are on: a strict build fails on a finding


def test_no_page_of_the_new_site_names_this_repositorys_story(new_site_built: Path) -> None:
    said = sorted(
        path.relative_to(new_site_built).as_posix()
        for path in new_site_built.rglob("*.html")
        if re.search(r"alibaba|machine-translat", path.read_text(encoding="utf-8"), re.IGNORECASE)
    )
    assert said == []


def test_the_engine_folder_names_no_story() -> None:
    """`grep -rni alibaba engine/` finds nothing but, at most, one example in its docs."""
    found = [
        path.relative_to(REPO).as_posix()
        for path in sorted((REPO / "engine").rglob("*"))
        if path.is_file()
        and "__pycache__" not in path.parts
        and "alibaba" in path.read_text(encoding="utf-8", errors="replace").lower()
    ]
    assert [path for path in found if not path.endswith(".md")] == [] and len(found) <= 1


def test_the_starter_itself_names_no_story() -> None:
    found = [
        path.relative_to(TEMPLATE_DIR).as_posix()
        for path in TEMPLATE_DIR.rglob("*")
        if path.is_file() and re.search(r"alibaba|cnbc", path.read_text(encoding="utf-8"), re.IGNORECASE)
    ]
    assert found == []


def test_the_new_sites_timeline_and_chart_are_scaled_to_its_span_of_days(new_site_built: Path) -> None:
    """The starter's story spans ten days (20 February to 2 March 2026): no axis counts years or months."""
    timeline = (new_site_built / "timeline/index.html").read_text(encoding="utf-8")
    years = re.findall(r'<text class="timeline-axis__label"[^>]*>(\d{4})</text>', timeline)
    assert years == [], f"a 10-day story drawn on a Timeline of years: {years}"
    chapter = (new_site_built / "story/start-here/index.html").read_text(encoding="utf-8")
    dates = re.findall(r'<text class="chart-axis__label" text-anchor="middle"[^>]*>([^<]+)</text>', chapter)
    assert dates and all(re.search(r"\b\d{1,2}\b", date) for date in dates), f"its chart's dates: {dates}"
