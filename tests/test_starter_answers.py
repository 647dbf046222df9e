"""`explainer new`'s answers at the function (explainer.starter.starter_answers): what it asks in a
terminal and until when, what it takes from the options, and what it refuses, without writing a
site (tests/test_starter.py writes and builds one)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from explainer import starter
from explainer.provenance import EngineSource
from explainer.starter import StarterError, pinned_dependencies, starter_answers, workflows_of

TITLE, SUBJECT = "The Suez blockage, annotated", "Ever Given"


def options(directory: Path, **given: object) -> argparse.Namespace:
    values = {"title": None, "subject": None, "site_url": None, "repo_url": None, "engine": None, "workflows": None}
    return argparse.Namespace(directory=directory, **{**values, **given})


def typed(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """The terminal answers `answers` in turn (EOF after them); returns the questions asked."""
    asked: list[str] = []
    pending = list(answers)

    def answer(question: str) -> str:
        asked.append(question)
        if not pending:
            raise EOFError
        return pending.pop(0)

    monkeypatch.setattr("builtins.input", answer)
    return asked


def test_in_a_terminal_every_missing_answer_is_asked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = typed(monkeypatch, TITLE, SUBJECT, "https://newsroom.example.org/suez", "https://github.com/news/suez")
    answers = starter_answers(options(tmp_path / "site"), interactive=True)
    assert len(asked) == 4
    assert (answers.title, answers.subject) == (TITLE, SUBJECT)
    assert answers.site_url == "https://newsroom.example.org/suez/"
    assert answers.repo_url == "https://github.com/news/suez"


def test_given_options_are_not_asked_for_and_enter_leaves_the_addresses_for_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = typed(monkeypatch, "", "")
    answers = starter_answers(options(tmp_path / "my-site", title=TITLE, subject=SUBJECT), interactive=True)
    assert len(asked) == 2  # the two addresses only
    assert answers.site_url == "https://example.org/my-site/"
    assert answers.repo_url is None


def test_a_bad_answer_is_asked_again_and_an_empty_one_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asked = typed(monkeypatch, "", "<b>", TITLE, SUBJECT, "", "")
    answers = starter_answers(options(tmp_path / "site"), interactive=True)
    assert answers.title == TITLE
    assert len(asked) == 6  # the title three times: empty (asked again), refused (said why), good
    assert capsys.readouterr().out.count("\n") == 1  # one refusal said


def test_an_end_of_input_stops_the_questions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A refused answer is asked again; the end of input (Ctrl-D, a closed pipe) is not, or a stdin that
    # keeps ending would ask for ever. Positive control: the same title, then the subject, is accepted.
    asked = typed(monkeypatch, "<b>")
    with pytest.raises(StarterError):
        starter_answers(options(tmp_path / "site"), interactive=True)
    assert len(asked) == 2  # the refused title, then once more: the end of input
    typed(monkeypatch, "<b>", TITLE, SUBJECT, "", "")
    assert starter_answers(options(tmp_path / "site"), interactive=True).title == TITLE


def test_a_file_is_no_folder_for_a_new_site(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    with pytest.raises(StarterError):
        starter_answers(options(tmp_path / "taken", title=TITLE, subject=SUBJECT), interactive=False)
    assert starter_answers(options(tmp_path / "free", title=TITLE, subject=SUBJECT), interactive=False)


@pytest.mark.parametrize(
    ("given", "refused"),
    [
        ({"site_url": "https://newsroom.example.org/suez/"}, False),
        ({"site_url": "http://newsroom.example.org/suez/"}, True),
        ({"site_url": "https://newsroom.example.org/<script>"}, True),
        ({"repo_url": "https://github.com/news/suez.git"}, False),
        ({"repo_url": "https://gitlab.com/news/suez"}, True),
        ({"workflows": "news/engine@v1.2"}, False),
        ({"workflows": "news/engine"}, True),
        ({"subject": "x" * 61}, True),
        ({"subject": "  "}, True),
    ],
)
def test_the_options_it_refuses(tmp_path: Path, given: dict, refused: bool) -> None:
    chosen = options(tmp_path / "site", **{"title": TITLE, "subject": SUBJECT, **given})
    if refused:
        with pytest.raises(StarterError):
            starter_answers(chosen, interactive=False)
    else:
        assert starter_answers(chosen, interactive=False)


def test_the_workflows_are_the_options_else_the_engines_github_home_else_unknown() -> None:
    from_github = EngineSource("annotated-explainer @ git+https://github.com/o/r@abc", "1.0", "o/r", "abc")
    from_index = EngineSource("annotated-explainer==1.0", "1.0")
    assert workflows_of("news/engine@v1", from_github) == ("news/engine", "v1")
    assert workflows_of(None, from_github) == ("o/r", "abc")
    assert workflows_of(None, from_index) is None


def test_an_engine_given_is_pinned_instead_of_the_one_running(tmp_path: Path) -> None:
    chosen = options(tmp_path / "site", title=TITLE, subject=SUBJECT, engine=" annotated-explainer==9.9 ")
    assert starter_answers(chosen, interactive=False).engine.requirement == "annotated-explainer==9.9"


def test_pins_of_what_is_not_installed_are_left_to_pip(monkeypatch: pytest.MonkeyPatch) -> None:
    assert pinned_dependencies("no-such-distribution", extra=None) == []
    installed = pinned_dependencies(starter.DISTRIBUTION, extra=None)
    assert installed
    assert all("==" in pin for pin in installed)
