"""The real story pages, as readers get them: every sentence with a figure, a date or a quotation
carries a source note (the audit rule in CONTRIBUTING.md)."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import NavigableString, Tag
from conftest import REPO, BuiltSite

# Every chapter, so a new one is checked without anyone listing it here.
STORY_PAGES = sorted(path.stem for path in (REPO / "docs" / "story").glob("*.md"))

NOTE = "\x00"  # stands for a source note's reference mark in a sentence's text
# A sentence ends at . ! or ?, then any closing quotes or brackets and the notes that close it,
# then a space. A note right after the end of a sentence supports that sentence.
SENTENCE_END = re.compile(r"(?<=[.!?])[”’\")\]\x00]*\s+")
FIGURE_OR_DATE = re.compile(r"\d")
QUOTATION = re.compile(r"[“”\"]")
# Names with a digit in them are names, not figures: the glossary's terms and aliases (Qwen 2.5-Max,
# DeepSeek-R1, H800...) and these, which the glossary does not define.
NAMES_WITH_DIGITS = ["Covid-19", "Qwen-7B-Chat", "Qwen-7B", "Qwen3-Max", "Ernie 4.5"]


def glossary_names_with_digits() -> list[str]:
    entries = yaml.safe_load((REPO / "data" / "glossary.yml").read_text(encoding="utf-8"))
    names = {name for entry in entries for name in [entry["term"], *entry.get("aliases", [])]}
    return [name for name in names if FIGURE_OR_DATE.search(name)]


NAMES = sorted({*glossary_names_with_digits(), *NAMES_WITH_DIGITS}, key=len, reverse=True)


def prose_blocks(built: BuiltSite, page: str) -> list[Tag]:
    """The story's own paragraphs and list items: the article's top-level <p>s and the items of its
    top-level lists. What the site adds around them (Key dates, notes, corrections, admonitions) is
    nested or carries a class."""
    article = built.html(f"story/{page}/").select_one("article")
    paragraphs = [p for p in article.find_all("p", recursive=False) if not p.get("class")]
    lists = [each for each in article.find_all(["ul", "ol"], recursive=False) if not each.get("class")]
    return paragraphs + [item for each in lists for item in each.find_all("li", recursive=False)]


def text_with_notes(element: Tag) -> str:
    """The element's text as a reader sees it, with each source note's mark replaced by NOTE and
    correction marks (C1, C2...) left out."""
    parts = []
    for child in element.children:
        if isinstance(child, NavigableString):
            parts.append(str(child))
        elif child.name == "sup" and "correction-ref" in (child.get("class") or []):
            continue
        elif child.name == "sup" and child.get("id", "").startswith("fnref"):
            parts.append(NOTE)
        else:
            parts.append(text_with_notes(child))
    return "".join(parts)


def sentences(text: str) -> list[str]:
    """Sentences, each with the notes that close it; a full stop inside an open quotation is not an end."""
    found, start = [], 0
    for end in SENTENCE_END.finditer(text):
        if text.count("“", start, end.start()) > text.count("”", start, end.start()):
            continue
        found.append(text[start : end.end()].strip())
        start = end.end()
    found.append(text[start:].strip())
    return [sentence for sentence in found if sentence]


def needs_a_note(sentence: str) -> bool:
    for name in NAMES:
        sentence = sentence.replace(name, "")
    return bool(FIGURE_OR_DATE.search(sentence) or QUOTATION.search(sentence))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"One.{NOTE} Two. Three{NOTE} ends.", [f"One.{NOTE}", "Two.", f"Three{NOTE} ends."]),
        (f"He said “A. B.” and left.{NOTE}{NOTE} Next", [f"He said “A. B.” and left.{NOTE}{NOTE}", "Next"]),
        (f"(An aside.){NOTE} After.", [f"(An aside.){NOTE}", "After."]),
        ("Price 18.228 yuan. Done", ["Price 18.228 yuan.", "Done"]),
    ],
)
def test_sentences_keep_their_closing_notes(text, expected):
    assert sentences(text) == expected


def test_names_with_digits_are_not_figures():
    assert not needs_a_note("DeepSeek-R1 and Qwen 2.5-Max came out.")
    assert needs_a_note("It rose 8% that day.")
    assert needs_a_note("He called it “a rally”.")


@pytest.mark.parametrize("page", STORY_PAGES)
def test_every_sentence_with_a_figure_date_or_quotation_has_a_source_note(real_build: BuiltSite, page: str) -> None:
    unsourced = [
        sentence.replace(NOTE, "")[:100]
        for block in prose_blocks(real_build, page)
        for sentence in sentences(text_with_notes(block))
        if needs_a_note(sentence) and NOTE not in sentence
    ]
    assert unsourced == []


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
