"""The reader's diff's build side at the function (explainer.reader_diff.build): which base it
picks, which pages' raw HTML it lists, the Markdown set-up it reads from mkdocs.yml. The whole
command, building two commits, is tests/test_reader_diff.py's."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from explainer.reader_diff.build import BuildError, _commit_time, _markdown_setup, default_base, written_inventory

IDENTITY = ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "init.defaultBranch=main"]


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *IDENTITY, *args], cwd=repo, check=True, capture_output=True)


def test_the_base_is_main_without_a_remote_and_none_without_a_commit(tmp_path: Path) -> None:
    git(tmp_path, "init", "--quiet")
    with pytest.raises(BuildError):
        default_base(tmp_path)
    assert _commit_time(tmp_path, "HEAD") is None
    (tmp_path / "a.txt").write_text("a\n", encoding="utf-8")
    git(tmp_path, "add", "a.txt")
    git(tmp_path, "commit", "--quiet", "-m", "a")
    assert default_base(tmp_path) == "main"
    assert _commit_time(tmp_path, "HEAD").isdigit()


def site(root: Path, config: str, pages: dict[str, str]) -> Path:
    root.mkdir()
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name, text in pages.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, encoding="utf-8")
    return root


RAW = "# Page\n\n<div>raw</div>\n"


def test_the_raw_html_of_each_published_page_is_listed_and_of_no_other(tmp_path: Path) -> None:
    root = site(
        tmp_path / "site",
        "site_name: S\n",
        {"a.md": RAW, "b.md": "# Plain\n", ".hidden/c.md": RAW, "templates/d.md": RAW, "sub/e.md": RAW},
    )
    assert written_inventory(root) == {"docs/a.md": ["<div>raw</div>"], "docs/sub/e.md": ["<div>raw</div>"]}


def test_the_pages_are_read_from_the_docs_dir_mkdocs_yml_names(tmp_path: Path) -> None:
    root = site(tmp_path / "site", "site_name: S\ndocs_dir: pages\n", {})
    (root / "pages").mkdir()
    (root / "pages" / "a.md").write_text(RAW, encoding="utf-8")
    assert written_inventory(root) == {"pages/a.md": ["<div>raw</div>"]}


@pytest.mark.parametrize("config", [None, "- a list\n", "site_name: [unclosed\n"])
def test_without_a_readable_mkdocs_yml_nothing_is_listed(tmp_path: Path, config: str | None) -> None:
    root = site(tmp_path / "site", config or "", {"a.md": RAW})
    if config is None:
        (root / "mkdocs.yml").unlink()
    assert written_inventory(root) == {}


def test_the_markdown_set_up_is_mkdocs_own_extensions_then_the_sites_each_once() -> None:
    setup = _markdown_setup(["toc", "attr_list", {"footnotes": {"BACKLINK_TEXT": ""}}, {"admonition": None}, 7])
    assert setup.extensions == ["toc", "tables", "fenced_code", "attr_list", "footnotes", "admonition"]
    assert setup.configs == {"footnotes": {"BACKLINK_TEXT": ""}, "admonition": {}}
    assert _markdown_setup(None).extensions == ["toc", "tables", "fenced_code"]
