"""Under GitHub Actions every data, page or link problem is also a workflow command, shown on the PR's diff.

GitHub reads `::error file=PATH,line=N::MESSAGE` from a step's output and puts the message on
that line of the pull request's diff. Locally (GITHUB_ACTIONS unset) nothing extra is printed.
The quick check (`python -m explainer.validate`, CI's lint job) annotates; the build, which finds
the same problems (tests/test_bad_inputs.py), does not, so no line is annotated twice.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import build_project

from explainer import validate
from explainer.errors import Problem

MKDOCS = Path(sys.executable).with_name("mkdocs")

UNUSED_ENTRY = """\
- id: unmentioned-entry
  term: Unmentioned Widget Co
  category: organization
  short: A company no page mentions.
  long: Nothing yet.
  sources: [wire-2020-ipo]
"""


@pytest.mark.parametrize(
    ("problem", "level", "expected"),
    [
        (
            Problem("data/events.yml", 12, "event 'ant-ipo' cites unknown source 'reuters-2020'"),
            "error",
            "::error file=data/events.yml,line=12::event 'ant-ipo' cites unknown source 'reuters-2020'",
        ),
        (
            Problem("data/sources.yml", 3, "source 'x-2020-a' is never cited"),
            "warning",
            "::warning file=data/sources.yml,line=3::source 'x-2020-a' is never cited",
        ),
        (
            Problem("docs/story/the-fall.md", 7, "shares fell 80% from the peak"),
            "error",
            "::error file=docs/story/the-fall.md,line=7::shares fell 80%25 from the peak",
        ),
        (
            Problem("data/glossary.yml", 4, "first line\nsecond line\r\nthird"),
            "error",
            "::error file=data/glossary.yml,line=4::first line%0Asecond line%0D%0Athird",
        ),
        (
            Problem("data/events.yml", 9, "already escaped? %0A stays literal"),
            "error",
            "::error file=data/events.yml,line=9::already escaped? %250A stays literal",
        ),
        (
            Problem(
                "data/events.yml", 2, "'date' must be a date written YYYY-MM-DD (got \"2023-02-30\") :: keep colons"
            ),
            "error",
            "::error file=data/events.yml,line=2::'date' must be a date written YYYY-MM-DD "
            '(got "2023-02-30") :: keep colons',
        ),
        (
            Problem("docs/odd, name: v2.md", 5, "a file name with a comma and a colon"),
            "error",
            "::error file=docs/odd%2C name%3A v2.md,line=5::a file name with a comma and a colon",
        ),
    ],
)
def test_github_annotation_format(problem: Problem, level: str, expected: str) -> None:
    assert problem.github_annotation(level) == expected


def test_an_annotation_is_always_one_line() -> None:
    annotation = Problem("data/x.yml", 1, "a\nb\rc").github_annotation()
    assert "\n" not in annotation and "\r" not in annotation


# Real builds ----------------------------------------------------------------------------------


def annotations(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("::")]


def break_a_source_url(project: Path) -> None:
    sources = project / "data" / "sources.yml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(text.replace("https://example.com/press/split", "http://example.com/press/split"), "utf-8")


def cite_an_unknown_source(project: Path) -> None:
    page = project / "docs" / "story" / "the-fall.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA claim.[^nope-2020]\n", encoding="utf-8")


def quick_check(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """`python -m explainer.validate` on the project: its exit status and its annotations."""
    status = validate.main(["--strict", "-f", str(project / "mkdocs.yml")])
    return status, annotations(capsys.readouterr().out)


def test_a_data_error_is_annotated_under_github_actions(
    fixture_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    break_a_source_url(fixture_project)
    assert quick_check(fixture_project, capsys) == (
        1,
        [
            "::error file=data/sources.yml,line=15::source 'company-2023-split': 'url' must be a full https:// "
            'address (got "http://example.com/press/split")'
        ],
    )


def test_a_page_error_is_annotated_on_the_page_line(
    fixture_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    cite_an_unknown_source(fixture_project)
    page_lines = (fixture_project / "docs/story/the-fall.md").read_text(encoding="utf-8").splitlines()
    line = page_lines.index("A claim.[^nope-2020]") + 1
    assert quick_check(fixture_project, capsys) == (
        1,
        [
            f"::error file=docs/story/the-fall.md,line={line}::cites unknown source 'nope-2020'"
            " (not in data/sources.yml)"
        ],
    )


def test_a_broken_link_is_annotated_on_its_line(
    fixture_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """MkDocs' own "contains a link ..., but the target is not found" named no line and made no annotation."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    page = fixture_project / "docs" / "story" / "the-fall.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the glossary](../glossry.md).\n", encoding="utf-8")
    line = len(page.read_text(encoding="utf-8").splitlines())
    assert quick_check(fixture_project, capsys) == (
        1,
        [
            f"::warning file=docs/story/the-fall.md,line={line}::link '../glossry.md' leads to no file: there is no"
            " docs/glossry.md"
        ],
    )


def test_a_warning_is_annotated_as_a_warning(
    fixture_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    glossary = fixture_project / "data" / "glossary.yml"
    first_new_line = len(glossary.read_text(encoding="utf-8").splitlines()) + 1
    with glossary.open("a", encoding="utf-8") as file:
        file.write(UNUSED_ENTRY)
    message = (
        "glossary entry 'unmentioned-entry' is never mentioned on a story page (add a mention or remove the entry)"
    )
    assert quick_check(fixture_project, capsys) == (
        1,  # --strict: a warning fails, as in the strict build
        [f"::warning file=data/glossary.yml,line={first_new_line}::{message}"],
    )


def test_nothing_extra_is_printed_outside_github_actions(
    fixture_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    break_a_source_url(fixture_project)
    assert quick_check(fixture_project, capsys) == (1, [])


def test_the_build_does_not_annotate_what_the_quick_check_annotates(
    fixture_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    break_a_source_url(fixture_project)
    cite_an_unknown_source(fixture_project)
    assert not build_project(fixture_project).ok
    assert annotations(capsys.readouterr().out) == []


def test_ci_annotates_in_one_job_only() -> None:
    """The lint job runs the quick check (which annotates), even after ruff fails; the builds print plain lines."""
    workflow = yaml.safe_load((Path(__file__).resolve().parents[1] / ".github/workflows/ci.yml").read_text("utf-8"))
    steps = [(job, step) for job, spec in workflow["jobs"].items() for step in spec["steps"]]
    checks = [(job, step) for job, step in steps if "explainer.validate" in step.get("run", "")]
    assert [(job, step["run"], step.get("if")) for job, step in checks] == [
        ("lint", ".venv/bin/python -m explainer.validate --strict", "${{ !cancelled() }}")
    ]


def test_mkdocs_build_command_prints_one_clean_error_and_no_annotation(fixture_project: Path) -> None:
    """The command CI runs (`mkdocs build --strict`), as a separate process, exactly as on a runner."""
    break_a_source_url(fixture_project)
    env = {**os.environ, "GITHUB_ACTIONS": "true", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict", "--site-dir", str(fixture_project / "site")],
        cwd=fixture_project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    message = (
        "data/sources.yml:15: source 'company-2023-split': 'url' must be a full https:// address "
        '(got "http://example.com/press/split")'
    )
    assert result.returncode == 1
    assert annotations(result.stdout) == []
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_quick_check_command_prints_the_annotation(fixture_project: Path) -> None:
    """The command CI's lint job runs, as a separate process, exactly as on a runner."""
    break_a_source_url(fixture_project)
    env = {**os.environ, "GITHUB_ACTIONS": "true", "PYTHONPATH": str(Path(validate.__file__).parents[1])}
    result = subprocess.run(
        [sys.executable, "-m", "explainer.validate"],
        cwd=fixture_project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert annotations(result.stdout) == [
        "::error file=data/sources.yml,line=15::source 'company-2023-split': 'url' must be a full https:// "
        'address (got "http://example.com/press/split")'
    ]
    assert "Traceback" not in result.stderr + result.stdout
