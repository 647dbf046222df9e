"""The generic checks' view of a site and their tools, at the function (explainer_checks.plugin):
where a page is built, its front matter, which Chromium, and how a missing tool is reported; and the
checks of a built site (explainer_checks.site) failing on stand-in pages that break their rule (a kind of
correction data/story.yml keeps out of the text: the check reads the story's vocabulary the build reads).
tests/test_explainer_checks.py runs the checks themselves on the fixture's build."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from explainer.corrections.anchors import mark_id, note_id
from explainer.story import DEFAULT_KINDS, DEFAULT_STORY, Story
from explainer_checks import plugin
from explainer_checks import site as checks
from explainer_checks.build import parsed_page
from explainer_checks.plugin import ExplainerSite, find_chromium, skip_or_fail


def explainer_site(tmp_path: Path, config: str = "site_name: S\n") -> ExplainerSite:
    (tmp_path / "docs").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    (tmp_path / "docs" / "plain.md").write_text("# Plain\n", encoding="utf-8")
    (tmp_path / "docs" / "fronted.md").write_text("---\ntitle: T\n---\n# F\n", encoding="utf-8")
    (tmp_path / "docs" / "empty.md").write_text("---\n---\n# E\n", encoding="utf-8")
    return ExplainerSite(tmp_path / "mkdocs.yml")


def test_where_a_page_is_built_follows_use_directory_urls(tmp_path: Path) -> None:
    folders = explainer_site(tmp_path / "a")
    assert [folders.built_path(page) for page in ("index.md", "story/index.md", "story/x.md")] == [
        "",
        "story/",
        "story/x/",
    ]
    files = explainer_site(tmp_path / "b", "site_name: S\nuse_directory_urls: false\n")
    assert [files.built_path(page) for page in ("index.md", "story/x.md")] == ["", "story/x.html"]


def test_a_pages_front_matter_is_a_mapping_or_empty(tmp_path: Path) -> None:
    site = explainer_site(tmp_path)
    assert site.front_matter("fronted.md") == {"title": "T"}
    assert site.front_matter("plain.md") == {}
    assert site.front_matter("empty.md") == {}


def test_a_missing_tool_skips_and_under_ci_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        skip_or_fail("TOOL NOT RUN")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        skip_or_fail("TOOL NOT RUN")


class Playwright:
    """Playwright's driver as find_chromium sees it: its own Chromium's path, or none registered."""

    def __init__(self, path: Path | None):
        self.path = path

    @property
    def chromium(self) -> Playwright:
        return self

    @property
    def executable_path(self) -> str:
        if self.path is None:
            raise RuntimeError("no bundled browser")
        return str(self.path)


def test_chromium_is_the_chosen_one_else_playwrights_else_debians_headless_shell_else_its_browser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = tmp_path / "chrome"
    bundled.write_bytes(b"")
    monkeypatch.setenv("EXPLAINER_CHROMIUM", "/opt/chosen")
    assert find_chromium(Playwright(bundled)) == Path("/opt/chosen")
    monkeypatch.delenv("EXPLAINER_CHROMIUM")
    assert find_chromium(Playwright(bundled)) == bundled
    debian, shell = tmp_path / "debian-chromium", tmp_path / "debian-chromium-headless-shell"
    monkeypatch.setattr(plugin, "DEBIAN_CHROMIUM", debian)
    monkeypatch.setattr(plugin, "DEBIAN_HEADLESS_SHELL", shell)
    assert find_chromium(Playwright(None)) is None
    assert find_chromium(Playwright(tmp_path / "gone")) is None
    debian.write_bytes(b"")
    assert find_chromium(Playwright(None)) == debian  # the browser, when there is no headless shell
    shell.write_bytes(b"")
    assert find_chromium(Playwright(None)) == shell  # the headless shell first


# The checks of a built site (explainer_checks.site) on stand-in pages: each fails on a page that breaks its
# rule, beside a page that keeps it (tests/test_explainer_checks.py runs them on the fixture's build) ---------


def soup(body: str) -> BeautifulSoup:
    return BeautifulSoup(f"<html><head></head><body>{body}</body></html>", "html.parser")


def stand_in_build(pages: dict[str, str], site_dir: Path | None = None) -> SimpleNamespace:
    return SimpleNamespace(html=lambda path: soup(pages[path]), site_dir=site_dir)


def test_prose_is_read_from_the_article_only() -> None:
    assert checks.prose_blocks(soup("<p>Outside.</p>")) == []
    assert ["".join(p.itertext()) for p in checks.prose_blocks(soup("<article><p>Inside.</p></article>"))] == [
        "Inside."
    ]


def test_a_page_is_parsed_once_while_it_is_unchanged(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text("<p>First.</p>", encoding="utf-8")
    first = parsed_page(page)
    assert parsed_page(page) is first  # read again: the same tree
    page.write_text("<p>Second, longer.</p>", encoding="utf-8")
    assert parsed_page(page).get_text() == "Second, longer."  # rewritten: parsed again
    assert first.get_text() == "First."


def test_prose_leaves_out_what_it_is_told_to_in_a_copy_of_the_page() -> None:
    """A glossary name inside a corrected phrase is not a first mention (the check leaves `.corrected` out), and
    the page it reads is not changed: the build's parsed pages are shared by every check (parsed_page)."""
    page = soup('<article><p>The <span class="corrected">central bank</span> and the regulator.</p></article>')
    article = page.select_one("article")
    assert checks.prose_text(article) == "The central bank and the regulator.\n"  # positive control
    assert checks.prose_text(article, leaving_out=".corrected") == "The  and the regulator.\n"
    assert article.select_one(".corrected").get_text() == "central bank"  # still there


def test_a_page_citing_nothing_or_marking_no_glossary_is_skipped_not_failed() -> None:
    site = SimpleNamespace(built_path=lambda page: page, front_matter=lambda page: {"glossary": "off"})
    with pytest.raises(pytest.skip.Exception):
        checks.test_every_story_page_counts_its_sources(site, stand_in_build({"p.md": "<article></article>"}), "p.md")
    with pytest.raises(pytest.skip.Exception):
        checks.test_first_mentions_of_glossary_entries_are_explained(site, stand_in_build({}), "p.md")
    counted = '<article><a class="footnote-ref">1</a><div class="footnote"><p class="source-summary">1 source</p>'
    checks.test_every_story_page_counts_its_sources(
        site, stand_in_build({"p.md": counted + "</div></article>"}), "p.md"
    )


CORRECTED = (
    f'<p><span id="{mark_id("c1")}"><a href="#{note_id("c1")}">C1</a></span></p><div id="{note_id("c1")}"></div>'
)


@pytest.mark.parametrize(
    "page",
    [
        "<p>No mark.</p>",  # not marked at its anchor
        f'<span id="{mark_id("c1")}">C1</span><div id="{note_id("c1")}"></div>',  # a mark that leads nowhere
        f'<span id="{mark_id("c1")}"><a href="#{note_id("c1")}">C1</a></span>',  # no note to lead to
    ],
)
def test_a_correction_not_marked_or_not_leading_to_its_note_fails(page: str) -> None:
    site = SimpleNamespace(
        data=SimpleNamespace(corrections=[SimpleNamespace(id="c1", kind="fact", page="p.md")], story=DEFAULT_STORY),
        built_path=lambda page: page,
    )
    listed = '<li id="c1">A correction.</li>'
    with pytest.raises(AssertionError):
        checks.test_every_correction_is_published_and_marked_at_its_anchor(
            site, stand_in_build({"corrections.md": listed, "p.md": page})
        )
    with pytest.raises(AssertionError):  # not listed
        checks.test_every_correction_is_published_and_marked_at_its_anchor(
            site, stand_in_build({"corrections.md": "<p></p>", "p.md": CORRECTED})
        )
    checks.test_every_correction_is_published_and_marked_at_its_anchor(
        site, stand_in_build({"corrections.md": listed, "p.md": CORRECTED})
    )


def test_a_kind_data_story_yml_keeps_out_of_the_text_is_looked_for_on_its_own_page_only() -> None:
    update = replace(DEFAULT_KINDS["update"], inline=False, page="updates.md", page_title="Updates")
    site = SimpleNamespace(
        data=SimpleNamespace(
            corrections=[SimpleNamespace(id="u1", kind="update", page="p.md")], story=Story(kinds={"update": update})
        ),
        built_path=lambda page: page,
    )
    listed, unmarked = '<li id="u1">An update.</li>', "<p>No mark.</p>"
    checks.test_every_correction_is_published_and_marked_at_its_anchor(
        site, stand_in_build({"updates.md": listed, "p.md": unmarked})
    )
    with pytest.raises(AssertionError):  # listed on the Corrections page, not its kind's own
        checks.test_every_correction_is_published_and_marked_at_its_anchor(
            site, stand_in_build({"corrections.md": listed, "updates.md": "<p></p>", "p.md": unmarked})
        )


def write_site(site_dir: Path, pages: dict[str, str]) -> Path:
    for path, html in pages.items():
        (site_dir / path).mkdir(parents=True, exist_ok=True)
        (site_dir / path / "index.html").write_text(html, encoding="utf-8")
    return site_dir


def head(description: str) -> str:
    tags = "".join(f'<meta property="{name}" content="x">' for name in checks.SOCIAL_TAGS[1:])
    return f'<html><head><meta name="description" content="{description}">{tags}</head><body></body></html>'


@pytest.mark.parametrize("page", ["<html><head></head><body></body></html>", head("Home.")])
def test_a_page_without_preview_tags_or_with_the_home_pages_description_fails(tmp_path: Path, page: str) -> None:
    site_dir = write_site(tmp_path / "bad", {".": head("Home."), "a": page})
    with pytest.raises(AssertionError):
        checks.test_every_page_has_its_own_description_and_social_preview_tags(SimpleNamespace(site_dir=site_dir))
    control = write_site(tmp_path / "good", {".": head("Home."), "a": head("A page of its own.")})
    checks.test_every_page_has_its_own_description_and_social_preview_tags(SimpleNamespace(site_dir=control))


def test_a_page_with_a_style_attribute_fails(tmp_path: Path) -> None:
    styled = write_site(tmp_path / "bad", {".": '<html><body><p style="color:red">x</p></body></html>'})
    with pytest.raises(AssertionError):
        checks.test_no_page_carries_an_event_handler_a_foreign_scheme_or_a_style_attribute(
            SimpleNamespace(site_dir=styled)
        )
    plain = write_site(tmp_path / "good", {".": '<html><body><p class="x">x</p></body></html>'})
    checks.test_no_page_carries_an_event_handler_a_foreign_scheme_or_a_style_attribute(SimpleNamespace(site_dir=plain))


@pytest.mark.parametrize(
    ("raised", "printed"), [(BrokenPipeError, False), (ConnectionResetError, False), (ValueError, True)]
)
def test_the_pages_server_prints_no_error_for_a_browser_that_stopped_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture, raised: type[Exception], printed: bool
) -> None:
    """A fetch the browser cancels (Material replacing or leaving a page) breaks the server's pipe: no traceback in
    the test run's output for it. Positive control: any other error is printed, as the standard library does."""
    server = plugin._Server(("127.0.0.1", 0), plugin._QuietHandler)
    try:
        try:
            raise raised("on purpose")
        except Exception:
            server.handle_error(None, ("127.0.0.1", 1))
    finally:
        server.server_close()
    assert ("on purpose" in capsys.readouterr().err) is printed
