"""Events: data/events.yml checks, the Key dates block, `event:` links, the Timeline page and its data files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup, Comment
from catalogue import MISTAKES, replace
from conftest import BuiltSite, generated_page
from factories import event
from layers import data_problems, every_page_body, every_page_problems, page_problems
from markdown.serializers import to_html_string

from explainer.context import PageInfo, SiteMap
from explainer.datafile import Records
from explainer.dates import PartialDate
from explainer.events.exports import events_csv, events_json
from explainer.events.extension import EventsExtension, key_dates_block
from explainer.events.records import Figure, build_events
from explainer.registry import new_context
from explainer.story import Currency, DateRange, Story
from explainer.yamlfile import parse_yaml

# The engine's tests' story: its span and currencies (data/story.yml's `dates:` and `currencies:`).
SPAN = DateRange(PartialDate(2020, 10), PartialDate(2026, 6))
STORY = Story(
    dates=SPAN,
    span=SPAN,
    currencies={"USD": Currency("USD", "$"), "EUR": Currency("EUR", "", " euros"), "HKD": Currency("HKD", "HK$")},
)

EVENTS = "data/events.yml"
THE_FALL = "docs/story/the-fall.md"
CASES = "docs/story/timeline-cases.md"

GOOD_ENTRY = """\
- id: e
  date: "{date}"
  precision: {precision}
  title: T
  summary: {summary}
  sources: [s]
  section: the-fall
  involved: []
"""


def build_one(date: str, precision: str, summary: str = "One sentence.", extra: str = "") -> tuple[dict, list[str]]:
    text = "# comment\n" + GOOD_ENTRY.format(date=date, precision=precision, summary=summary) + extra
    records, problems = build_events(parse_yaml(text.encode(), EVENTS), STORY)
    return records, [str(problem) for problem in problems]


# Dates, precision and range: pure checks as a table -------------------------------------------


def words(line: str) -> str:
    """A problem's words after its entry's name: `data/events.yml:3: event 'e': <words>` -> `<words>`."""
    return line.split("': ", 1)[1]


# Each refused date names the catalogued mistake that gives the same words on the fixture (tests/catalogue.py:
# the words live there; tests/test_bad_inputs.py runs it at the data layer).
@pytest.mark.parametrize(
    ("date", "precision", "catalogued"),
    [
        ("2020-11-03", "day", None),
        ("2023-03", "month", None),
        ("2021", "year", None),
        ("2023-02-30", "day", "event-impossible-date"),
        ("2023-13", "month", "event-month-13"),
        ("2023-03-01", "month", "event-month-written-as-day"),
        ("2023-03", "year", "event-month-written-as-year"),
        ("2023-03", "day", "event-precision-finer-than-date"),
        ("2020-09-30", "day", "event-just-before-the-story-span"),
        ("2026-07", "month", "event-just-after-the-story-span"),
        ("2020-10", "month", None),
        ("2025-04", "month", None),
        ("2026-06-30", "day", None),
    ],
)
def test_date_checks(date, precision, catalogued):
    records, problems = build_one(date, precision)
    if catalogued is None:
        assert problems == [] and records
    else:
        assert [words(problem) for problem in problems] == [words(MISTAKES[catalogued].message)]
        assert problems[0].startswith("data/events.yml:3: event 'e': ") and not records


def test_outside_range_needs_the_flag_and_the_flag_needs_an_outside_date():
    _, problems = build_one("2019-09", "month", extra="  outside_story_range: true\n")
    assert problems == []
    _, problems = build_one("2023-03", "month", extra="  outside_story_range: true\n")
    assert [words(problem) for problem in problems] == [words(MISTAKES["event-flagged-but-inside-range"].message)]
    assert problems[0].startswith("data/events.yml:3: event 'e': ")


def test_headline_is_off_unless_the_entry_says_so():
    records, _ = build_one("2021-09", "month")
    assert records["e"].headline is False
    records, problems = build_one("2021-09", "month", extra="  headline: true\n")
    assert problems == [] and records["e"].headline is True


@pytest.mark.parametrize(
    ("summary", "sentences"),
    [
        ("One.", 1),
        ("One. Two! Three?", 3),
        ("Shares rose 2.5% in the U.S. market. Then fell.", 2),
        ("Mr. Ma met Dr. Li in the U.S. on Monday. Talks went on. They ended.", 3),  # the audit rule's sentences
        ("One. Two. Three. Four.", 4),
        ("Alibaba listed. iQiyi followed. eBay stalled. Analysts shrugged.", 4),  # a lower-case name ends none
        ("Brian A. Wong left. He came back. He left.", 3),  # an initial does
    ],
)
def test_summary_is_one_to_three_sentences(summary, sentences):
    _, problems = build_one("2021-01-01", "day", summary=summary)
    if sentences <= 3:
        assert problems == []
    else:  # the words of the catalogued summary of four sentences
        assert [words(problem) for problem in problems] == [words(MISTAKES["event-summary-of-four-sentences"].message)]
        assert problems[0].startswith("data/events.yml:6: event 'e': ")


def test_events_are_ordered_by_date_month_before_its_days():
    text = (
        GOOD_ENTRY.format(date="2021-02-07", precision="day", summary="S.")
        + GOOD_ENTRY.replace("id: e", "id: f").format(date="2021-02", precision="month", summary="S.")
        + GOOD_ENTRY.replace("id: e", "id: g").format(date="2020-12-01", precision="day", summary="S.")
    )
    records, problems = build_events(parse_yaml(text.encode(), EVENTS))
    assert problems == []
    assert list(records) == ["g", "f", "e"]


# Rendering: pure functions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("figure", "shown"),
    [
        (Figure(18.228, "billion", "Fine", "EUR", STORY.currencies["EUR"]), "18.228 billion euros"),
        (Figure(3.75, "billion", "Offer", "USD", STORY.currencies["USD"]), "$3.75 billion"),
        (Figure(8, "percent", "Rise"), "8%"),
        (Figure(2048, "chips", "Chips"), "2,048 chips"),
        (Figure(10.0, "billion", "Value", "HKD", STORY.currencies["HKD"]), "HK$10 billion"),
    ],
)
def test_figure_display(figure, shown):
    assert figure.display == shown


def test_key_dates_block_escapes_and_links_each_entry():
    events = [event(title='Fish & "chips" <b>'), event(id="m", date=PartialDate(2023, 3))]
    block = to_html_string(key_dates_block(events, "../timeline.md"))
    assert "Fish &amp; &quot;chips&quot; &lt;b&gt;" in block
    assert '<a href="../timeline.md#e"><time datetime="2020-11-03">3 November 2020</time>' in block
    assert '<time datetime="2023-03">March 2023</time>' in block


@pytest.mark.parametrize(("count", "in_view"), [(6, 6), (7, 6), (11, 6)])
def test_key_dates_show_six_and_the_rest_behind_all_n_dates(count: int, in_view: int):
    events = [event(id=f"e{day}", date=PartialDate(2020, 11, day), title=f"Day {day}") for day in range(1, count + 1)]
    block = BeautifulSoup(to_html_string(key_dates_block(events, "../timeline.md")), "html.parser")
    first, *rest = block.select("ol.key-dates__list")
    assert [title.get_text() for title in first.select(".key-dates__title")] == [f"Day {day}" for day in range(1, 7)]
    more = block.select_one("details.key-dates__more")
    if count == in_view:
        assert more is None and rest == []
        return
    assert more.summary.get_text() == f"All {count} dates"
    (listing,) = rest
    assert listing["start"] == "7" and len(listing.select("li")) == count - in_view


class CountingRecords(dict):
    """Records by id that count how often they are scanned."""

    scans = 0

    def values(self):
        self.scans += 1
        return super().values()


def test_events_are_grouped_by_section_once_per_build():
    events = [
        event(title="Fall one"),
        event(id="r", title="Rise", section="ai-success"),
        event(id="f", title="Fall two"),
    ]
    records = CountingRecords({e.id: e for e in events})
    context = new_context(events=Records(records))
    extension = EventsExtension(context=context)
    shown = []
    for section in ["the-fall", "ai-success", "the-fall"]:
        context.page = PageInfo(f"story/{section}.md", f"story/{section}/", "T", "# T\n\n<!-- key-dates -->\n")
        block = BeautifulSoup(markdown.markdown(context.page.source_text, extensions=[extension]), "html.parser")
        shown.append([title.get_text() for title in block.select(".key-dates__title")])
    assert shown == [["Fall one", "Fall two"], ["Rise"], ["Fall one", "Fall two"]]
    assert records.scans == 1 and context.problems == []


def test_timeline_markdown_escapes_data_and_links_sources_and_story():
    context = new_context(
        events=Records(
            {e.id: e for e in [event(summary="A < B & C.", figures=(Figure(1, "billion", "Fine <x>", "USD"),))]}
        )
    )
    context.site = SiteMap(story_titles={"story/the-fall.md": "The fall"})
    page = generated_page("timeline.md", context)
    assert "A &lt; B &amp; C." in page
    assert "Fine &lt;x&gt;:" in page
    assert 'href="../story/the-fall/">In the story: The fall</a>' in page
    assert 'href="../sources/#s">s</a>' in page
    assert '<a class="timeline-mark" xlink:href="#e" role="link" aria-label="3 November 2020: T" ' in page


def test_published_data_is_deterministic_and_complete():
    events = [event(figures=(Figure(8, "percent", "Rise"),), involved=("jack-ma", "ant-group")), event(id="f")]
    assert events_json(events) == events_json(list(events))
    records = json.loads(events_json(events))
    assert [record["id"] for record in records] == ["e", "f"]
    assert list(records[0]) == sorted(records[0])
    assert records[0]["figures"] == [{"amount": 8, "label": "Rise", "unit": "percent"}]
    rows = list(csv.DictReader(io.StringIO(events_csv(events))))
    assert set(rows[0]) == set(records[0])
    assert rows[0]["involved"] == "jack-ma; ant-group"
    assert json.loads(rows[0]["figures"]) == records[0]["figures"]
    assert rows[1]["figures"] == ""


# The fixture site ---------------------------------------------------------------------------------


def test_story_page_shows_its_key_dates_where_the_marker_was(fixture_build: BuiltSite):
    page = fixture_build.html("story/the-fall/")
    block = page.select_one("aside.key-dates")
    assert block is not None and block.find_previous_sibling("p").get_text().startswith("The listing was halted")
    items = block.select("li a")
    assert [a["href"] for a in items] == ["../../timeline/#ipo-halted", "../../timeline/#group-split"]
    assert [a.time["datetime"] for a in items] == ["2020-11-03", "2023-03"]
    assert [a.time.get_text() for a in items] == ["3 November 2020", "March 2023"]
    assert not page.find_all(string=lambda text: isinstance(text, Comment) and "key-dates" in text)


def test_inline_event_reference_links_the_timeline_entry_with_date_tooltip(fixture_build: BuiltSite):
    page = fixture_build.html("story/timeline-cases/")
    link = page.select_one("a.event-ref")
    assert link.get_text() == "the listing was halted"
    assert link["href"] == "../../timeline/#ipo-halted"
    assert link["title"] == "3 November 2020"
    assert "[not a link](event:no-such-event)" in page.select_one("p code").get_text()


def test_timeline_page_lists_every_event_by_year(fixture_build: BuiltSite):
    page = fixture_build.html("timeline/")
    assert [h2.contents[0].strip() for h2 in page.select("article h2")] == ["2020", "2023"]
    entries = page.select("article.timeline-entry")
    assert [entry["id"] for entry in entries] == ["cases-first-week", "ipo-halted", "group-split"]
    halted = page.select_one("#ipo-halted")
    assert halted.select_one("time")["datetime"] == "2020-11-03"
    assert halted.select_one(".timeline-entry__section")["href"] == "../story/the-fall/"
    assert halted.select_one(".timeline-entry__sources a")["href"] == "../sources/#wire-2020-ipo"
    assert "$34.5 billion" in halted.select_one(".timeline-entry__figures").get_text()
    involved = halted.select(".timeline-entry__involved a")
    assert [a["href"] for a in involved] == ["../glossary/#ant-group", "../glossary/#jack-ma"]
    assert [a.get_text() for a in involved] == ["Ant Group", "Jack Ma"]
    assert page.select_one("#group-split .timeline-entry__involved") is None
    assert "approximate" in page.select_one("#group-split .timeline-entry__date-note").get_text()
    assert page.select_one("#cases-first-week h3").get_text() == 'A speech & its "quotes"'


def test_timeline_svg_marks_are_named_links_to_entries(fixture_build: BuiltSite):
    svg = fixture_build.html("timeline/").select_one("figure.timeline-figure svg")
    marks = svg.select("a.timeline-mark")
    assert [mark["xlink:href"] for mark in marks] == ["#ipo-halted", "#group-split", "#cases-first-week"]
    assert marks[0]["aria-label"] == "3 November 2020: The record listing is halted"
    assert marks[0]["data-tooltip"] == marks[0]["aria-label"]
    # Bands in reading order (the nav's), not in order of their first event
    assert [label.get_text() for label in svg.select(".timeline-lane__label")] == ["The fall", "Timeline cases"]


def test_timeline_links_its_data_files_which_the_build_writes(fixture_build: BuiltSite):
    links = [a["href"] for a in fixture_build.html("timeline/").select(".timeline-data a")]
    assert links == ["../events.json", "../events.csv"]
    records = json.loads((fixture_build.site_dir / "events.json").read_text(encoding="utf-8"))
    assert [record["id"] for record in records] == ["cases-first-week", "ipo-halted", "group-split"]
    assert (fixture_build.site_dir / "events.csv").read_text(encoding="utf-8").startswith("id,date,precision,")


def test_an_event_added_to_the_data_appears_in_the_list_and_the_picture(fixture_project: Path):
    """At the page layer: the Timeline rendered from its template, the story page converted (the build's own
    links, resolved by MkDocs, are the fixture build's: test_story_page_shows_its_key_dates_where_the_marker_was)."""
    events = fixture_project / EVENTS
    events.write_text(
        events.read_text(encoding="utf-8")
        + "- id: added-event\n  date: '2024-06'\n  precision: month\n  title: Added\n  summary: Added.\n"
        "  sources: [wire-2020-ipo]\n  section: the-fall\n  involved: []\n",
        encoding="utf-8",
    )
    assert every_page_problems(fixture_project) == []
    bodies = every_page_body(fixture_project)
    page = BeautifulSoup(bodies["timeline.md"], "html.parser")
    assert page.select_one("article.timeline-entry#added-event time").get_text() == "June 2024"
    mark = page.select_one("svg.timeline-svg").find("a", attrs={"xlink:href": "#added-event"})
    assert mark["aria-label"] == "June 2024: Added"
    assert [h2.contents[0].strip() for h2 in page.select("h2")] == ["2020", "2023", "2024"]
    story = BeautifulSoup(bodies["story/the-fall.md"], "html.parser")
    assert story.select_one('aside.key-dates a[href="../timeline.md#added-event"]')


# Mistakes in events and Key dates markers: tests/catalogue.py (EVENT_CASES), run at their layer by
# tests/test_bad_inputs.py.


def test_a_marker_whose_events_are_left_out_for_their_own_problem_is_not_reported_again(fixture_project: Path):
    """An event with a problem of its own is left out of the records; the Key dates marker of its chapter, which
    then shows nothing, is not reported too: the event's line is the one to fix."""
    replace(EVENTS, 'date: "2020-10-24"', 'date: "2020-10-34"')(fixture_project)
    assert [problem.split(":", 2)[:2] for problem in data_problems(fixture_project)] == [[EVENTS, "22"]]
    assert page_problems(fixture_project, "story/timeline-cases.md") == []
    # The positive control: the event moved to another chapter, the marker is reported (its catalogued line).
    replace(EVENTS, "section: timeline-cases", "section: the-fall")(fixture_project)
    assert page_problems(fixture_project, "story/timeline-cases.md") == [MISTAKES["marker-naming-nothing"].message]
