"""The SVG toolkit the Timeline and the charts share (explainer/svg.py): elements, the story's span,
time scales in the unit a span calls for, value scales and text measures."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ElementTree
from itertools import pairwise

import pytest
from conftest import ENGINE

from explainer.dates import PartialDate
from explainer.svg import (
    Span,
    date_span,
    element,
    fit,
    link,
    markup,
    number,
    story_span,
    sub,
    svg_root,
    text_width,
    time_axis,
    time_scale,
    time_unit,
    value_scale,
    wrap,
)

LEFT, RIGHT = 18, 322  # a phone-wide picture, 340 units


def days(start: tuple[int, int, int], end: tuple[int, int, int]) -> Span:
    """The span from `start` to `end`, both days included."""
    return Span(dt.date(*start), dt.date(*end) + dt.timedelta(days=1))


def labels(span: Span, right: float = RIGHT, scale: str = "auto") -> list[str]:
    times = time_scale(span, LEFT, right, scale)
    return [text for _, text in time_axis(times, (1, right + LEFT - 1)).labels]


# Elements ---------------------------------------------------------------------------------------


def test_every_value_is_escaped_by_the_serializer():
    root = svg_root("picture", 100, 50.25, 'A "picture" & <more>')
    sub(root, "text", {"x": 1.25, "y": None}, "<script>alert(1)</script> & co")
    link(root, "#a&b", "It's <b>", "mark")
    written = markup(root)
    assert "<script>" not in written and "&lt;script&gt;" in written
    parsed = ElementTree.fromstring(written)  # well-formed XML, hence well-formed inline SVG
    assert parsed.get("aria-label") == 'A "picture" & <more>'
    assert parsed.get("viewBox") == "0 0 100 50.2"
    (text,) = parsed.iter("{http://www.w3.org/2000/svg}text")
    assert text.get("x") == "1.2" and "y" not in text.attrib
    (anchor,) = parsed.iter("{http://www.w3.org/2000/svg}a")
    assert anchor.get("{http://www.w3.org/1999/xlink}href") == "#a&b" and anchor.get("role") == "link"


@pytest.mark.parametrize(("value", "written"), [(12.0, "12"), (12.25, "12.2"), (-0.01, "0"), (-3.0, "-3"), (7, "7")])
def test_numbers_are_written_with_at_most_one_decimal(value, written):
    assert number(value) == written


def test_an_element_leaves_out_attributes_that_are_none():
    assert markup(element("line", {"class": None, "x1": 1.0, "x2": 2})) == '<line x1="1" x2="2" />'


# The story's span -------------------------------------------------------------------------------


def test_the_story_span_is_derived_from_the_data_unless_configured():
    dates = [PartialDate(2021, 3, 23), PartialDate(2021, 4), PartialDate(2021, 3, 30)]
    assert story_span(dates) == Span(dt.date(2021, 3, 23), dt.date(2021, 5, 1))
    configured = (PartialDate(2021, 1), PartialDate(2021, 12))
    assert story_span(dates, configured) == Span(dt.date(2021, 1, 1), dt.date(2022, 1, 1))
    assert story_span([], configured) == Span(dt.date(2021, 1, 1), dt.date(2022, 1, 1))
    assert story_span([]) is None


def test_a_date_outside_a_configured_span_widens_it_so_nothing_falls_off_the_picture():
    span = story_span([PartialDate(2020, 12, 31)], (PartialDate(2021, 1), PartialDate(2021, 6)))
    assert span == Span(dt.date(2020, 12, 31), dt.date(2021, 7, 1))


@pytest.mark.parametrize(
    ("date", "span"),
    [
        (PartialDate(2020, 11, 3), (dt.date(2020, 11, 3), dt.date(2020, 11, 4))),
        (PartialDate(2024, 12), (dt.date(2024, 12, 1), dt.date(2025, 1, 1))),
        (PartialDate(2021), (dt.date(2021, 1, 1), dt.date(2022, 1, 1))),
    ],
)
def test_date_span_covers_what_a_partial_date_can_mean(date, span):
    assert date_span(date) == span


# Time scales: the unit from the span ------------------------------------------------------------

TWELVE_DAYS = days((2021, 3, 23), (2021, 4, 3))  # e.g. a ship blocking a canal, 23 March to 3 April
FIVE_MONTHS = days((2024, 11, 4), (2025, 3, 28))
SIX_YEARS = days((2020, 10, 24), (2026, 5, 12))


def test_a_twelve_day_story_gets_a_day_scaled_axis_with_day_ticks_and_labels():
    times = time_scale(TWELVE_DAYS, LEFT, RIGHT)
    assert (times.unit, times.start, times.end) == ("days", dt.date(2021, 3, 23), dt.date(2021, 4, 4))
    axis = time_axis(times, (1, RIGHT + LEFT - 1))
    assert len(axis.ticks) == 13  # every day, and the end
    assert [major for _, major in axis.ticks].count(True) == 1  # 1 April starts a month
    assert labels(TWELVE_DAYS) == ["23 Mar", "25", "27", "29", "31", "2 Apr"]
    wide = labels(TWELVE_DAYS, right=642)  # a desktop-wide picture names every day, and the year
    assert wide == ["23 Mar 2021", "24", "25", "26", "27", "28", "29", "30", "31", "1 Apr", "2", "3"]


def test_a_story_of_a_few_months_gets_months():
    times = time_scale(FIVE_MONTHS, LEFT, RIGHT)
    assert (times.unit, times.start, times.end) == ("months", dt.date(2024, 11, 1), dt.date(2025, 4, 1))
    assert labels(FIVE_MONTHS) == ["Nov 2024", "Dec", "Jan 2025", "Feb", "Mar"]
    assert labels(FIVE_MONTHS, right=642) == ["November 2024", "December", "January 2025", "February", "March"]


def test_a_story_of_several_years_gets_years_between_whole_quarters():
    times = time_scale(SIX_YEARS, LEFT, RIGHT)
    assert (times.unit, times.start, times.end) == ("years", dt.date(2020, 10, 1), dt.date(2026, 7, 1))
    axis = time_axis(times, (1, RIGHT + LEFT - 1))
    assert len(axis.ticks) == 24  # every quarter
    assert [x for x, major in axis.ticks if major] == list(axis.grid)  # a longer tick and a gridline each 1 January
    assert labels(SIX_YEARS) == ["2021", "2022", "2023", "2024", "2025", "2026"]  # 2020's quarter: too short


def test_a_few_weeks_get_weeks_from_monday():
    span = days((2021, 3, 3), (2021, 4, 20))
    assert time_scale(span, LEFT, RIGHT).start == dt.date(2021, 3, 1)
    assert labels(span, right=642) == ["1 Mar 2021", "8 Mar", "15 Mar", "22 Mar", "29 Mar", "5 Apr", "12 Apr", "19 Apr"]


@pytest.mark.parametrize(
    ("span_days", "unit"),
    [(1, "days"), (31, "days"), (32, "weeks"), (62, "weeks"), (63, "months"), (731, "months"), (732, "years")],
)
def test_the_unit_follows_the_length_of_the_span(span_days: int, unit: str):
    assert time_unit(Span(dt.date(2021, 1, 1), dt.date(2021, 1, 1) + dt.timedelta(days=span_days))) == unit


@pytest.mark.parametrize("scale", ["days", "weeks", "months", "years"])
def test_a_configured_scale_is_used_whatever_the_span(scale: str):
    assert time_scale(FIVE_MONTHS, LEFT, RIGHT, scale).unit == scale


def test_an_unknown_scale_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="unknown time scale 'decades'; use auto, days, weeks, months, years"):
        time_unit(FIVE_MONTHS, "decades")


def test_months_forced_on_six_years_are_ticked_but_named_by_year_where_month_names_crowd():
    axis = time_axis(time_scale(SIX_YEARS, LEFT, RIGHT, "months"), (1, RIGHT + LEFT - 1))
    assert len(axis.ticks) == 69  # every month, October 2020 to June 2026
    assert axis.label_unit == "years" and next(text for _, text in axis.labels) == "2021"


@pytest.mark.parametrize("span", [TWELVE_DAYS, FIVE_MONTHS, SIX_YEARS, days((2024, 4, 1), (2026, 3, 31))])
@pytest.mark.parametrize("right", [RIGHT, 342, 642])
def test_time_labels_never_touch_and_stay_inside(span: Span, right: float):
    times = time_scale(span, LEFT, right)
    axis = time_axis(times, (1, right + LEFT - 1))
    boxes = [(x - text_width(text) / 2, x + text_width(text) / 2) for x, text in axis.labels]
    assert boxes and all(a[1] < b[0] for a, b in pairwise(boxes))
    assert boxes[0][0] >= 0.5 and boxes[-1][1] <= right + LEFT - 0.5


# Value scales -----------------------------------------------------------------------------------


def test_values_run_from_zero_to_a_round_number_in_round_steps():
    values = value_scale([(837.84, 858), (190.5, 190.5)], top=30, bottom=180)
    assert (values.low, values.high, values.step) == (0, 1000, 250)
    assert values.ticks() == [0, 250, 500, 750, 1000]
    assert (values.y(0), values.y(1000)) == (180, 30)


def test_negative_values_put_zero_inside():
    values = value_scale([(-2, -2), (18, 18)], top=0, bottom=100)
    assert values.ticks() == [-5, 0, 5, 10, 15, 20]


# Text ---------------------------------------------------------------------------------------------


def test_text_is_measured_for_the_size_and_weight_it_is_drawn_at():
    assert text_width("2021", size=24) == 2 * text_width("2021")
    assert text_width("Peak", bold=True) > text_width("Peak")


def test_fit_cuts_with_an_ellipsis_and_wrap_breaks_between_words():
    assert fit("A short title", 500) == "A short title"
    cut = fit("A title far too long to fit in this room", 120)
    assert cut.endswith("\u2026") and text_width(cut) <= 120
    lines = wrap("Shanghai exchange suspends Ant Group's IPO", 130)
    assert " ".join(lines) == "Shanghai exchange suspends Ant Group's IPO"
    assert len(lines) > 1 and all(text_width(line) <= 130 for line in lines)
    assert wrap("Unbreakable", 10) == ("Unbreakable",)


def _wrapped_by_measuring_each_line(content: str, room: float) -> tuple[str, ...]:
    """wrap as first written: every candidate line measured whole with text_width."""
    lines: list[str] = []
    for word in content.split():
        if lines and text_width(f"{lines[-1]} {word}") <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return tuple(lines) or ("",)


def test_wrap_measures_its_lines_as_text_width_does():
    """wrap adds each word to the line's running width (speed); the lines are those measuring every
    candidate line whole would give, at every room, including the rooms a line exactly fills."""
    title = "Shanghai exchange suspends Ant Group’s IPO — “Ma’s” fintech (2020): 37% of WWW, iiii"
    words = title.split()
    rooms = {text_width(" ".join(words[i:j])) for i in range(len(words)) for j in range(i + 1, 4 + i)}
    rooms |= {room + delta for room in list(rooms) for delta in (-0.01, 0.01)} | {10, 100, 160, 400}
    for room in sorted(rooms):
        assert wrap(title, room) == _wrapped_by_measuring_each_line(title, room)
    assert len({wrap(title, room) for room in rooms}) > 5  # positive control: the rooms break it apart
    assert wrap("", 100) == ("",) and text_width("") == 0


# One toolkit, no cycle ------------------------------------------------------------------------------

DRAWING = {
    "svg.py": ("dates",),  # the toolkit: only dates (for annotations)
    "figures/chart_svg.py": ("svg", "dates", "figures"),
    "events/timeline_svg.py": ("svg", "datafile", "dates", "events"),
}


def imported(path) -> set[str]:
    """The modules of the core a file imports, relative to `explainer` ('svg', 'figures.records')."""
    import ast

    found = set()
    package = path.parent.relative_to(ENGINE / "explainer").parts
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = [*package[: len(package) - node.level + 1], *(node.module.split(".") if node.module else [])]
            found |= {".".join(base) if base else alias.name for alias in node.names}
    return found


@pytest.mark.parametrize(("module", "allowed"), DRAWING.items())
def test_the_drawing_code_uses_the_toolkit_and_no_other_concern(module: str, allowed: tuple[str, ...]):
    """The charts and the Timeline no longer import each other (chart_svg once took its scale from timeline_svg)."""
    found = imported(ENGINE / "explainer" / module)
    assert {name for name in found if name.split(".")[0] not in allowed} == set()
