"""The story's vocabulary (data/story.yml, explainer.story): read and checked like data, `file:line`
messages that name the fix, the engine's neutral defaults without it, and what a site's own settings
change on its pages (a kind of correction listed on a page of its own, a "Last checked" notice)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, build_project

from explainer.schema import load_schema
from explainer.story import DEFAULT_STORY, read_story

SCHEMA = load_schema("story")


def problems_of(text: str) -> list[str]:
    _, problems = read_story(text.encode(), SCHEMA)
    return [str(problem) for problem in problems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "subject: X\nrelationship:\n  owner: {independent: false}\n",
            "data/story.yml:2: unknown key 'relationship'; did you mean 'relationships'? (allowed: subject, dates, "
            "relationships, units, currencies, corrections, glossary, sources, timeline)",
        ),
        (
            "relationships:\n  owner:\n    disclosure: The owner's statement\n",
            "data/story.yml:2: relationship 'owner': missing required key 'independent'; write independent: true if "
            "such a source counts as independent of the subject on every page, else independent: false",
        ),
        (
            "relationships:\n  independent: {independent: false}\n",
            "data/story.yml:2: relationship 'independent' must count as independent (independent: true); give a tie "
            "of another kind a key of its own",
        ),
        (
            'dates:\n  start: "2021-04"\n  end: "2021-03"\n',
            "data/story.yml:3: dates: start (April 2021) is after end (March 2021); swap them",
        ),
        (
            "units:\n  percent: {axis: per cent}\n",
            "data/story.yml:2: unit 'percent' is built in; give your own unit another key, or remove this one",
        ),
        (
            "corrections:\n  kinds:\n    clarification: {notice: Clarified}\n",
            "data/story.yml:3: correction kind 'clarification': a kind of the site's own needs label: and heading: "
            "(how a note introduces itself, and the heading of its list); add them",
        ),
        (
            "timeline:\n  headline_events: {min: 8, max: 4}\n",
            "data/story.yml:2: timeline: headline_events min (8) is more than max (4); lower min or raise max",
        ),
    ],
)
def test_a_mistake_in_the_vocabulary_is_one_located_line_naming_the_fix(text, expected):
    assert problems_of(text) == [expected]


def test_without_the_file_the_engine_names_no_story():
    story, problems = read_story(None, SCHEMA)
    assert problems == [] and story == DEFAULT_STORY
    assert story.subject == "" and story.of_subject == ""
    assert list(story.relationships) == ["independent"]
    assert story.currencies == {} and story.units == {}
    assert list(story.kinds) == ["fact", "update"]
    assert list(story.categories) == ["person", "organization", "product", "concept"]


def test_this_sites_vocabulary_is_read_without_a_problem():
    story, problems = read_story((REPO / "data" / "story.yml").read_bytes(), SCHEMA)
    assert problems == []
    assert story.subject and "translation" in story.kinds and story.headline_events == (6, 12)


def test_a_misspelt_key_stops_the_build_at_its_line(fixture_project: Path):
    story = fixture_project / "data" / "story.yml"
    story.write_text(story.read_text(encoding="utf-8").replace("units:", "unit:"), encoding="utf-8")
    built = build_project(fixture_project)
    assert not built.ok
    said = [line for line in built.located if line.startswith("data/story.yml:")]
    assert said == [
        "data/story.yml:24: unknown key 'unit'; did you mean 'units'? (allowed: subject, dates, relationships, "
        "units, currencies, corrections, glossary, sources, timeline)"
    ]


def test_a_site_without_story_yml_builds_with_neutral_words(fixture_project: Path):
    (fixture_project / "data" / "story.yml").unlink()
    sources = fixture_project / "data" / "sources.yml"
    text = sources.read_text(encoding="utf-8").replace("stake: owned-by-example-group", "stake: independent")
    sources.write_text(text.replace("stake: example-group", "stake: independent"), encoding="utf-8")
    events = fixture_project / "data" / "events.yml"
    events.write_text(events.read_text(encoding="utf-8").replace(", currency: USD", ""), encoding="utf-8")
    figures = fixture_project / "data" / "figures.yml"
    figures.write_text(figures.read_text(encoding="utf-8").replace("unit: usd-billion", "unit: count"), "utf-8")
    corrections = fixture_project / "data" / "corrections.yml"
    corrections.write_text(corrections.read_text(encoding="utf-8").replace("kind: translation", "kind: fact"), "utf-8")
    built = build_project(fixture_project)
    assert built.ok, built.messages
    summary = built.html("ties/").select_one(".source-summary").get_text(strip=True)
    assert summary == "This page cites 3 distinct sources, 3 of them independent."
    corrected = built.html("corrected/")
    labels = [mark.get_text() for mark in corrected.select(".correction-ref a")]
    assert sorted(labels) == ["C1", "C2", "C3", "U1"]  # each default kind numbered on its own
    assert "An earlier version of this page said" in corrected.select_one("ul.corrections").get_text()


def test_a_kind_not_marked_in_the_text_is_listed_on_its_own_page(fixture_project: Path):
    story = fixture_project / "data" / "story.yml"
    text = story.read_text(encoding="utf-8").replace(
        "      mark: C\n    translation:",
        "      mark: C\n    translation:\n      inline: false\n      page: translation-log.md\n"
        "      page_title: Translation log",
    )
    text += (
        "    checked:\n      label: Checked\n      heading: Pages checked again\n      notice: Last checked\n"
        "      inline: false\n"
    )
    story.write_text(text, encoding="utf-8")
    corrections = fixture_project / "data" / "corrections.yml"
    corrections.write_text(
        corrections.read_text(encoding="utf-8")
        + '- id: corrected-checked\n  page: corrected.md\n  issued: "2026-12-01"\n  kind: checked\n'
        "  correction: Every figure on this page was checked again.\n",
        encoding="utf-8",
    )
    built = build_project(fixture_project)
    assert built.ok, built.messages
    page = built.html("corrected/")
    assert [mark.get_text() for mark in page.select(".correction-ref a")] == ["C1", "C2"]  # fact and update only
    assert page.select(".correction-spot")  # the translations' phrases, unmarked, for their entries to link to
    notices = [notice.get_text(" ", strip=True) for notice in page.select(".corrected-notice")]
    assert any(notice.startswith("Last checked 1 December 2026") for notice in notices)
    log = built.html("translation-log/")
    assert log.select_one("h1").get_text(strip=True).startswith("Translation log")
    assert {entry["id"] for entry in log.select(".correction-entry")} == {"hugging-face", "dan-ives"}
    listed = {entry["id"] for entry in built.html("corrections/").select(".correction-entry")}
    assert "hugging-face" not in listed and "corrected-checked" in listed
