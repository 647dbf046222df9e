"""The five Markdown extensions outside the build: by name with their data file, or from Python with the data.

Each is configured the Python-Markdown way (`config` with a help string per option, `makeExtension`),
so it can be listed under `markdown_extensions:` or used from Python, and every link it writes is
a link to a Markdown file relative to the page, which MkDocs turns into an address and checks.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURE_SITE

from explainer.context import PageInfo
from explainer.errors import DataError
from explainer.extensions import ExplainerExtension
from explainer.registry import load_site_data, new_context

DATA = FIXTURE_SITE / "data"
NAMES = [
    "explainer.sources.extension",
    "explainer.glossary.extension",
    "explainer.events.extension",
    "explainer.corrections.extension",
    "explainer.figures.extension",
]
# A story page that uses every kind of annotation of the fixture's data.
PAGE = "story/the-fall.md"
TEXT = """\
# The fall

<!-- key-dates -->

Jack Ma spoke, and [the listing](event:ipo-halted) was halted.[^wire-2020-ipo] It came to a
total of 34.5 billion dollars.

<!-- chart: group-value -->
"""


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("name", NAMES)
def test_each_extension_has_a_module_level_factory_and_documented_options(name: str):
    extension = importlib.import_module(name).makeExtension()
    assert isinstance(extension, ExplainerExtension)
    options = extension.getConfigInfo()
    assert {"context", "page"} <= {option for option, _ in options}
    assert all(len(help_text) > 20 for _, help_text in options), options


def by_name(name: str, options: dict, text: str = TEXT, extra: tuple = ("footnotes",)) -> BeautifulSoup:
    md = markdown.Markdown(extensions=[*extra, name], extension_configs={name: options})
    return soup(md.convert(text))


def test_sources_by_name_load_their_data_file():
    page = by_name(NAMES[0], {"data_file": str(DATA / "sources.yml"), "page": PAGE})
    note = page.select_one("li#fn\\:wire-2020-ipo .source-note")
    assert note.select_one("cite a")["href"] == "https://example.com/wire/ipo-halted"
    assert note.select_one("a.source-note__details")["href"] == "../sources.md#wire-2020-ipo"
    assert page.select_one("h2#sources-and-notes")


def test_glossary_by_name_loads_its_data_file():
    page = by_name(NAMES[1], {"data_file": str(DATA / "glossary.yml"), "page": PAGE})
    mention = page.select_one("a.glossary-term")
    assert (mention.get_text(), mention["href"]) == ("Jack Ma", "../glossary.md#jack-ma")


def test_events_by_name_load_their_data_file():
    page = by_name(NAMES[2], {"data_file": str(DATA / "events.yml"), "page": PAGE})
    assert [a["href"] for a in page.select("aside.key-dates li a")] == [
        "../timeline.md#ipo-halted",
        "../timeline.md#group-split",
    ]
    link = page.select_one("a.event-ref")
    assert (link["href"], link["title"]) == ("../timeline.md#ipo-halted", "3 November 2020")


def test_corrections_by_name_load_their_data_files(tmp_path: Path):
    options = {"data_file": str(DATA / "corrections.yml"), "sources_file": str(DATA / "sources.yml")}
    text = (FIXTURE_SITE / "docs" / "corrected.md").read_text(encoding="utf-8")
    page = by_name(NAMES[3], {**options, "page": "corrected.md"}, text, extra=("attr_list", "footnotes", "toc"))
    assert page.select_one("sup.correction-ref a")["href"].startswith("#correction:")
    assert page.select_one("p.corrections__all a")["href"] == "corrections.md"
    assert {a["href"].partition("#")[0] for a in page.select(".correction__sources a")} == {"sources.md"}


def test_a_bad_data_file_stops_with_its_file_and_line(tmp_path: Path):
    broken = tmp_path / "glossary.yml"
    broken.write_text("- id: x\n  term: X\n  category: nobody\n  short: S.\n  long: L.\n  sources: []\n", "utf-8")
    with pytest.raises(DataError) as raised:
        by_name(NAMES[1], {"data_file": str(broken)})
    assert str(raised.value).startswith(f"{broken}:3: glossary entry 'x': category 'nobody' is not one of the")


def test_all_five_from_python_with_the_data_passed_in():
    data = load_site_data(FIXTURE_SITE)
    from explainer.corrections.extension import CorrectionsExtension
    from explainer.events.extension import EventsExtension
    from explainer.figures.extension import FiguresExtension
    from explainer.glossary.extension import GlossaryExtension
    from explainer.sources.extension import SourceNotesExtension

    extensions = [
        FiguresExtension(figures=data.figures, sources=data.sources, events=data.events, page=PAGE),
        SourceNotesExtension(sources=data.sources, page=PAGE),
        GlossaryExtension(entries=data.glossary, page=PAGE),
        EventsExtension(events=data.events, page=PAGE),
        CorrectionsExtension(corrections=data.corrections, sources=data.sources, page=PAGE),
    ]
    page = soup(markdown.markdown(TEXT, extensions=["footnotes", *extensions]))
    assert page.select_one(".source-note") and page.select_one("a.glossary-term") and page.select_one(".key-dates")
    assert page.select_one("figure.chart table.chart-table")
    assert all(extension.context.problems == [] for extension in extensions)


def test_in_a_build_they_share_one_context_and_report_problems_at_the_page_line():
    context = new_context(load_site_data(FIXTURE_SITE))
    from explainer.events.extension import EventsExtension
    from explainer.sources.extension import SourceNotesExtension

    text = "# The fall\n\n<!-- key-dates -->\n\nA claim.[^nobody]\n\n[gone](event:nowhere)\n"
    context.page = PageInfo(PAGE, "story/the-fall/", "The fall", text)
    extensions = [SourceNotesExtension(context=context), EventsExtension(context=context)]
    markdown.markdown(text, extensions=["footnotes", *extensions])
    assert sorted(str(problem) for problem in context.problems) == [
        "docs/story/the-fall.md:5: cites unknown source 'nobody' (not in data/sources.yml)",
        "docs/story/the-fall.md:7: links unknown event 'nowhere' (not in data/events.yml)",
    ]


# Every link an extension writes is a Markdown link ---------------------------------------------------


def test_every_internal_link_the_extensions_write_points_at_a_markdown_file():
    data = load_site_data(FIXTURE_SITE)
    context = new_context(data)
    context.page = PageInfo(PAGE, "story/the-fall/", "The fall", TEXT)
    extensions = [importlib.import_module(name).makeExtension(context=context) for name in NAMES]
    page = soup(markdown.markdown(TEXT, extensions=["footnotes", *extensions]))
    hrefs = [a["href"] for a in page.select("a[href]")] + [a["xlink:href"] for a in page.select("svg a")]
    internal = [href for href in hrefs if not href.startswith(("https://", "#"))]
    assert internal and all(href.partition("#")[0].endswith(".md") for href in internal), internal
    assert {"../sources.md", "../timeline.md"} <= {href.partition("#")[0] for href in internal}
