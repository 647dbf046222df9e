"""Corrections: marks at their anchors, the page's Corrections block, the log page, the feeds, integrity."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as etree
from urllib.parse import parse_qs, urlsplit

import factories
import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import FIXTURE_SITE, REPO, BuiltSite, generated_page
from factories import correction

from explainer.anchors import anchor_counts, anchor_pattern
from explainer.backlinks import Backlink
from explainer.context import BuildContext, PageInfo, SiteMap
from explainer.corrections.anchors import text_slots
from explainer.corrections.checks import anchor_problem
from explainer.corrections.extension import CorrectionsExtension
from explainer.corrections.feeds import atom_feed, json_feed
from explainer.corrections.records import Correction, newest_first
from explainer.data import load_story
from explainer.datafile import Records
from explainer.dates import PartialDate
from explainer.registry import load_site_data, new_context
from explainer.sources.records import Source

# The fixture's vocabulary (its data/story.yml): fact and update, and a kind of its own, translation.
STORY = load_story(FIXTURE_SITE / "data" / "story.yml")

HOSTILE = "<script>alert(\"x\")</script> Tom & 'Jerry'"
ATOM = "{http://www.w3.org/2005/Atom}"


def source() -> Source:
    return factories.source(id="wire", publisher="Example Wire", published=PartialDate(2020))


def render(text: str, *corrections: Correction, src_uri: str = "story/ai-success.md") -> tuple[str, BuildContext]:
    """Convert Markdown as a page of the site would be, with only the corrections extension added."""
    page = PageInfo(src_uri, src_uri.removesuffix(".md") + "/", "AI success", text)
    context = new_context(
        corrections={c.id: c for c in corrections}, sources={"wire": source()}, page=page, story=STORY
    )
    extensions = ["attr_list", "footnotes", "smarty", "toc", CorrectionsExtension(context=context)]
    return markdown.markdown(text, extensions=extensions), context


# Finding anchors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("anchor", "text", "found"),
    [
        ("Hugging Face", "on Hugging Face, a hub", ["Hugging Face"]),
        ("Hugging Face", "on Hugging\nFace, wrapped", ["Hugging\nFace"]),
        ("Alibaba's chairman", "Alibaba’s chairman", ["Alibaba’s chairman"]),
        ('"correct its course."', "to “correct its course.”", ["“correct its course.”"]),
        ("AI", "AI boom, not AIDS or SAID", ["AI"]),
        ("$34 billion", "about $34 billion.", ["$34 billion"]),
        ("Dan Ives", "Dan Ivesson", []),
    ],
)
def test_anchor_pattern_matches_whole_phrases_across_spacing_and_quote_styles(anchor, text, found):
    assert anchor_pattern(anchor).findall(text) == found


@pytest.mark.parametrize(
    ("html", "count"),
    [
        ("<div><p>On Hugging Face today.</p></div>", 1),
        ("<div><p>Hugging Face and <em>Hugging Face</em>.</p></div>", 2),
        ("<div><p>Hugging Face, <code>Hugging Face</code>, <a>Hugging Face</a></p></div>", 1),
        ("<div><h2>Hugging Face</h2><p>Hugging Face</p><pre><code>Hugging Face</code></pre></div>", 1),
        ("<div><p>Hugging <strong>Face</strong></p></div>", 0),
        ('<div><div class="footnote"><p>Hugging Face</p></div></div>', 0),
    ],
)
def test_anchor_counts_only_prose_outside_headings_links_and_code(html, count):
    assert anchor_counts(text_slots(etree.fromstring(html)), ["Hugging Face"]) == {"Hugging Face": count}


@pytest.mark.parametrize(
    ("count", "message"),
    [
        (
            0,
            "data/corrections.yml:12: correction 'hugging-face' anchor \"Hugging Face\" does not occur in "
            "docs/story/ai-success.md; copy an exact phrase from the page's text (not from a heading, link or code)",
        ),
        (
            3,
            "data/corrections.yml:12: correction 'hugging-face' anchor \"Hugging Face\" occurs 3 times in "
            "docs/story/ai-success.md; make it longer so it is unique",
        ),
    ],
)
def test_anchor_problem_is_one_line_naming_data_line_and_page(count, message):
    assert str(anchor_problem(correction(), count, "docs/story/ai-success.md")) == message


def test_newest_first_keeps_file_order_within_a_day():
    old = correction(id="old", issued=PartialDate(2026, 11, 1), index=0)
    first = correction(id="first", index=1)
    second = correction(id="second", index=2)
    assert [c.id for c in newest_first([second, old, first])] == ["first", "second", "old"]


# The extension ---------------------------------------------------------------------------------


def test_mark_follows_the_anchor_and_links_to_its_note():
    html, context = render("# AI success\n\nModels on Hugging Face, a hub.\n", correction())
    page = BeautifulSoup(html, "html.parser")
    assert context.problems == []
    phrase = page.select_one("p span.corrected")
    assert phrase.get_text() == "Hugging Face"
    mark = phrase.find_next_sibling()
    assert mark.name == "sup" and mark["id"] == "cref:hugging-face"
    assert mark.a["href"] == "#correction:hugging-face" and mark.a.get_text() == "C1"
    assert "footnote-ref" in mark.a["class"]  # so Material previews it like a footnote
    assert mark.parent.get_text() == "Models on Hugging Face,C1 a hub."  # the mark after the comma


def test_page_gets_dated_notice_under_title_and_corrections_block_at_the_end():
    html, _ = render("# AI success\n\nModels on Hugging Face.\n\n## Later\n\nText.\n", correction())
    page = BeautifulSoup(html, "html.parser")
    notice = page.select_one("h1 + p.corrected-notice")
    assert notice.get_text() == "Translation notes added 26 November 2026 — see corrections"
    assert notice.a["href"] == "#corrections"
    assert page.find_all(recursive=False)[-3]["id"] == "corrections"
    note = page.select_one("ul.corrections > li#correction\\:hugging-face")
    expected = (
        "C1Translation note, 26 November 2026: The copy read “embraced face”. "
        "Hugging Face is a hub for AI models. Source: Example Wire."
    )
    assert note.get_text().strip() == expected
    assert note.select_one("a.correction__back")["href"] == "#cref:hugging-face"
    assert note.select_one(".correction__sources a")["href"] == "../sources.md#wire"
    assert page.select_one("p.corrections__all a")["href"] == "../corrections.md"


def test_marks_are_numbered_in_reading_order_and_notes_listed_newest_first():
    older = correction(id="dan-ives", anchor="Dan Ives", issued=PartialDate(2026, 11, 20), kind="fact", index=1)
    html, _ = render("Dan Ives and Hugging Face.\n", correction(), older)
    page = BeautifulSoup(html, "html.parser")
    assert [(a.parent["id"], a.get_text()) for a in page.select("sup.correction-ref a")] == [
        ("cref:dan-ives", "C1"),
        ("cref:hugging-face", "C2"),
    ]
    assert [li["id"] for li in page.select("ul.corrections li")] == ["correction:hugging-face", "correction:dan-ives"]
    assert page.select_one("p.corrected-notice").get_text().startswith("Translation notes added 26 November 2026")


def test_hostile_text_from_data_is_escaped_in_the_page():
    html, _ = render("On Hugging Face.\n", correction(wrong=HOSTILE, correction=HOSTILE))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    note = BeautifulSoup(html, "html.parser").select_one("ul.corrections li p")
    assert note.get_text().count(HOSTILE) == 2  # shown exactly as written, quotes and all


@pytest.mark.parametrize(
    ("text", "count"),
    [("Nothing to see.\n", 0), ("Hugging Face and Hugging Face.\n", 2), ("`Hugging Face` and [Hugging Face](x)\n", 0)],
)
def test_missing_or_ambiguous_anchor_is_a_problem_and_nothing_is_marked(text, count):
    html, context = render(text, correction())
    assert context.problems == [anchor_problem(correction(), count, "docs/story/ai-success.md")]
    assert "correction-ref" not in html and 'id="corrections"' not in html


def test_overlapping_anchors_are_reported():
    second = correction(id="face-note", anchor="Face, a hub", index=1)
    _, context = render("Models on Hugging Face, a hub.\n", correction(), second)
    assert context.problems == [anchor_problem(second, 1, "docs/story/ai-success.md")]


def test_pages_without_corrections_are_left_alone():
    html, context = render("# Other\n\nHugging Face.\n", correction(), src_uri="story/other.md")
    assert context.problems == [] and "corrected" not in html


class CountingRecords(dict):
    """Records by id that count how often they are scanned."""

    scans = 0

    def values(self):
        self.scans += 1
        return super().values()


def test_corrections_are_grouped_by_page_once_per_build():
    both = [correction(), correction(id="qwen", anchor="Qwen")]
    records = CountingRecords({c.id: c for c in [both[0], correction(id="fall", page="story/the-fall.md"), both[1]]})
    corrections = new_context(corrections=Records(records), story=STORY).corrections
    uris = ["story/ai-success.md", "story/the-fall.md", "story/other.md"] * 2
    found = [[c.id for c in corrections.on_page(uri)] for uri in uris]
    assert found == [["hugging-face", "qwen"], ["fall"], []] * 2
    assert records.scans == 1


# Log page and feeds ----------------------------------------------------------------------------


def feed_context(*corrections: Correction, publisher: str = "P") -> BuildContext:
    """A build of these corrections, each marked on the AI success page, of a site called 'Site & Co'."""
    wire = Source(**{**source().__dict__, "publisher": publisher})
    context = new_context(corrections={c.id: c for c in corrections}, sources={"wire": wire}, story=STORY)
    urls = {"sources.md": "sources/", "corrections.md": "corrections/"}
    context.site = SiteMap(urls, name="Site & Co", base_url="https://example.com/site/", author="Authors")
    for each in corrections:
        context.backlinks.add("correction", each.id, Backlink("story/ai-success/", "AI success", "cref:x"))
    return context


def test_log_entry_escapes_hostile_text():
    context = feed_context(correction(wrong=HOSTILE, correction=HOSTILE), publisher="A & B")
    entry = generated_page("corrections.md", context)
    assert "<script>" not in entry
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Tom &amp; &#x27;Jerry&#x27;" in entry
    assert '<a href="../sources/#wire">A &amp; B</a>' in entry


def test_json_feed_is_json_feed_1_1_with_the_correction_data():
    feed = json.loads(json_feed(feed_context(correction(correction=HOSTILE))))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == "https://example.com/site/corrections.json"
    (item,) = feed["items"]
    assert item["id"] == "https://example.com/site/corrections/#hugging-face"
    assert item["url"] == "https://example.com/site/story/ai-success/#cref:x"
    assert item["title"] == "Translation note, 26 November 2026: AI success"
    assert item["date_published"] == "2026-11-26T00:00:00Z"
    assert item["_correction"]["correction"] == HOSTILE


def test_atom_feed_is_well_formed_and_dated_by_its_latest_entry():
    context = feed_context(correction(correction=HOSTILE), correction(id="older", issued=PartialDate(2026, 1, 2)))
    root = etree.fromstring(atom_feed(context).encode())
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}updated") == "2026-11-26T00:00:00Z"
    assert root.findtext(f"{ATOM}title") == "Corrections · Site & Co"
    summaries = [entry.findtext(f"{ATOM}summary") for entry in root.iter(f"{ATOM}entry")]
    assert HOSTILE in summaries[0] and len(summaries) == 2


def test_feeds_are_reproducible():
    context = feed_context(correction())
    assert atom_feed(context) == atom_feed(context)
    assert json_feed(context) == json_feed(context)


# The fixture site ------------------------------------------------------------------------------

FIXTURE_IDS = ["hugging-face", "dan-ives", "listing-size", "statement-date"]


def test_fixture_page_marks_each_anchor_once(fixture_build: BuiltSite):
    page = fixture_build.html("corrected/")
    marks = page.select("sup.correction-ref")
    assert [(m["id"], m.a.get_text()) for m in marks] == [(f"cref:{i}", f"C{n}") for n, i in enumerate(FIXTURE_IDS, 1)]
    assert [m.find_previous_sibling("span").get_text() for m in marks] == [
        "Hugging Face",
        "Dan Ives",
        "about $34 billion",
        "regulator’s statement",
    ]
    assert page.select_one("p code").get_text() == "Hugging Face"
    assert page.select_one('a[href="https://example.com/hf"] sup') is None


def test_fixture_page_ends_with_its_corrections_newest_first(fixture_build: BuiltSite):
    page = fixture_build.html("corrected/")
    article = page.select_one("article")
    assert article.select("h2")[-1]["id"] == "corrections"
    notes = article.select("ul.corrections > li")
    assert [li["id"].removeprefix("correction:") for li in notes] == [
        "statement-date",
        "listing-size",
        "hugging-face",
        "dan-ives",
    ]
    assert notes[0].select_one(".correction__label").get_text() == "Update, 25 November 2026:"
    assert '“"$37 billion" & rising”. It’s "about $34 billion" & no more' in notes[1].get_text()
    assert notes[3].select_one(".correction__sources a")["href"] == "../sources/#wire-2020-ipo"
    assert (
        article.select_one("h1 + p.corrected-notice").get_text(" ", strip=True).startswith("Updated 25 November 2026")
    )


def test_log_page_lists_every_correction_by_kind_linking_to_its_mark(fixture_build: BuiltSite):
    page = fixture_build.html("corrections/")
    entries = page.select(".correction-entry")
    assert sorted(entry["id"] for entry in entries) == sorted(FIXTURE_IDS)
    groups = [(entry.find_previous("h2").get_text(strip=True).rstrip("¶"), entry["id"]) for entry in entries]
    assert groups == [
        ("Corrections of fact", "listing-size"),
        ("Updates", "statement-date"),
        ("Translation notes", "hugging-face"),
        ("Translation notes", "dan-ives"),
    ]
    for entry in entries:
        (link,) = entry.select(".correction-entry__where a")
        assert link["href"] == f"../corrected/#cref:{entry['id']}"
    feeds = {a.get_text(): a["href"] for a in page.select("article a") if a["href"].startswith("../corrections.")}
    assert feeds == {"Atom feed": "../corrections.xml", "JSON Feed": "../corrections.json"}


def test_feeds_are_published_with_the_site(fixture_build: BuiltSite):
    items = json.loads((fixture_build.site_dir / "corrections.json").read_text(encoding="utf-8"))["items"]
    assert [item["_correction"]["id"] for item in items] == [
        "statement-date",
        "listing-size",
        "hugging-face",
        "dan-ives",
    ]
    assert items[0]["url"].endswith("/corrected/#cref:statement-date")
    atom = etree.parse(fixture_build.site_dir / "corrections.xml").getroot()
    assert len(atom.findall(f"{ATOM}entry")) == 4


# Mistakes in corrections (an anchor edited out of its page, a source unknown, ...): tests/catalogue.py
# (CORRECTION_CASES), run at their layer by tests/test_bad_inputs.py.


# The real site's translation notes (that every correction is marked at its anchor is a generic
# check every explainer runs: explainer_checks.site, through tests/test_explainer_checks.py) ----------


def test_translation_notes_are_on_story_pages():
    corrections = load_site_data(REPO).corrections
    translations = [c for c in corrections if c.kind == "translation"]
    assert len(translations) >= 25
    stories = {path.relative_to(REPO / "docs").as_posix() for path in (REPO / "docs/story").glob("*.md")}
    assert {c.page for c in translations} <= stories
    assert all(re.fullmatch(r"\S+(\s+\S+){0,6}", c.wrong) for c in translations)


# Report an error -------------------------------------------------------------------------------

FORM = REPO / ".github/ISSUE_TEMPLATE/correction.yml"
FORM_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


def test_issue_form_is_a_valid_github_form_with_a_page_field():
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    assert {"name", "description", "body"} <= set(form)
    fields = [item for item in form["body"] if item["type"] != "markdown"]
    assert {item["type"] for item in form["body"]} <= FORM_TYPES
    assert all(item["attributes"]["label"] for item in fields)
    ids = [item["id"] for item in fields]
    assert len(ids) == len(set(ids)) and "page" in ids


def test_every_page_links_to_the_form_with_its_address(fixture_build: BuiltSite):
    page = fixture_build.html("corrected/")
    link = page.select_one("p.report-error a")["href"]
    canonical = page.select_one('link[rel="canonical"]')["href"]
    assert link.startswith("https://github.com/annotated-explainers/alibaba-turnaround/issues/new?")
    query = parse_qs(urlsplit(link).query)
    assert query == {"template": [FORM.name], "page": [canonical]}


def test_every_page_advertises_the_corrections_feeds(fixture_build: BuiltSite) -> None:
    page = fixture_build.html("story/the-fall/")
    feeds = {link["type"]: link["href"] for link in page.select('head link[rel="alternate"]')}
    assert feeds == {"application/atom+xml": "../../corrections.xml", "application/feed+json": "../../corrections.json"}
    assert (fixture_build.site_dir / "corrections.xml").is_file()
    assert (fixture_build.site_dir / "corrections.json").is_file()
