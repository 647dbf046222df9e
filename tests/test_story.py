"""The real story pages, as readers get them: every figure and date carries a source note."""

from __future__ import annotations

import re

import pytest
from conftest import BuiltSite

STORY_PAGES = [
    "correct-course",
    "the-fall",
    "uncertainty-and-confusion",
    "steadying-the-ship",
    "political-winds",
    "ai-success",
    "ai-competition",
]


def prose_paragraphs(built: BuiltSite, page: str) -> list:
    """The story's own paragraphs: the article's top-level <p>s. What the site adds around them
    (Key dates, notes, corrections, the correction notice) is nested or carries a class."""
    article = built.html(f"story/{page}/").select_one("article")
    return [p for p in article.find_all("p", recursive=False) if not p.get("class")]


@pytest.mark.parametrize("page", STORY_PAGES)
def test_every_story_paragraph_with_a_figure_or_date_has_a_source_note(real_build: BuiltSite, page: str) -> None:
    unsourced = [
        p.get_text(" ", strip=True)[:80]
        for p in prose_paragraphs(real_build, page)
        if re.search(r"\d", p.get_text())
        and not p.select_one('sup[id^="fnref"]')
        # A paragraph that only points to other chapters through event links states nothing new.
        and not (p.select("a.event-ref") and "explains how" in p.get_text())
    ]
    assert unsourced == []


@pytest.mark.parametrize("page", STORY_PAGES)
def test_almost_every_story_paragraph_has_a_source_note(real_build: BuiltSite, page: str) -> None:
    paragraphs = prose_paragraphs(real_build, page)
    sourced = [p for p in paragraphs if p.select_one('sup[id^="fnref"]')]
    assert len(sourced) >= 0.8 * len(paragraphs)
