"""The real story's own checks: its chapters' source counts name Alibaba, its closing chapter is
linked and dated. (That every sentence with a figure, a date or a quotation carries a source note
is a generic check every explainer runs: explainer_checks.site, through
tests/test_explainer_checks.py; this story's names with digits are in pyproject.toml.)"""

from __future__ import annotations

import re

import pytest
from conftest import REPO, BuiltSite

from explainer_checks.site import NOTE, Block, needs_a_note, sentences, unsourced

# Every chapter, so a new one is checked without anyone listing it here.
STORY_PAGES = sorted(path.stem for path in (REPO / "docs" / "story").glob("*.md"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"One.{NOTE} Two. Three{NOTE} ends.", [f"One.{NOTE}", "Two.", f"Three{NOTE} ends."]),
        (f"He said “A. B.” and left.{NOTE}{NOTE} Next", [f"He said “A. B.” and left.{NOTE}{NOTE}", "Next"]),
        (f"(An aside.){NOTE} After.", [f"(An aside.){NOTE}", "After."]),
        ("Price 18.228 yuan. Done", ["Price 18.228 yuan.", "Done"]),
        (f"He called it “a rally.”{NOTE} It fell 5%.", [f"He called it “a rally.”{NOTE}", "It fell 5%."]),
        (
            f"Mr. Ma and the U.S. rose 5% vs. the index.{NOTE} Next",
            [f"Mr. Ma and the U.S. rose 5% vs. the index.{NOTE}", "Next"],
        ),
        # A full stop that may end a sentence ends it: a note too many asked for, never one too few
        (f"Sales in the U.S. In 2020 they rose 5%.{NOTE}", ["Sales in the U.S.", f"In 2020 they rose 5%.{NOTE}"]),
        # ... and after a figure or a note, an initial or a lower-case word next may end one too
        (f"In 2020 it chose Plan B. It worked.{NOTE}", ["In 2020 it chose Plan B.", f"It worked.{NOTE}"]),
        (f"It rose 5%. iQiyi fell.{NOTE}", ["It rose 5%.", f"iQiyi fell.{NOTE}"]),
        (f"Its Series A.{NOTE} Its rival grew 7%.{NOTE}", [f"Its Series A.{NOTE}", f"Its rival grew 7%.{NOTE}"]),
        (f"Brian A. Wong saw U.S. regulators at 9 a.m. on Monday.{NOTE}", None),  # one sentence
        (f"“Why 5%?” he asked.{NOTE} Next", [f"“Why 5%?” he asked.{NOTE}", "Next"]),
    ],
)
def test_sentences_keep_their_closing_notes(text, expected):
    assert sentences(text) == (expected or [text])


def test_a_figure_before_an_initial_needs_its_own_note():
    """Read as one sentence with the next, "In 2020 it chose Plan B." would borrow that sentence's note."""
    assert unsourced([Block(f"In 2020 it chose Plan B. It worked.{NOTE}")]) == ["In 2020 it chose Plan B."]
    assert unsourced([Block(f"In 2020 it chose Plan B.{NOTE} It worked.")]) == []
    assert unsourced([Block(f"Brian A. Wong said it worked in 2020.{NOTE}")]) == []


def test_names_with_digits_are_not_figures():
    names = ["DeepSeek-R1", "Qwen 2.5-Max"]
    assert not needs_a_note("DeepSeek-R1 and Qwen 2.5-Max came out.", names)
    assert needs_a_note("It rose 8% that day.", names)
    assert needs_a_note("He called it “a rally”.", names)


@pytest.mark.parametrize("page", STORY_PAGES)
def test_story_pages_end_their_notes_with_a_count_of_independent_sources(real_build: BuiltSite, page: str) -> None:
    summary = real_build.html(f"story/{page}/").select_one("div.footnote > p.source-summary")
    assert summary is not None
    assert re.fullmatch(
        r"This page cites (\d+ distinct sources, \d+ of them |1 source, (not )?)independent of Alibaba\.",
        summary.get_text(),
    )


def test_the_closing_chapter_is_linked_from_the_home_page_and_its_events_are_on_the_timeline(real_build: BuiltSite):
    home = real_build.html("")
    assert home.select_one('a[href="story/since-then/"]') is not None
    timeline = real_build.html("timeline/")
    assert timeline.find(id="military-memo-report") is not None
    assert timeline.find(id="march-quarter-2026-results") is not None


def test_a_long_block_is_split_reading_each_stop_once(monkeypatch: pytest.MonkeyPatch):
    """A block whose sentence goes on past thousands of stops: what the sentence holds so far is kept, not read again
    at every stop (it was, and a 96 kB paragraph took half a minute)."""
    import explainer.claims

    read: list[int] = []
    counting = lambda text, names=(): read.append(len(text)) or needs_a_note(text, names)  # noqa: E731
    monkeypatch.setattr(explainer.claims, "needs_a_note", counting)
    block = "Start. " + "it went on. " * 8000
    assert sentences(block) == ["Start. " + "it went on. " * 7999 + "it went on."]  # one sentence, read whole
    assert 0 < sum(read) <= len(block)  # each character looked at once
