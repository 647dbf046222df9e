"""`<!-- last-updated -->` is the date of the latest correction, so the home page's date never goes stale."""

from __future__ import annotations

import markdown
from conftest import REPO, BuiltSite, read_yaml

from explainer.corrections.records import Correction
from explainer.dates import parse_partial_date
from explainer.lastupdated import LastUpdatedExtension
from explainer.registry import new_context


def correction(correction_id: str, issued: str, kind: str = "fact") -> Correction:
    return Correction(correction_id, "story/x.md", "phrase", parse_partial_date(issued), kind, "old", "new", ("s",))


def convert(text: str, corrections: dict, fences: str = "fenced_code") -> tuple[str, list]:
    context = new_context(corrections=corrections, page="index.md")
    html = markdown.markdown(text, extensions=[fences, LastUpdatedExtension(context=context)])
    return html, context.problems


def test_the_marker_becomes_the_latest_date_of_any_kind_inside_a_sentence():
    corrections = {
        "a": correction("a", "2026-11-26", "translation"),
        "b": correction("b", "2026-12-06"),
        "c": correction("c", "2026-12-01", "update"),
    }
    html, problems = convert("Last updated <!-- last-updated -->.\n", corrections)
    assert html == '<p>Last updated <time datetime="2026-12-06">6 December 2026</time>.</p>'
    assert problems == []


def test_a_marker_in_code_stays_as_written():
    for text in ("```\n<!-- last-updated -->\n```\n", "Write `<!-- last-updated -->` in a sentence.\n"):
        html, _ = convert(text, {"b": correction("b", "2026-12-06")})
        assert "&lt;!-- last-updated --&gt;" in html and "<time" not in html
    html, _ = convert("`code` and <!-- last-updated -->\n", {"b": correction("b", "2026-12-06")})
    assert "<time" in html  # the positive control: the marker beside code, not in it


def test_a_marker_indented_in_raw_html_is_the_date_and_in_a_fence_under_a_line_stays_as_written():
    dated = {"b": correction("b", "2026-12-06")}
    html, _ = convert("<div>\n\n    Updated <!-- last-updated -->\n</div>\n", dated)
    assert '<time datetime="2026-12-06">' in html  # raw HTML, not an indented code block
    html, _ = convert("Text\n    ```\n    <!-- last-updated -->\n    ```\n", dated, fences="pymdownx.superfences")
    assert "&lt;!-- last-updated --&gt;" in html and "<time" not in html  # superfences' fence, at any indentation


def test_without_a_dated_correction_the_marker_is_a_problem():
    _, problems = convert("Last updated <!-- last-updated -->.\n", {})
    assert [problem.message for problem in problems] == [
        "<!-- last-updated --> is the date of the latest entry of data/corrections.yml, and it has none;"
        " write the date by hand instead"
    ]


def test_the_home_page_shows_the_date_of_the_latest_correction(real_build: BuiltSite):
    entries = read_yaml(REPO / "data" / "corrections.yml")
    latest = max(parse_partial_date(entry["issued"]) for entry in entries)
    shown = real_build.html("").select_one("article time")
    assert shown is not None and shown["datetime"] == latest.iso and shown.get_text() == latest.display
