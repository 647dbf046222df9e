"""Hostile inputs: what an attacker or a careless contributor might put in the data or the pages.

Each must be refused with one located line, or built into a site where nothing from the data
runs as script, loads from another host or restyles the page.
"""

from __future__ import annotations

import csv
import io
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURE_SITE, REPO, BuiltSite, build_config, build_project, write_project
from htmlcheck import java_and_vnu, style_attributes, unsafe_markup, vnu_errors
from test_bad_inputs import THE_FALL as THE_FALL_PAGE
from test_bad_inputs import Edit, append, fixture_size, located_lines, replace

from explainer.dates import PartialDate
from explainer.events.exports import events_csv
from explainer.events.records import Event

# Published data: events.csv ---------------------------------------------------------------------


def event(**overrides) -> Event:
    fields = dict(id="e", date=PartialDate(2020, 11, 3), title="T", summary="S.", sources=("s",), section="the-fall")
    return Event(**{**fields, **overrides})


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_escaped(start: str):
    """OWASP's advice for CSV injection: a leading formula character is preceded by a quote."""
    formula = f'{start}HYPERLINK("https://example.com","x")'
    rows = list(csv.DictReader(io.StringIO(events_csv([event(title=formula, summary=formula)]), newline="")))
    assert rows[0]["title"] == "'" + formula
    assert rows[0]["summary"] == "'" + formula


def test_ordinary_cells_are_unchanged():
    rows = list(csv.DictReader(io.StringIO(events_csv([event(title="Plain = fine", summary="A 3% rise.")]))))
    assert (rows[0]["title"], rows[0]["summary"], rows[0]["date"]) == ("Plain = fine", "A 3% rise.", "2020-11-03")


def test_csv_lines_end_with_crlf_as_rfc_4180_says():
    data = events_csv([event(), event(id="f", summary="Two\nlines.")]).encode("utf-8")
    records = data.split(b"\r\n")
    assert records[0].startswith(b"id,date,precision,") and records[-1] == b""
    assert len(records) == 4  # header, two events, and the empty string after the last CRLF
    assert b'"Two\nlines."' in data  # a line break inside a quoted field stays as written


# The catalogue ------------------------------------------------------------------------------------
#
# Each case edits a fresh copy of the fixture site and builds it with --strict, in this process. A
# refused case stops with exactly the one line given; a built case must leave no event handler, no
# foreign scheme and no style attribute on any page, and its pages must pass the Nu HTML Checker.
# Either way the build takes at most TIME_RATIO times a normal build of the real site, measured in
# the same run (CPU time of this process, so other work on the machine counts less).

TIME_RATIO = 3
GLOSSARY, EVENTS, SOURCES, THE_FALL = "data/glossary.yml", "data/events.yml", "data/sources.yml", THE_FALL_PAGE
PBOC_LONG = "long: The central bank."
DEPTH_LIMIT = "the limit for YAML in this project"
PBOC = "data/glossary.yml:38: glossary entry 'pboc': 'long'"
WITHIN_SITE = "; use https:// or a link within the site"


@dataclass(frozen=True)
class Hostile:
    name: str
    edit: Edit
    refused: str = ""  # the one located line of a refused input; "" if it builds
    pages: tuple[str, ...] = ()  # where a built input's content lands (checked by the Nu HTML Checker)

    @property
    def built(self) -> bool:
        return not self.refused


def long_is(markdown: str, refused: str = "", pages: tuple[str, ...] = ("glossary/",)) -> Edit:
    """data/glossary.yml with the pboc entry's `long` set to `markdown` (as a YAML block)."""
    block = "long: |\n" + "".join(f"    {line}\n" if line else "\n" for line in markdown.split("\n"))
    return replace(GLOSSARY, PBOC_LONG + "\n", block)


def long_case(name: str, markdown: str, refused: str = "") -> Hostile:
    return Hostile(f"long-{name}", long_is(markdown), f"{PBOC} {refused}" if refused else "", ("glossary/",))


CODE_EXAMPLE = "\n\nAn example, as indented code:\n\n    Cited in code.[^company-2023-split]\n    <!-- key-dates -->\n"

CASES = [
    # 1. Markdown in the glossary's `long`: the site's extensions, checked as a tree
    long_case(
        "attribute-event-handler",
        '[bank](https://e.com/){: onmouseover="alert(1)" }',
        "has an attribute 'onmouseover' on <a> (not allowed in data)",
    ),
    long_case(
        "attribute-javascript-href",
        '[bank](https://e.com/){: href="javascript:alert(1)" }',
        f"links to 'javascript:alert(1)'{WITHIN_SITE}",
    ),
    long_case(
        "attribute-style-overlay",
        'The central bank.\n{: style="position:fixed;inset:0;background:red" }',
        "has an attribute 'style' on <p> (not allowed in data)",
    ),
    long_case(
        "attribute-id-clobbering",
        "The central bank.\n{: #__search }",
        "has an attribute 'id' on <p> (not allowed in data)",
    ),
    long_case(
        "attribute-on-a-list-item",
        '- one\n- two\n{: onclick="alert(1)" }',
        "has an attribute 'onclick' on <li> (not allowed in data)",
    ),
    long_case(
        "footnote-with-javascript-link",
        "The bank.[^x]\n\n[^x]: [click](javascript:alert(1))",
        "has a footnote ([^…]), which is not allowed in data",
    ),
    long_case(
        "tab-split-javascript", "[x](java&#9;script:alert(1))", f"links to 'java\\tscript:alert(1)'{WITHIN_SITE}"
    ),
    long_case(
        "newline-split-javascript", "[x](java&#10;script:alert(1))", f"links to 'java\\nscript:alert(1)'{WITHIN_SITE}"
    ),
    long_case(
        "entity-letter-javascript", "[x](jav&#x61;script:alert(1))", f"links to 'javascript:alert(1)'{WITHIN_SITE}"
    ),
    long_case(
        "leading-space-javascript", "[x](&#32;javascript:alert(1))", f"links to ' javascript:alert(1)'{WITHIN_SITE}"
    ),
    long_case("uppercase-javascript", "[x](JAVASCRIPT:alert(1))", f"links to 'JAVASCRIPT:alert(1)'{WITHIN_SITE}"),
    long_case(
        "reference-javascript", "[x][r]\n\n[r]: javascript:alert(1)", f"links to 'javascript:alert(1)'{WITHIN_SITE}"
    ),
    long_case("protocol-relative-host", "[x](//evil.example/)", f"links to '//evil.example/'{WITHIN_SITE}"),
    long_case("backslash-host", "[x](/\\evil.example/)", f"links to '/\\\\evil.example/'{WITHIN_SITE}"),
    long_case("data-url", "[x](data:text/html,hi)", f"links to 'data:text/html,hi'{WITHIN_SITE}"),
    long_case("vbscript-url", "[x](vbscript:msgbox)", f"links to 'vbscript:msgbox'{WITHIN_SITE}"),
    long_case(
        "remote-image",
        "![x](https://e.com/x.png)",
        "embeds an image; the site loads nothing from other hosts, so describe it in words",
    ),
    long_case("heading", "# A heading", "has a <h1> element (a heading; not allowed in data)"),
    long_case("table", "| a |\n|---|\n| b |", "has a <table> element (a table; not allowed in data)"),
    long_case(
        "admonition",
        "!!! danger\n    Click here.",
        "has a <div> element (an admonition or a code block; not allowed in data)",
    ),
    long_case("details", "??? note\n    Hidden.", "has a <details> element (a collapsible block; not allowed in data)"),
    long_case(
        "abbreviation",
        "The PBOC.\n\n*[PBOC]: onmouseover",
        "has a <abbr> element (an abbreviation; not allowed in data)",
    ),
    long_case(
        "unclosed-brackets",
        "[" * 1400,
        "has a [ inside [ ]; data Markdown allows one level (links are written [text](url))",
    ),
    long_case("unclosed-parentheses", "[a](" * 350, "has a ( that is never closed with )"),
    long_case("too-long", "The central bank. " * 90, "is 1621 characters long; the limit is 1500"),
    long_case("escaped-script-stays-text", 'The &lt;script&gt;alert(1)&lt;/script&gt; bank & "co".'),
    long_case("mailto-and-uppercase-https", "[Desk](mailto:desk@example.com) and [site](HTTPS://example.com/)."),
    # 2. Front matter and plain-text fields into HTML attributes
    Hostile(
        "title-with-quotes-and-ampersand",
        replace(THE_FALL, "title: The fall", "title: 'Ant & \"Friends\" of Jack''s fall'"),
        pages=("story/the-fall/", "timeline/", "", "sources/", "glossary/"),
    ),
    Hostile(
        "description-with-quotes",
        replace(
            THE_FALL, "description: The fixture's story page.", 'description: \'It "ends" here" onmouseover="alert(1)\''
        ),
        pages=("story/the-fall/",),
    ),
    Hostile(
        "title-with-script",
        replace(THE_FALL, "title: The fall", "title: The <script>alert(1)</script> fall"),
        "docs/story/the-fall.md:2: front matter 'title' is plain text: write it without < or > (no HTML)",
    ),
    Hostile(
        "description-breaking-out-of-meta",
        replace(THE_FALL, "description: The fixture's story page.", "description: '\"><script>alert(1)</script>'"),
        "docs/story/the-fall.md:3: front matter 'description' is plain text: write it without < or > (no HTML)",
    ),
    Hostile(
        "event-title-with-quotes-and-ampersand",
        replace(EVENTS, "title: The group splits into six parts", "title: 'Split & \"six\" parts'' onclick=x'"),
        pages=("timeline/", "story/the-fall/"),
    ),
    Hostile(
        "tooltip-breaking-out-of-title",
        replace(GLOSSARY, "short: China's central bank.", 'short: \'China"s bank" onmouseover="alert(1)\''),
        pages=("story/glossary-cases/", "glossary/"),
    ),
    # 3. Files crafted to be slow
    Hostile("comment-brackets-100kb", append(SOURCES, "# see [note\n" * 10_000)),
    Hostile("comment-brackets-1mb", append(SOURCES, "# see [note\n" * 100_000)),
    Hostile("comment-braces-1mb", append(SOURCES, "# see {note ?\n" * 80_000)),
    Hostile("comment-pipes-one-line-1mb", append(SOURCES, "# " + "|" * 1_000_000 + " #\n")),
    Hostile(
        "data-file-over-the-limit",
        append(SOURCES, "# padding\n" * 420_000),
        f"data/sources.yml:1: {fixture_size(SOURCES) + 4_200_000:,} bytes is over the 4,194,304-byte (4 MB)"
        " limit for a data file",
    ),
    Hostile(
        "flow-nesting-1mb",
        append(SOURCES, "- " + "[" * 1_000_000 + "\n"),
        f"data/sources.yml:38: YAML syntax error: values are nested more than 20 levels deep, {DEPTH_LIMIT}",
    ),
    Hostile(
        "flow-nesting-100kb",
        append(SOURCES, "- " + "{a: " * 25_000 + "\n"),
        f"data/sources.yml:38: YAML syntax error: values are nested more than 20 levels deep, {DEPTH_LIMIT}",
    ),
    Hostile(
        "block-nesting",
        append(SOURCES, "".join("  " * level + "- a:\n" for level in range(200))),
        f"data/sources.yml:47: YAML syntax error: values are nested more than 20 levels deep, {DEPTH_LIMIT}",
    ),
    Hostile(
        "quoted-brackets-100kb",
        append(SOURCES, '- ["' + '["' * 50_000 + "\n"),
        "data/sources.yml:38: YAML syntax error: expected ',' or ']', but got '['",
    ),
    Hostile(
        "entries-over-the-limit",
        append(SOURCES, "- x\n" * 10_000),
        "data/sources.yml:10034: 10,004 entries is over the 10,000 limit for a data file",
    ),
    Hostile(
        "alias-bomb",
        append(SOURCES, "- &a [x, x, x, x, x, x, x, x, x]\n- &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"),
        "data/sources.yml:39: YAML syntax error: aliases (*name) are not supported; write the value out in full",
    ),
    Hostile(
        "page-over-the-limit",
        append(THE_FALL, "\nPadding.\n" * 30_000),
        f"docs/story/the-fall.md:1: {(FIXTURE_SITE / THE_FALL).stat().st_size + 300_000:,} bytes is over the"
        " 262,144-byte (256 KB) limit for a page; split it",
    ),
    # Work for our own scanners of page text (code spans, citations), which are linear. Pages are trusted,
    # and Python-Markdown itself is slow on some text (thousands of unclosed [, or of references to one
    # note): see SECURITY.md.
    Hostile(
        "page-of-unclosed-code-spans-and-citations",
        append(THE_FALL, "\n" + "`a `` ``` " * 2_000 + "\n\n" + "Cited.[^wire-2020-ipo] " * 200 + "\n"),
    ),
    # 4. Encodings
    Hostile(
        "page-not-utf-8",
        replace(THE_FALL, "## A split", "## A spl\udce9t"),
        "docs/story/the-fall.md:11: not UTF-8 (byte 0xE9 at offset 171); save the file as UTF-8",
    ),
    Hostile(
        "data-not-utf-8",
        replace(SOURCES, "Example Group announces", "Example Gr\udce9oup announces"),
        "data/sources.yml:13: not UTF-8 (byte 0xE9 at offset 445); save the file as UTF-8",
    ),
    # 5. Spreadsheet formulas
    Hostile(
        "csv-formula-title",
        replace(EVENTS, "title: The group splits into six parts", "title: '=HYPERLINK(\"https://e.com\")'"),
    ),
    Hostile(
        "csv-formula-summary",
        replace(
            EVENTS,
            "summary: The group said it would reorganize into six business groups.",
            'summary: "@SUM(1)\\tThe group said it would reorganize into six business groups."',
        ),
    ),
    # 7. Examples in code
    Hostile("citation-and-marker-in-indented-code", append("docs/story/timeline-cases.md", CODE_EXAMPLE)),
]


@dataclass
class Outcome:
    built: BuiltSite
    cpu_seconds: float


def cpu_timed_build(project: Path) -> Outcome:
    start = time.process_time()
    built = build_project(project, strict=True)
    return Outcome(built, time.process_time() - start)


@pytest.fixture(scope="module")
def normal_build_seconds(tmp_path_factory: pytest.TempPathFactory) -> float:
    """CPU seconds of a normal build of the real site, the slower of two (a generous baseline)."""
    times = []
    for attempt in range(2):
        start = time.process_time()
        built = build_config(REPO / "mkdocs.yml", tmp_path_factory.mktemp(f"normal{attempt}") / "site", strict=False)
        times.append(time.process_time() - start)
        assert built.ok, built.messages
    return max(times)


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """Every hostile input, built once."""
    results = {}
    for case in CASES:
        project = write_project(tmp_path_factory.mktemp(case.name) / "project")
        case.edit(project)
        results[case.name] = cpu_timed_build(project)
    return results


def test_the_catalogue_covers_every_item_of_the_issue():
    assert len(CASES) >= 30 and len({case.name for case in CASES}) == len(CASES)
    assert sum(case.built for case in CASES) >= 8 and sum(not case.built for case in CASES) >= 30


@pytest.mark.parametrize("case", [case for case in CASES if not case.built], ids=lambda case: case.name)
def test_a_hostile_input_is_refused_with_one_line(outcomes: dict[str, Outcome], case: Hostile):
    built = outcomes[case.name].built
    assert not built.ok
    assert located_lines(built.messages) == [case.refused]
    assert not any("Traceback" in message for message in built.messages)


@pytest.mark.parametrize("case", [case for case in CASES if case.built], ids=lambda case: case.name)
def test_a_hostile_input_that_builds_leaves_nothing_that_runs(outcomes: dict[str, Outcome], case: Hostile):
    built = outcomes[case.name].built
    assert built.ok, built.messages
    for path in sorted(built.site_dir.rglob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        where = path.relative_to(built.site_dir)
        assert unsafe_markup(page) == [], where
        assert style_attributes(page) == set(), where
        assert not [script for script in page.find_all("script") if "alert" in script.get_text()], where


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_hostile_input_takes_no_longer_than_a_normal_build(
    outcomes: dict[str, Outcome], normal_build_seconds: float, case: Hostile
):
    seconds = outcomes[case.name].cpu_seconds
    assert seconds <= TIME_RATIO * normal_build_seconds, f"{seconds:.2f} s against {normal_build_seconds:.2f} s"


@pytest.mark.slow
def test_pages_built_from_hostile_inputs_are_valid_html(outcomes: dict[str, Outcome]):
    """The Nu HTML Checker, once over every page the built inputs reach: no error but Material's."""
    java_and_vnu()
    root = next(iter(outcomes.values())).built.site_dir.parents[2]
    paths = [
        outcomes[case.name].built.site_dir / page / "index.html" for case in CASES if case.built for page in case.pages
    ]
    assert paths
    assert [str(error) for error in vnu_errors(paths, root) if error.known is None] == []


# What readers get from the built inputs ----------------------------------------------------------


def test_a_title_with_quotes_and_an_ampersand_is_written_exactly(outcomes: dict[str, Outcome]):
    page = outcomes["title-with-quotes-and-ampersand"].built.html("story/the-fall/")
    title = 'Ant & "Friends" of Jack\'s fall'
    assert page.select_one('meta[property="og:title"]')["content"].startswith(title + " · ")
    assert page.title.get_text().startswith(title + " - ")
    assert page.select_one("article h1").get_text().startswith("The fall")


def test_a_description_that_tries_to_leave_its_attribute_stays_in_it(outcomes: dict[str, Outcome]):
    page = outcomes["description-with-quotes"].built.html("story/the-fall/")
    description = 'It "ends" here" onmouseover="alert(1)'
    assert page.select_one('meta[name="description"]')["content"] == description
    assert page.select_one('meta[property="og:description"]')["content"] == description


def test_escaped_markup_in_a_long_explanation_is_text(outcomes: dict[str, Outcome]):
    page = outcomes["long-escaped-script-stays-text"].built.html("glossary/")
    entry = page.select_one("h3#pboc").find_parent("div")
    assert "<script>alert(1)</script> bank & “co”." in entry.get_text()
    assert entry.find("script") is None


def test_published_csv_cells_do_not_start_formulas(outcomes: dict[str, Outcome]):
    for name, field, value in [
        ("csv-formula-title", "title", '\'=HYPERLINK("https://e.com")'),
        ("csv-formula-summary", "summary", "'@SUM(1)\tThe group said it would reorganize into six business groups."),
    ]:
        data = (outcomes[name].built.site_dir / "events.csv").read_bytes()
        assert data.count(b"\r\n") == data.count(b"\n") == 4  # CRLF after the header and each event
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
        assert value in [row[field] for row in rows]


def test_examples_in_indented_code_make_no_note_and_no_second_key_dates(outcomes: dict[str, Outcome]):
    page = outcomes["citation-and-marker-in-indented-code"].built.html("story/timeline-cases/")
    assert page.select("div.footnote") == []
    assert len(page.select("aside.key-dates")) == 1
