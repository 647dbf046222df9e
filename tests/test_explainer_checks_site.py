"""The generic checks' view of a site and their tools, at the function (explainer_checks.plugin):
where a page is built, its front matter, data/story.yml's corrections, which Chromium, and how a
missing tool is reported. tests/test_explainer_checks.py runs the checks themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer_checks import plugin
from explainer_checks.plugin import ExplainerSite, find_chromium, skip_or_fail


def explainer_site(tmp_path: Path, config: str = "site_name: S\n", story: str | None = None) -> ExplainerSite:
    (tmp_path / "docs").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    (tmp_path / "docs" / "plain.md").write_text("# Plain\n", encoding="utf-8")
    (tmp_path / "docs" / "fronted.md").write_text("---\ntitle: T\n---\n# F\n", encoding="utf-8")
    (tmp_path / "docs" / "empty.md").write_text("---\n---\n# E\n", encoding="utf-8")
    if story is not None:
        (tmp_path / "data").mkdir()
        (tmp_path / "data" / "story.yml").write_text(story, encoding="utf-8")
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


def test_corrections_are_inline_and_listed_on_the_corrections_page_unless_story_yml_says(tmp_path: Path) -> None:
    default = explainer_site(tmp_path / "a")
    assert default.story == {}
    assert default.correction_kind_is_inline("update")
    assert default.correction_list_page("update", "corrections.md") == "corrections.md"
    story = "corrections:\n  kinds:\n    update:\n      inline: false\n      page: updates.md\n"
    told = explainer_site(tmp_path / "b", story=story)
    assert not told.correction_kind_is_inline("update")
    assert told.correction_list_page("update", "corrections.md") == "updates.md"
    assert told.correction_kind_is_inline("correction")


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


def test_chromium_is_the_chosen_one_else_playwrights_else_debians(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = tmp_path / "chrome"
    bundled.write_bytes(b"")
    monkeypatch.setenv("EXPLAINER_CHROMIUM", "/opt/chosen")
    assert find_chromium(Playwright(bundled)) == Path("/opt/chosen")
    monkeypatch.delenv("EXPLAINER_CHROMIUM")
    assert find_chromium(Playwright(bundled)) == bundled
    debian = tmp_path / "debian-chromium"
    monkeypatch.setattr(plugin, "DEBIAN_CHROMIUM", debian)
    assert find_chromium(Playwright(None)) is None
    assert find_chromium(Playwright(tmp_path / "gone")) is None
    debian.write_bytes(b"")
    assert find_chromium(Playwright(None)) == debian
