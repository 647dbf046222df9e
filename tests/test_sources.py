"""Source notes: `[^source-id]` in pages, the notes readers see, and the Sources page."""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree

import markdown
import pytest
from conftest import SCHEMA_DIR, BuiltSite, generated_page
from factories import source
from markdown.serializers import to_html_string

from explainer.datafile import Records
from explainer.dates import PartialDate
from explainer.editor_schemas import schemas_for
from explainer.sources.extension import SourceNotesExtension, citation, cited_keys, fold_notes, sources_summary
from explainer.sources.records import Source
from explainer.story import DEFAULT_SOURCE_KINDS, DEFAULT_STORY, INDEPENDENT, Relationship, SourceKind, Story

# The engine's tests' own relationships (the fixture's data/story.yml says the same).
RELATIONSHIPS = {
    "independent": INDEPENDENT,
    "example-group": Relationship("example-group", False, "Example Group's own statement", "Example Group", "strong"),
    "owned-by-example-group": Relationship("owned-by-example-group", False, "Owned by Example Group", "", "strong"),
    "state-media": Relationship("state-media", True, "State-owned media", "", "strong"),
}
STORY = Story(subject="Example Group", relationships=RELATIONSHIPS)


@pytest.mark.parametrize(
    ("lines", "cited", "defined"),
    [
        (["A.[^a] B.[^b] again[^a]"], ["a", "b"], set()),
        (["Code `[^a]` too: Python-Markdown decides.[^b]"], ["a", "b"], set()),
        (["Own note.[^n]", "", "[^n]: My note cites [^a]."], ["n", "a"], {"n"}),
        (["No citations here."], [], set()),
    ],
)
def test_cited_keys_in_reading_order(lines, cited, defined):
    assert cited_keys(lines) == (cited, defined)


def citation_html(source: Source, details_href: str) -> str:
    """The note as it is written into the page."""
    return to_html_string(citation(source, details_href))


def test_citation_escapes_text_from_data():
    note = citation_html(source(title='<script>alert("x")</script>', publisher="A & B", authors=("O'Neil",)), "#s")
    assert "<script>" not in note
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in note
    assert "A &amp; B" in note
    assert "O&#x27;Neil" in note


def test_a_title_in_another_language_is_marked_with_it():
    marked = citation_html(source(title="阿里巴巴二季度经营利润下降3%", title_language="zh-Hans"), "#")
    assert '<cite lang="zh-Hans"><a href="https://example.com/">阿里巴巴二季度经营利润下降3%</a></cite>' in marked
    assert "<cite><a" in citation_html(source(), "#")  # positive control: no tag, no attribute


def test_citation_shows_date_at_its_precision():
    assert '<time datetime="2023-03">March 2023</time>' in citation_html(source(published=PartialDate(2023, 3)), "#")


def test_story_page_gets_numbered_source_notes(fixture_build: BuiltSite):
    page = fixture_build.html("story/the-fall/")
    refs = page.select("sup a.footnote-ref")
    assert [ref.get_text() for ref in refs] == ["1", "2", "1"]
    notes = page.select("div.footnote li")
    assert [note["id"] for note in notes] == ["fn:wire-2020-ipo", "fn:company-2023-split"]
    first = notes[0].select_one(".source-note")
    assert first.select_one("cite a")["href"] == "https://example.com/wire/ipo-halted"
    assert "Ann Writer and Bo Reporter" in first.get_text()
    assert first.select_one("time")["datetime"] == "2020-11-03"
    assert first.select_one("a.source-note__details")["href"] == "../../sources/#wire-2020-ipo"


def test_notes_are_headed_and_listed_in_page_toc(fixture_build: BuiltSite):
    page = fixture_build.html("story/the-fall/")
    heading = page.select_one("h2#sources-and-notes")
    assert heading is not None and "Sources and notes" in heading.get_text()
    assert heading.find_next_sibling("div")["class"] == ["footnote"]
    assert page.select_one('nav.md-nav--secondary a[href="#sources-and-notes"]') is not None


def test_code_is_never_treated_as_a_citation(fixture_build: BuiltSite):
    page = fixture_build.html("story/the-fall/")
    assert "[^not-a-source]" in page.select_one("p code").get_text()
    assert "[^also-not-a-source]" in page.select_one("pre code").get_text()


def test_a_note_for_a_key_only_in_code_goes_also_from_notes_the_page_placed_in_a_quote():
    cited = source()

    def convert(text: str) -> str:
        notes = SourceNotesExtension(sources={cited.id: cited}, page="story/x.md")
        return markdown.markdown(f"{text}\n\n> ///Footnotes Go Here///\n", extensions=["footnotes", notes])

    assert 'class="footnote"' not in convert(f"An example, `[^{cited.id}]`, in code.")  # it crashed: ValueError
    assert 'class="footnote"' in convert(f"A citation.[^{cited.id}]")  # the positive control


def test_sources_page_lists_every_source_with_backlinks(fixture_build: BuiltSite):
    page = fixture_build.html("sources/")
    entries = page.select(".source-entry")
    assert {entry["id"] for entry in entries} == {
        "wire-2020-ipo",
        "company-2023-split",
        "post-2021-fine",
        "daily-2020-summons",
    }
    assert DEFAULT_STORY.source_kinds_intro in page.select_one("article p").get_text()  # the engine's four kinds
    primary = page.select_one("#company-2023-split")
    assert primary.find_previous("h2").get_text(strip=True).startswith("Primary sources")
    assert "could not be confirmed" in primary.select_one(".source-entry__notes").get_text()
    cited_in = page.select("#wire-2020-ipo .source-entry__cited .backlinks a")
    assert [(a.get_text(), a["href"]) for a in cited_in] == [
        ("The fall", "../story/the-fall/#fnref:wire-2020-ipo"),
        ('The fall: chart of The group\'s value & "worth"', "../story/the-fall/#chart-group-value"),  # a point cites it
        # Every place that uses it (issue 20.5): glossary entries and Timeline entries, each by name.
        ("Glossary: Jack Ma", "../glossary/#jack-ma"),
        ("Glossary: Ant Group", "../glossary/#ant-group"),
        ("Glossary: People's Bank of China", "../glossary/#pboc"),
        ("Glossary: Fish & Chips Co", "../glossary/#fish-and-chips"),
        ('Timeline: A speech & its "quotes"', "../timeline/#cases-first-week"),
        ("Timeline: The record listing is halted", "../timeline/#ipo-halted"),
    ]


# A page citing an unknown source, a source nobody cites (a warning that fails --strict only): tests/catalogue.py,
# run at their layer and wired into the build by tests/test_bad_inputs.py.


def test_sources_of_mixed_date_precision_sort_on_the_sources_page():
    sources = [source(id="a", published=PartialDate(2023)), source(id="b", published=PartialDate(2023, 3, 1))]
    page = generated_page("sources.md", sources=Records({s.id: s for s in sources}))
    assert page.index('id="a"') < page.index('id="b"')


# Who is speaking: stakes, republished copies, single sources ---------------------------------


def disclosures(element) -> list[str]:
    return [span.get_text(" ", strip=True) for span in element.select(".source-disclosure")]


def test_stakes_are_the_storys_relationships_in_the_schema():
    schema = json.loads((SCHEMA_DIR / "sources.schema.json").read_text(encoding="utf-8"))
    assert "stake" in schema["items"]["required"]
    assert "enum" not in schema["items"]["properties"]["stake"]  # the engine's schema names no relationship
    filled = schemas_for(STORY)["sources"]["items"]["properties"]["stake"]
    assert filled["enum"] == list(RELATIONSHIPS)
    assert schemas_for(Story())["sources"]["items"]["properties"]["stake"]["enum"] == ["independent"]


def test_kinds_of_source_are_the_storys_vocabulary_in_the_schema():
    schema = json.loads((SCHEMA_DIR / "sources.schema.json").read_text(encoding="utf-8"))
    assert "enum" not in schema["items"]["properties"]["kind"]  # the engine's schema names no kind of source
    kinds = {**DEFAULT_SOURCE_KINDS, "filing": SourceKind("filing", "Court filings", "A court filing.")}
    filled = schemas_for(Story(source_kinds=kinds))["sources"]["items"]["properties"]["kind"]
    assert filled["enum"] == ["primary", "news", "analysis", "reference", "filing"]
    assert "filing: A court filing." in filled["description"]
    assert schemas_for(Story())["sources"]["items"]["properties"]["kind"]["enum"] == list(DEFAULT_SOURCE_KINDS)


def test_a_relationships_class_is_its_emphasis_never_its_key():
    assert RELATIONSHIPS["owned-by-example-group"].css_class == "source-disclosure source-disclosure--strong"
    assert Relationship("x", False, "X").css_class == "source-disclosure source-disclosure--normal"


def test_note_citing_a_source_with_a_stake_says_so(fixture_build: BuiltSite):
    page = fixture_build.html("ties/")
    notes = {item["id"]: item for item in page.select("div.footnote li")}
    assert disclosures(notes["fn:post-2021-fine"]) == ["Owned by Example Group."]
    assert disclosures(notes["fn:company-2023-split"]) == ["Example Group's own statement."]
    # The disclosure sits inside the note, so hover previews and side notes carry it too.
    assert notes["fn:post-2021-fine"].select_one(".source-note .source-disclosure--strong")


def test_note_citing_a_republished_copy_names_the_original(fixture_build: BuiltSite):
    note = fixture_build.html("ties/").find(id="fn:daily-2020-summons")
    assert disclosures(note) == ["Example Wire story, republished by Example Daily"]
    assert note.select_one(".source-disclosure--origin").find_previous_sibling("cite") is not None


def test_note_citing_an_independent_source_adds_nothing(fixture_build: BuiltSite):
    note = fixture_build.html("story/the-fall/").find(id="fn:wire-2020-ipo")
    assert disclosures(note) == []


@pytest.mark.parametrize(
    ("page", "summary"),
    [
        ("ties/", "This page cites 3 distinct sources, 1 of them independent of Example Group."),
        ("story/the-fall/", "This page cites 2 distinct sources, 1 of them independent of Example Group."),
    ],
)
def test_notes_open_with_a_count_of_sources_then_the_list_behind_all_n_notes(fixture_build: BuiltSite, page, summary):
    footnotes = fixture_build.html(page).select_one("div.footnote")
    *_, count, folded = footnotes.find_all(recursive=False)
    assert count.name == "p" and count["class"] == ["source-summary"]
    assert count.get_text(strip=True) == summary
    assert folded.name == "details" and folded["class"] == ["footnote__list"]
    notes = folded.select("ol > li")
    assert notes and len(notes) == len(footnotes.select("li"))  # every note is in the folded list
    assert folded.summary.get_text() == f"All {len(notes)} notes"


@pytest.mark.parametrize(("notes", "summary"), [(1, "1 note"), (2, "All 2 notes")])
def test_the_list_of_notes_folds_behind_its_count(notes: int, summary: str):
    footnotes = etree.fromstring("<div class='footnote'><hr/><ol>" + "<li>note</li>" * notes + "</ol></div>")
    assert fold_notes(footnotes) == 1  # where the list stood: the count of sources goes there, before it
    hr, folded = list(footnotes)
    assert (hr.tag, folded.tag, folded.get("class")) == ("hr", "details", "footnote__list")
    assert folded.find("summary").text == summary and len(folded.findall("ol/li")) == notes


def test_a_block_without_a_list_of_notes_is_left_as_it_is():
    footnotes = etree.fromstring("<div class='footnote'><hr/></div>")
    assert fold_notes(footnotes) == 1 and [child.tag for child in footnotes] == ["hr"]


def test_sources_page_discloses_stakes_origins_and_single_sources(fixture_build: BuiltSite):
    page = fixture_build.html("sources/")
    owned = page.select_one("#post-2021-fine")
    assert owned.select_one(".source-entry__disclosure").get_text(strip=True) == "Owned by Example Group."
    single = owned.select_one(".source-entry__single")
    assert single.strong.get_text() == "Only source found for:"
    claims = single.find("ul").find_all("li", recursive=False)
    assert [li.get_text(" ", strip=True) for li in claims] == [
        "The size of the fine, in yuan & dollars . Marked in: Notes with ties"
    ]
    assert claims[0].a["href"] == "../ties/#one-report-post-2021-fine-1"
    copy = page.select_one("#daily-2020-summons .source-entry__disclosure")
    assert copy.get_text(strip=True) == "Example Wire story, republished by Example Daily."
    assert page.select_one("#wire-2020-ipo .source-entry__disclosure") is None
    assert page.select_one("#wire-2020-ipo .source-entry__single") is None
    assert "2 of the 4 are independent of Example Group." in page.select_one("article").get_text(" ", strip=True)
    assert page.select_one("#daily-2020-summons .source-entry__single") is None
    assert "2 of the 4 are independent of Example Group." in page.select_one("article").get_text(" ", strip=True)


def test_disclosures_escape_text_from_data():
    note = citation_html(source(publisher="A & B", origin="<Wire>", stake="owned-by-example-group"), "#s")
    assert "&lt;Wire&gt; story, republished by A &amp; B" in note
    assert "<Wire>" not in note


@pytest.mark.parametrize(
    ("stakes", "summary"),
    [
        ([], ""),
        (["independent"], "This page cites 1 source, independent of Example Group."),
        (["example-group"], "This page cites 1 source, not independent of Example Group."),
        (
            ["independent", "state-media", "owned-by-example-group"],
            "This page cites 3 distinct sources, 2 of them independent of Example Group.",
        ),
    ],
)
def test_sources_summary_counts_entries_once(stakes, summary):
    cited = [source(id=f"s{n}", stake=stake) for n, stake in enumerate(stakes)]
    assert sources_summary(cited + cited, "Example Group") == summary


def test_without_a_subject_the_summary_names_none():
    cited = [source(id="a", stake="independent"), source(id="b", stake="example-group")]
    assert sources_summary(cited) == "This page cites 2 distinct sources, 1 of them independent."
