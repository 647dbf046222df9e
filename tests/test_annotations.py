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
from catalogue import MISTAKES, Mistake
from conftest import write_project

from explainer import validate
from explainer.errors import Problem
from explainer_mkdocs import quickcheck
from explainer_mkdocs.quickcheck import Check

MKDOCS = Path(sys.executable).with_name("mkdocs")


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


def annotation_of(mistake: Mistake) -> str:
    """The workflow command for the catalogued line of `mistake` (its format: test_github_annotation_format)."""
    file, line, message = mistake.message.split(":", 2)
    return Problem(file, int(line), message.strip()).github_annotation(mistake.level)


# A data error, a page error at the page's line, a link MkDocs itself finds (its own message named no line
# and made no annotation) and a warning: each annotated on its line, at its level, in file order.
ANNOTATED = ["http-url", "glossary-entry-never-mentioned", "page-cites-unknown-source", "link-to-a-missing-heading"]


@pytest.fixture(scope="module")
def annotated_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture with the ANNOTATED mistakes, for the two commands CI runs on it (each builds it once)."""
    project = write_project(tmp_path_factory.mktemp("annotated") / "project")
    for name in ANNOTATED:
        MISTAKES[name].make(project)
    return project


def test_nothing_extra_is_printed_outside_github_actions(
    fixture_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command around the check (the check itself, which is the build, stood in for: the test above runs it)."""
    mistake = MISTAKES["http-url"]
    file, line, message = mistake.message.split(":", 2)
    found = Check(problems=[Problem(file, int(line), message.strip(), mistake.level)])
    monkeypatch.setattr(quickcheck, "check_site", lambda config_file: found)
    for github_actions, annotated in ((True, [annotation_of(mistake)]), (False, [])):  # a positive control first
        if github_actions:
            monkeypatch.setenv("GITHUB_ACTIONS", "true")
        else:
            monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
        status = validate.main(["--strict", "-f", str(fixture_project / "mkdocs.yml")])
        output = capsys.readouterr()
        assert status == 1 and mistake.message in output.err  # reported either way
        assert annotations(output.out) == annotated


def test_ci_annotates_in_one_job_only() -> None:
    """The lint job runs the quick check (which annotates), even after ruff fails; the builds print plain lines."""
    workflow = yaml.safe_load((Path(__file__).resolve().parents[1] / ".github/workflows/ci.yml").read_text("utf-8"))
    steps = [(job, step) for job, spec in workflow["jobs"].items() for step in spec["steps"]]
    checks = [(job, step) for job, step in steps if "explainer.validate" in step.get("run", "")]
    assert [(job, step["run"], step.get("if")) for job, step in checks] == [
        ("lint", ".venv/bin/python -m explainer.validate --strict", "${{ !cancelled() }}")
    ]


def test_mkdocs_build_command_prints_clean_lines_and_no_annotation(annotated_project: Path) -> None:
    """Needs the command CI runs (`mkdocs build --strict`), as a separate process, exactly as on a runner: what
    the build prints under GitHub Actions, the problems the quick check annotates (the test below) printed plain."""
    env = {**os.environ, "GITHUB_ACTIONS": "true", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict", "--site-dir", str(annotated_project.parent / "site")],
        cwd=annotated_project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert annotations(result.stdout) == []
    assert all(MISTAKES[name].message in result.stderr for name in ANNOTATED)  # the positive control: reported
    assert "Traceback" not in result.stderr + result.stdout


def test_quick_check_command_annotates_data_page_and_link_problems_on_their_lines(annotated_project: Path) -> None:
    """Needs the command CI's lint job runs (the quick check, which is the build), as a separate process, exactly as
    on a runner: a link MkDocs itself finds is annotated at its line only through it."""
    env = {**os.environ, "GITHUB_ACTIONS": "true", "PYTHONPATH": str(Path(validate.__file__).parents[1])}
    result = subprocess.run(
        [sys.executable, "-m", "explainer.validate", "--strict"],
        cwd=annotated_project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    mistakes = sorted((MISTAKES[name] for name in ANNOTATED), key=lambda mistake: (mistake.file, mistake.line))
    assert result.returncode == 1
    assert annotations(result.stdout) == [annotation_of(mistake) for mistake in mistakes]
    assert {mistake.level for mistake in mistakes} == {"error", "warning"}  # --strict: a warning fails too
    assert "Traceback" not in result.stderr + result.stdout
