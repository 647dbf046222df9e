"""data/figures.yml: units, typed series and points, the story's range, and how the file ties into the data layer.

Each mistake a contributor can make in the file is in the bad-input catalogue
(tests/test_bad_inputs.py, FIGURE_CASES); these are the unit tables behind it.
"""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURE_SITE, REPO, SCHEMA_DIR

from explainer.dates import PartialDate
from explainer.figures.records import build_figures
from explainer.figures.units import BUILT_IN, MINUS, units_of
from explainer.registry import check_site_data, load_site_data
from explainer.story import DateRange, Story
from explainer.yamlfile import parse_yaml

# A story of the engine's tests: its own units over the built-in ones, and a span of its own.
SPAN = DateRange(PartialDate(2020, 10), PartialDate(2026, 6))
STORY = Story(
    units={
        "usd-billion": {"axis": "US$ billion", "prefix": "$", "suffix": " billion"},
        "eur-billion": {"axis": "billion euros", "suffix": " billion euros"},
        "hkd-billion": {"axis": "HK$ billion", "prefix": "HK$", "suffix": " billion"},
    },
    dates=SPAN,
    span=SPAN,
)
UNITS = units_of(STORY)

SERIES_HEAD = """
- id: s
  title: A series
  unit: usd-billion
  description: What it measures.
  points:
"""


def build(points_yaml: str, story: Story = STORY):
    document = parse_yaml((SERIES_HEAD + points_yaml).encode(), "data/figures.yml")
    return build_figures(document, story)


# Units --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "value", "text"),
    [
        ("usd-billion", 858, "$858 billion"),
        ("usd-billion", 837.84, "$837.84 billion"),
        ("usd-billion", 1460.5, "$1,460.5 billion"),
        ("eur-billion", 280.2, "280.2 billion euros"),
        ("hkd-billion", 1460, "HK$1,460 billion"),
        ("percent", 18, "18%"),
        ("percent", -2, f"{MINUS}2%"),
        ("percent", 0.5, "0.5%"),
        ("count", 1200, "1,200"),
        ("usd-billion", -3.25, f"{MINUS}$3.25 billion"),
    ],
)
def test_each_unit_writes_values_as_readers_expect(unit, value, text):
    assert UNITS[unit].format(value) == text


def test_a_range_reads_low_to_high_in_words():
    assert UNITS["usd-billion"].format_range(837.84, 858) == "$837.84 billion to $858 billion"


def test_the_units_are_the_built_in_ones_then_the_storys():
    assert list(UNITS) == ["percent", "count", "usd-billion", "eur-billion", "hkd-billion"]
    assert list(units_of(Story())) == list(BUILT_IN) == ["percent", "count"]


def test_the_schemas_units_are_filled_in_from_the_story():
    from explainer.editor_schemas import schemas_for

    schema = schemas_for(STORY)["figures"]
    assert schema["$defs"]["unit"]["enum"] == list(UNITS)
    engine_schema = json.loads((SCHEMA_DIR / "figures.schema.json").read_text(encoding="utf-8"))
    assert "enum" not in engine_schema["$defs"]["unit"]


# Typed records ------------------------------------------------------------------------------


def test_points_become_typed_records_oldest_first():
    records, problems = build(
        """
    - date: "2020-10"
      low: 837.84
      high: 858
      sources: [a, b]
      note: The sources disagree.
      event: peak
    - date: "2021-03-31"
      value: 615
      sources: [b, c]
"""
    )
    assert problems == []
    series = records["s"]
    peak, later = series.points
    assert peak.is_range and peak.extent == (837.84, 858) and peak.event == "peak"
    assert not later.is_range and later.extent == (615, 615) and later.date == PartialDate(2021, 3, 31)
    assert series.sources == ("a", "b", "c")
    assert series.anchor(peak) == "figure-s-2020-10"
    assert series.value_text(peak) == "$837.84 billion to $858 billion"
    assert series.value_text(later) == "$615 billion"


def test_a_series_with_a_wrong_point_is_left_out_and_every_problem_is_reported():
    records, problems = build(
        """
    - date: "2021-02-30"
      value: 1
      sources: [a]
    - date: "2021-03"
      low: 3
      sources: [a]
"""
    )
    assert records == {}
    assert [problem.line for problem in problems] == [8, 12]  # the impossible date; the half-given range


@pytest.mark.parametrize(
    ("date", "inside"),
    [
        (PartialDate(2020, 10), True),
        (PartialDate(2020, 9, 30), False),
        (PartialDate(2026, 6, 30), True),
        (PartialDate(2026, 7), False),
        (PartialDate(2021), True),
        (PartialDate(2020), False),  # the year began before the story did
    ],
)
def test_story_range_is_whole_months_of_the_story(date, inside):
    assert SPAN.lies_within(date) is inside


@pytest.mark.parametrize(
    ("date", "inside"),
    [
        (PartialDate(2024, 2), True),  # February 2024 ends on the 29th, the span's last day
        (PartialDate(2024, 2, 29), True),
        (PartialDate(2024, 3), False),
        (PartialDate(2024), False),
    ],
)
def test_a_month_lies_within_a_span_that_ends_on_its_last_day(date, inside):
    assert DateRange(PartialDate(2023, 4), PartialDate(2024, 2, 29)).lies_within(date) is inside


def test_extending_the_story_extends_the_figures_range():
    point = """
    - date: "2026-09"
      value: 400
      sources: [a]
"""
    assert build(point)[1]
    wider = DateRange(PartialDate(2020, 10), PartialDate(2026, 12))
    records, problems = build(point, Story(units=STORY.units, dates=wider, span=wider))
    assert problems == [] and records["s"].points[0].date == PartialDate(2026, 9)


# The data layer -------------------------------------------------------------------------------


def test_sources_cited_only_by_figures_count_as_cited():
    check = check_site_data(FIXTURE_SITE)
    figure_sources = {source for series in check.records.figures for source in series.sources}
    assert figure_sources and figure_sources <= check.cited["sources"]


def test_the_real_figures_load_and_every_point_is_sourced_and_dated_within_the_story():
    site = load_site_data(REPO)
    series = site.figures
    assert {"alibaba-market-value", "cloud-revenue-growth"} <= set(series.by_id)
    for each in series:
        for point in each.points:
            assert point.sources and site.story.span.lies_within(point.date)
            assert point.note or not point.is_range


def test_the_real_peak_shows_where_sources_disagree():
    peak = load_site_data(REPO).figures.by_id["alibaba-market-value"].points[0]
    assert peak.is_range and "cnbc-2025-alibaba-rally" in peak.sources
    assert "858" in peak.note and "837.84" in peak.note
