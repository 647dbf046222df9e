"""The story's vocabulary (data/story.yml, explainer.story): read and checked like data, `file:line`
messages that name the fix, the engine's neutral defaults without it, and what a site's own settings
change on its pages (a kind of correction listed on a page of its own, a "Last checked" notice)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from catalogue import MISTAKES
from conftest import REPO, BuiltSite
from layers import data_layer, data_problems, page_problems, site_pages

from explainer.context import BuildContext
from explainer.registry import CONCERNS
from explainer.schema import load_schema
from explainer.story import DEFAULT_SOURCE_KINDS, DEFAULT_STORY, read_story
from explainer.urlcheck import KNOWN_PUBLISHERS
from explainer_mkdocs.safety import source_address_warnings

SCHEMA = load_schema("story")


def problems_of(text: str) -> list[str]:
    _, problems = read_story(text.encode(), SCHEMA)
    return [str(problem) for problem in problems]


MISSPELT = (
    "unknown key '{key}'; did you mean '{key}s'? (allowed: subject, dates, relationships, units, currencies,"
    " corrections, glossary, sources, timeline)"
)


def words(line: str) -> str:
    """A problem's words after its location: `data/story.yml:3: <words>` -> `<words>`."""
    return line.split(": ", 1)[1]


def test_a_misspelt_key_is_one_located_line_naming_the_fix():
    text = "subject: X\nrelationship:\n  owner: {independent: false}\n"
    assert problems_of(text) == ["data/story.yml:2: " + MISSPELT.format(key="relationship")]


@pytest.mark.parametrize(
    ("text", "line", "key"), [("1: x\n", 1, "1"), ("subject: X\n2.5: x\nnull: y\ntitel: z\n", 2, "2.5")]
)
def test_a_key_that_is_a_number_or_null_is_an_unknown_key_not_a_crash(text, line, key):
    """YAML keys need not be text, and mixed ones do not sort: the first unknown key as text is the one named."""
    assert problems_of("subject: X\n") == []  # the positive control
    [problem] = problems_of(text)
    assert problem.startswith(f"data/story.yml:{line}: unknown key '{key}' (allowed: subject, dates, ")


# Each names the catalogued mistake that gives the same words on the fixture (tests/catalogue.py: the words live
# there; tests/test_bad_inputs.py runs it at the data layer).
@pytest.mark.parametrize(
    ("text", "line", "catalogued"),
    [
        (
            "relationships:\n  state-media:\n    disclosure: State-owned media\n",
            2,
            "story-relationship-without-independent",
        ),
        ("relationships:\n  independent: {independent: false}\n", 2, "story-independent-that-is-not"),
        ('dates:\n  start: "2026-06"\n  end: "2020-10"\n', 3, "story-dates-swapped"),
        ("units:\n  percent: {axis: per cent}\n", 2, "story-unit-built-in"),
        (
            "corrections:\n  kinds:\n    translation: {notice: Translation notes added}\n",
            3,
            "story-correction-kind-without-label",
        ),
        (
            "sources:\n  kinds:\n    filing: {description: A court filing.}\n",
            3,
            "story-source-kind-without-heading",
        ),
        ("timeline:\n  headline_events: {min: 8, max: 4}\n", 2, "story-headline-events-min-above-max"),
    ],
)
def test_a_mistake_in_the_vocabulary_is_one_located_line_naming_the_fix(text, line, catalogued):
    problems = problems_of(text)
    assert [words(problem) for problem in problems] == [words(MISTAKES[catalogued].message)]
    assert problems[0].startswith(f"data/story.yml:{line}: ")


def test_without_the_file_the_engine_names_no_story():
    story, problems = read_story(None, SCHEMA)
    assert problems == [] and story == DEFAULT_STORY
    assert story.subject == "" and story.of_subject == ""
    assert list(story.relationships) == ["independent"]
    assert story.currencies == {} and story.units == {}
    assert list(story.kinds) == ["fact", "update"]
    assert list(story.source_kinds) == ["primary", "news", "analysis", "reference"]
    assert list(story.categories) == ["person", "organization", "product", "concept"]
    assert story.known_hosts == ()  # the engine's publishers only (explainer.urlcheck.KNOWN_PUBLISHERS)


def test_this_sites_vocabulary_is_read_without_a_problem():
    story, problems = read_story((REPO / "data" / "story.yml").read_bytes(), SCHEMA)
    assert problems == []
    assert story.subject and "translation" in story.kinds and story.headline_events == (6, 12)
    # The publishers of its field are its own, none of them the engine's (that list names no story's field)
    assert "scmp.com" in story.known_hosts and KNOWN_PUBLISHERS.isdisjoint(story.known_hosts)


def test_a_misspelt_key_in_the_fixture_is_its_line_at_the_data_layer(fixture_project: Path):
    """Found by the data layer (which stops the build: tests/test_bad_inputs.py), with what the other data files
    then lack reported after it."""
    story = fixture_project / "data" / "story.yml"
    story.write_text(story.read_text(encoding="utf-8").replace("units:", "unit:"), encoding="utf-8")
    said = [line for line in data_problems(fixture_project) if line.startswith("data/story.yml:")]
    assert said == ["data/story.yml:24: " + MISSPELT.format(key="unit")]


def test_a_site_without_story_yml_builds_with_neutral_words(default_vocabulary_build: BuiltSite):
    """The session's build of the fixture in the default vocabulary (tests/conftest.py): every page, generated ones
    included, in the engine's default words."""
    built = default_vocabulary_build
    assert built.ok, built.messages
    summary = built.html("ties/").select_one(".source-summary").get_text(strip=True)
    assert summary == "This page cites 3 distinct sources, 3 of them independent."
    corrected = built.html("corrected/")
    labels = [mark.get_text() for mark in corrected.select(".correction-ref a")]
    assert sorted(labels) == ["C1", "C2", "C3", "U1"]  # each default kind numbered on its own
    assert "An earlier version of this page said" in corrected.select_one("ul.corrections").get_text()


def test_a_kind_not_marked_in_the_text_is_listed_on_its_own_page(fixture_project: Path):
    """A page the vocabulary adds to the site (MkDocs' files and nav): every page as the build converts it, in one build
    context (layers.site_pages; no theme, no file written)."""
    story = fixture_project / "data" / "story.yml"
    text = story.read_text(encoding="utf-8").replace(
        "      mark: C\n    translation:",
        "      mark: C\n    translation:\n      inline: false\n      page: translation-log.md\n"
        "      page_title: 'Translation log: by chapter'",  # YAML reads it otherwise: the front matter quotes it
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
    converted = site_pages(fixture_project)
    assert converted.found == [] and converted.stopped == "", converted.problems

    def body(src_uri: str) -> BeautifulSoup:
        return BeautifulSoup(converted.pages[src_uri].content, "html.parser")

    page = body("corrected.md")
    assert [mark.get_text() for mark in page.select(".correction-ref a")] == ["C1", "C2"]  # fact and update only
    assert page.select(".correction-spot")  # the translations' phrases, unmarked, for their entries to link to
    notices = [notice.get_text(" ", strip=True) for notice in page.select(".corrected-notice")]
    assert any(notice.startswith("Last checked 1 December 2026") for notice in notices)
    log = body("translation-log.md")
    assert log.select_one("h1").get_text(strip=True).startswith("Translation log: by chapter")
    assert converted.pages["translation-log.md"].meta["title"] == "Translation log: by chapter"  # its front matter read
    assert {entry["id"] for entry in log.select(".correction-entry")} == {"hugging-face", "dan-ives"}
    listed = {entry["id"] for entry in body("corrections.md").select(".correction-entry")}
    assert "hugging-face" not in listed and "corrected-checked" in listed


OWN_SOURCE_KINDS = (
    "\nsources:\n  kinds_intro: Court filings come first.\n  kinds:\n    filing:\n      heading: Court filings\n"
    "    primary: {heading: Company statements}\n"
)


def test_a_sites_kinds_of_source_add_to_reword_and_order_the_engines():
    """Written kinds in the order written, then the defaults not written; a default keeps what is not rewritten. The
    default sentence about the kinds is said only while the kinds and their headings are the engine's, in order."""
    story, problems = read_story(b"sources:\n  kinds:\n    filing: {heading: Court filings}\n", SCHEMA)
    assert problems == []
    assert [(key, kind.heading) for key, kind in story.source_kinds.items()] == [
        ("filing", "Court filings"),
        ("primary", "Primary sources"),
        ("news", "News reports"),
        ("analysis", "Analysis and commentary"),
        ("reference", "Reference"),
    ]
    assert story.source_kinds_intro == ""  # "Primary sources ... come first" would be untrue
    reworded, problems = read_story(b"sources:\n  kinds:\n    primary: {heading: Statements}\n", SCHEMA)
    assert problems == [] and reworded.source_kinds["primary"].heading == "Statements"
    assert reworded.source_kinds["primary"].description == DEFAULT_SOURCE_KINDS["primary"].description
    assert list(reworded.source_kinds) == list(DEFAULT_SOURCE_KINDS) and reworded.source_kinds_intro == ""
    described, problems = read_story(b"sources:\n  kinds:\n    primary: {description: Filings.}\n", SCHEMA)
    assert problems == [] and described.source_kinds_intro == DEFAULT_STORY.source_kinds_intro != ""  # the control
    said, problems = read_story(OWN_SOURCE_KINDS.encode(), SCHEMA)
    assert problems == [] and said.source_kinds_intro == "Court filings come first."


def test_a_source_kind_with_an_unknown_key_is_one_located_line():
    assert problems_of("sources:\n  kinds:\n    filing: {heading: Court filings}\n") == []  # the positive control
    [problem] = problems_of("sources:\n  kinds:\n    filing: {heading: Court filings, label: Filing}\n")
    assert words(problem) == words(MISTAKES["story-source-kind-unknown-key"].message)


def test_a_sites_own_kind_of_source_is_a_heading_of_its_sources_page(fixture_project: Path):
    """From data/story.yml to the Sources page, every page converted in one build context (layers.site_pages)."""
    story = fixture_project / "data" / "story.yml"
    story.write_text(story.read_text(encoding="utf-8") + OWN_SOURCE_KINDS, encoding="utf-8")
    sources = fixture_project / "data" / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("kind: news", "kind: filing"), encoding="utf-8")
    converted = site_pages(fixture_project)
    assert converted.found == [] and converted.stopped == "", converted.problems
    page = BeautifulSoup(converted.pages["sources.md"].content, "html.parser")
    headings = [heading.get_text(strip=True).rstrip("¶") for heading in page.select("h2")]
    # news has no source left, so no heading; the other defaults keep theirs, after the kinds written
    assert headings == ["Court filings", "Company statements", "Analysis and commentary", "Reference"]
    assert page.select_one("#wire-2020-ipo").find_previous("h2").get_text(strip=True).startswith("Court filings")
    intro = page.select_one("p").get_text()
    assert "Court filings come first." in intro and DEFAULT_STORY.source_kinds_intro not in intro


KNOWN_HOSTS = "sources:\n  known_hosts:\n    - courtlistener.com\n    - news.law360.com\n"


def test_a_sites_known_hosts_are_read_and_each_that_is_not_a_host_name_is_one_located_line():
    story, problems = read_story(KNOWN_HOSTS.encode(), SCHEMA)
    assert problems == [] and story.known_hosts == ("courtlistener.com", "news.law360.com")  # the positive control
    text = KNOWN_HOSTS.replace("courtlistener", "CourtListener").replace("news.law360.com", "https://law360.com/news")
    story, problems = read_story(text.encode(), SCHEMA)
    assert [problem.line for problem in problems] == [3, 4]  # every entry in one pass, each at its line
    assert words(str(problems[1])) == words(MISTAKES["story-known-host-not-a-host-name"].message)
    assert story.known_hosts == ()
    story, problems = read_story(b"sources:\n  known_hosts: [courtlistener.com, 'a b']\n", SCHEMA)
    assert len(problems) == 1 and story.known_hosts == ("courtlistener.com",)  # the good one is kept
    # A host written twice is harmless (the hosts are a set): not a problem, so no pairwise check of the entries,
    # which jsonschema's uniqueItems makes for a list it cannot sort (a number among them: 8 s at 10k, 212 s at 50k)
    story, problems = read_story(b"sources:\n  known_hosts: [courtlistener.com, 1, courtlistener.com]\n", SCHEMA)
    assert [problem.message for problem in problems] == ["'sources.known_hosts[1]' must be text (got 1)"]
    assert story.known_hosts == ("courtlistener.com", "courtlistener.com")


def test_a_sites_known_hosts_make_look_alikes_warn_in_its_sources_and_pages(fixture_project: Path):
    """Both callers (the sources' addresses after the build, a page's links as it is converted) get the story's."""
    sources = fixture_project / "data" / "sources.yml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(text.replace("https://example.com/wire/ipo-halted", "https://courtlistner.com/x"), "utf-8")
    page = fixture_project / "docs" / "story" / "the-fall.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA [ruling](https://courtlistner.com/r).\n", "utf-8")
    config = SimpleNamespace(config_file_path=str(fixture_project / "mkdocs.yml"))
    story = fixture_project / "data" / "story.yml"
    for configured in (False, True):  # the negative, then the positive control
        if configured:
            story.write_text(story.read_text(encoding="utf-8") + "\n" + KNOWN_HOSTS, encoding="utf-8")
        data = data_layer(fixture_project)
        context = BuildContext.of([concern.data for concern in CONCERNS], data.records or {})
        addresses = [str(problem) for problem in source_address_warnings(config, context)]
        links = [line for line in page_problems(fixture_project, "story/the-fall.md", data) if "courtlistner" in line]
        assert len(addresses) == len(links) == configured, (addresses, links)
    assert "looks like 'courtlistener.com'" in addresses[0] and links[0].startswith("docs/story/the-fall.md:")


# Reading the file: what the catalogue's cases leave unvisited ---------------------------------------------


def test_a_file_of_comments_only_is_the_engines_defaults():
    story, problems = read_story(b"# nothing set yet\n", SCHEMA)
    assert problems == [] and story == DEFAULT_STORY
    control, _ = read_story(b"subject: X\n", SCHEMA)  # the positive control: a setting is read
    assert control.subject == "X" and control != DEFAULT_STORY


@pytest.mark.parametrize(("text", "line"), [(b"subject: 'X\nunits: {}\n", 1), (b"- subject: X\n", 1)])
def test_a_file_that_cannot_be_used_gives_no_story_and_one_located_problem(text, line):
    """YAML that does not parse, a list: one problem (its words are the data layer's, catalogued for other
    files), and no story, so the data layer stops after reading the files."""
    story, problems = read_story(text, SCHEMA)
    assert story is None and [problem.line for problem in problems] == [line]
    assert read_story(b"subject: X\nunits: {}\n", SCHEMA)[0] is not None  # the positive control


def test_with_a_story_that_cannot_be_used_the_other_files_are_checked_for_yaml_only(fixture_project: Path):
    """Every problem in one pass: a data file's YAML syntax error is still reported beside the story's own line,
    but a value judged by the story's vocabulary (a source's kind) is not, as the story is not known."""
    syntax, vocabulary = MISTAKES["yaml-unclosed-quote"], MISTAKES["source-kind-unknown"]
    story = fixture_project / "data/story.yml"
    sound = story.read_bytes()
    vocabulary.make(fixture_project)
    assert data_problems(fixture_project) == [vocabulary.message]  # the positive control: judged with the story
    story.write_bytes(b"- subject: X\n")
    found = data_problems(fixture_project)
    assert [line.split(":", 2)[:2] for line in found] == [["data/story.yml", "1"]]  # the kind is not judged
    syntax.make(fixture_project)
    assert data_problems(fixture_project) == [*found, syntax.message]
    story.write_bytes(sound)
    assert data_problems(fixture_project) == [syntax.message]  # a file that does not parse is not judged either


def test_glossary_categories_and_the_timelines_scale_are_read():
    text = "glossary:\n  categories:\n    person: Folk\n    thing: Things\ntimeline:\n  scale: weeks\n"
    story, problems = read_story(text.encode(), SCHEMA)
    assert problems == []
    assert story.categories == {"person": "Folk", "thing": "Things"} and story.scale == "weeks"
    assert DEFAULT_STORY.scale == "auto" and "thing" not in DEFAULT_STORY.categories


def test_a_line_is_that_of_the_nearest_setting_written():
    story, _ = read_story(b"subject: X\ncorrections:\n  kinds:\n    fact: {label: Fix}\n", SCHEMA)
    assert story.line_of("corrections", "kinds", "fact") == 4
    assert story.line_of("corrections", "kinds", "fact", "page") == 4  # not written: its kind's line
    assert story.line_of("units", "usd") == 1  # nothing of it written: the file's first line


def test_the_corrections_intro_of_one_paragraph_is_inline_and_of_two_stays_in_paragraphs(fixture_project: Path):
    story = fixture_project / "data" / "story.yml"
    fixture = story.read_text(encoding="utf-8")
    story.write_text(fixture.replace("corrections:\n", "corrections:\n  intro: One *kind*.\n"), encoding="utf-8")
    assert data_layer(fixture_project).story.corrections_intro_html == "One <em>kind</em>."
    story.write_text(fixture.replace("corrections:\n", 'corrections:\n  intro: "One.\\n\\nTwo."\n'), encoding="utf-8")
    assert data_layer(fixture_project).story.corrections_intro_html == "<p>One.</p>\n<p>Two.</p>"
