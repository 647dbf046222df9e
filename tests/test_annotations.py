"""Under GitHub Actions every data, page or link problem is also a workflow command, shown on the PR's diff.

GitHub reads `::error file=PATH,line=N::MESSAGE` from a step's output and puts the message on
that line of the pull request's diff. Locally (GITHUB_ACTIONS unset) nothing extra is printed.
The quick check (`python -m explainer.validate`, CI's lint job) annotates; the build, which finds
the same problems, does not, so no line is annotated twice: tests/test_bad_inputs.py runs both commands
under GitHub Actions on its project with a mistake of each layer (a data error, a page error at the page's
line, a link MkDocs itself finds, a warning) and checks their annotations with the helpers here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from catalogue import MISTAKES, Mistake

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


# The commands CI runs print annotations: tests/test_bad_inputs.py runs them -------------------------


def annotations(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("::")]


def annotation_of(mistake: Mistake) -> str:
    """The workflow command for the catalogued line of `mistake` (its format: test_github_annotation_format)."""
    file, line, message = mistake.message.split(":", 2)
    return Problem(file, int(line), message.strip()).github_annotation(mistake.level)


def test_nothing_extra_is_printed_outside_github_actions(
    fixture_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command around the check (the check itself, which is the build, stood in for: tests/test_bad_inputs.py
    runs it)."""
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
        # make's check of committed code first: the step runs even when make lint stopped at it
        ("lint", "make no-machine-made-files && .venv/bin/python -m explainer.validate --strict", "${{ !cancelled() }}")
    ]
