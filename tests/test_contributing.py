"""Contributing: CONTRIBUTING.md's examples work as written, every page leads to its source file,
and the optional tooling (pre-commit, issue forms, pull-request template) is sound.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE_SITE, REPO, BuiltSite

from explainer import validate

REPO_URL = "https://github.com/annotated-explainers/alibaba-turnaround"
EDIT_URL = REPO_URL + "/edit/main/"
AUTHORED_PAGES = sorted(
    path.relative_to(FIXTURE_SITE / "docs").as_posix() for path in (FIXTURE_SITE / "docs").rglob("*.md")
)
GENERATED_PAGES = {
    "sources.md": "sources",
    "glossary.md": "glossary",
    "timeline.md": "events",
    "corrections.md": "corrections",
}


def page_url(src_uri: str) -> str:
    """Site URL of a page from its path in docs/ ('story/the-fall.md' -> 'story/the-fall/')."""
    stem = src_uri.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


# Every page leads to its source -------------------------------------------------------------


@pytest.mark.parametrize("src_uri", AUTHORED_PAGES)
def test_every_page_has_edit_this_page_pointing_at_its_file(fixture_build: BuiltSite, src_uri: str) -> None:
    button = fixture_build.html(page_url(src_uri)).select_one("a.md-content__button[title='Edit this page']")
    assert button is not None, f"no 'Edit this page' on {src_uri}"
    assert button["href"] == f"{EDIT_URL}docs/{src_uri}"


@pytest.mark.xfail(
    reason="generated pages have no source file in docs/; needs mkdocs_glue.add_generated_page to set "
    "File.edit_uri to the data file (requested from its owner)",
    strict=False,
)
@pytest.mark.parametrize(("src_uri", "data_name"), sorted(GENERATED_PAGES.items()))
def test_generated_pages_edit_the_data_file_they_come_from(
    fixture_build: BuiltSite, src_uri: str, data_name: str
) -> None:
    button = fixture_build.html(page_url(src_uri)).select_one("a.md-content__button[title='Edit this page']")
    assert button is not None and button["href"] == f"{EDIT_URL}data/{data_name}.yml"


@pytest.mark.parametrize("src_uri", [*AUTHORED_PAGES, *GENERATED_PAGES])
def test_every_page_links_the_repository_in_its_header(fixture_build: BuiltSite, src_uri: str) -> None:
    link = fixture_build.html(page_url(src_uri)).select_one("header.md-header a.md-source")
    assert link is not None and link["href"] == REPO_URL


# pre-commit ---------------------------------------------------------------------------------


def pre_commit_hooks() -> dict[str, dict]:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: {**hook, "rev": repo.get("rev")} for repo in config["repos"] for hook in repo["hooks"]}


def test_pre_commit_runs_ruff_yaml_checks_and_the_data_validation() -> None:
    assert set(pre_commit_hooks()) >= {"ruff-check", "ruff-format", "check-yaml", "end-of-file-fixer", "validate-data"}


def test_pre_commit_ruff_is_the_version_the_tests_pin() -> None:
    pinned = re.search(r"^ruff==(\S+)$", (REPO / "requirements" / "test.txt").read_text(), re.MULTILINE)
    assert pinned is not None
    assert pre_commit_hooks()["ruff-check"]["rev"] == f"v{pinned.group(1)}"


def test_pre_commit_data_hook_runs_explainer_validate() -> None:
    hook = pre_commit_hooks()["validate-data"]
    assert hook["entry"] == "env PYTHONPATH=hooks .venv/bin/python -m explainer.validate"
    assert hook["pass_filenames"] is False
    assert re.search(hook["files"], "data/events.yml") and re.search(hook["files"], "schemas/events.schema.json")


def run_validate(root: Path) -> subprocess.CompletedProcess:
    """`python -m explainer.validate ROOT` as the pre-commit hook runs it."""
    return subprocess.run(
        [sys.executable, "-m", "explainer.validate", str(root)],
        env={"PYTHONPATH": str(REPO / "hooks"), "PATH": ""},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_validate_passes_the_real_data() -> None:
    result = run_validate(REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("data/*.yml: OK (")


def test_validate_reports_one_line_per_problem_and_exits_1(fixture_project: Path) -> None:
    sources = fixture_project / "data" / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("https://example.com/press", "http://x"), "utf-8")
    result = run_validate(fixture_project)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "data/sources.yml:14: source 'company-2023-split': 'url' must be a full https:// address "
        '(got "http://x/split")'
    ]


def test_validate_annotates_under_github_actions(
    fixture_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    (fixture_project / "data" / "events.yml").write_text("- not a mapping\n", encoding="utf-8")
    assert validate.main([str(fixture_project)]) == 1
    assert capsys.readouterr().out.startswith("::error file=data/events.yml,line=1::")


# Issue forms and the pull-request template ---------------------------------------------------

ISSUE_FORMS = sorted(path for path in (REPO / ".github" / "ISSUE_TEMPLATE").glob("*.yml") if path.name != "config.yml")
FIELD_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


def test_there_are_forms_to_report_an_error_and_suggest_a_source() -> None:
    assert {path.name for path in ISSUE_FORMS} >= {"correction.yml", "suggest-source.yml"}


@pytest.mark.parametrize("form_path", ISSUE_FORMS, ids=lambda path: path.name)
def test_issue_form_is_well_formed(form_path: Path) -> None:
    form = yaml.safe_load(form_path.read_text(encoding="utf-8"))
    assert form["name"] and form["description"] and form["body"]
    assert {field["type"] for field in form["body"]} <= FIELD_TYPES
    fields = [field for field in form["body"] if field["type"] != "markdown"]
    ids = [field["id"] for field in fields]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[a-z][a-z0-9_-]*", field_id) for field_id in ids)
    assert all(field["attributes"]["label"] for field in fields)
    assert all(field["attributes"]["options"] for field in fields if field["type"] in ("dropdown", "checkboxes"))


def test_blank_issues_point_to_the_forms_and_the_guide() -> None:
    config = yaml.safe_load((REPO / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8"))
    assert config["blank_issues_enabled"] is False
    assert all(link["url"].startswith("https://") and link["about"] for link in config["contact_links"])


def test_pull_request_template_carries_the_review_checklist() -> None:
    template = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 10
    assert "data/corrections.yml" in template and "[^source-id]" in template
