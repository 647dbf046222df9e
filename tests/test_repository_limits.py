"""The start-up check of a site's files (explainer.repository) at its limits, at the function: each
limit lowered for the test, one file over it refused where the site's own files under it are not.
The messages themselves are the hostile-input catalogue's (tests/test_hostile_inputs.py); these
tests say where each problem is reported, and that it is reported once."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from explainer import repository
from explainer.repository import allow_files_problems, repository_problems, site_folders


def site(tmp_path: Path, files: dict[str, bytes]) -> Path:
    root = tmp_path / "repo"
    (root / "docs").mkdir(parents=True)
    (root / "data").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    for name, raw in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(raw)
    return root


def where(root: Path, **options: object) -> list[str]:
    """Where each problem is reported (`file:line`), in order."""
    problems = repository_problems(root, site_folders(root, root / "docs", **options))
    return [f"{problem.file}:{problem.line}" for problem in problems]


def test_more_files_than_the_limit_is_one_problem_for_the_folder(tmp_path: Path, monkeypatch) -> None:
    root = site(tmp_path, {"data/a.yml": b"a: 1\n", "data/b.yml": b"b: 1\n"})
    monkeypatch.setattr(repository, "MAX_FILES", 2)
    assert where(root) == []
    (root / "data" / "c.yml").write_bytes(b"c: 1\n")
    assert where(root) == ["data:1"]


def test_folders_nested_deeper_than_the_limit_are_refused_at_the_deepest(tmp_path: Path, monkeypatch) -> None:
    root = site(tmp_path, {"docs/a/b/page.md": b"# Page\n"})
    monkeypatch.setattr(repository, "MAX_DEPTH", 3)
    assert where(root) == []
    (root / "docs" / "a" / "b" / "c").mkdir()
    assert where(root) == ["docs/a/b/c:1"]


def test_the_pages_together_over_the_limit_are_said_once(tmp_path: Path, monkeypatch) -> None:
    root = site(tmp_path, {"docs/a.md": b"# A\n" * 10})
    monkeypatch.setattr(repository, "MAX_PAGES_BYTES", 100)
    assert where(root) == []
    (root / "docs" / "b.md").write_bytes(b"# B\n" * 20)
    (root / "docs" / "c.md").write_bytes(b"# C\n" * 20)
    assert where(root) == ["docs:1"]


def test_published_files_together_over_the_limit_are_said_once(tmp_path: Path, monkeypatch) -> None:
    root = site(tmp_path, {"docs/robots.txt": b"User-agent: *\n"})
    monkeypatch.setattr(repository, "MAX_PUBLISHED_BYTES", 40)
    assert where(root) == []
    (root / "docs" / "a.txt").write_bytes(b"x" * 30)
    (root / "docs" / "b.txt").write_bytes(b"x" * 30)
    assert where(root) == ["docs:1"]


def test_a_file_in_data_over_the_limit_is_refused(tmp_path: Path, monkeypatch) -> None:
    root = site(tmp_path, {"data/a.yml": b"a: 1\n"})
    monkeypatch.setattr(repository, "MAX_OTHER_BYTES", 10)
    assert where(root) == []
    (root / "data" / "b.yml").write_bytes(b"b: " + b"1" * 20)
    assert where(root) == ["data/b.yml:1"]


def test_a_symlink_to_a_folder_of_the_site_is_refused_and_one_to_a_file_followed(tmp_path: Path) -> None:
    root = site(tmp_path, {"docs/story/a.md": b"# A\n"})
    os.symlink("index.md", root / "docs" / "home.md")
    assert where(root) == []
    os.symlink("story", root / "docs" / "chapters")
    assert where(root) == ["docs/chapters:1"]


def test_a_symlink_to_a_fifo_or_a_socket_in_the_site_is_refused(tmp_path: Path) -> None:
    root = site(tmp_path, {})
    os.mkfifo(root / "data" / "pipe")
    with socket.socket(socket.AF_UNIX) as unix:
        unix.bind(str(root / "data" / "sock"))
        os.symlink("pipe", root / "data" / "to-pipe")
        os.symlink("sock", root / "data" / "to-sock")
        os.symlink("../docs/index.md", root / "data" / "to-page")  # the control: a file of the site
        assert where(root) == ["data/pipe:1", "data/sock:1", "data/to-pipe:1", "data/to-sock:1"]


@pytest.mark.parametrize(
    ("content", "problems"),
    [
        (b"\x89PNG\r\n\x1a\nrest", []),
        (b"<html>not a png</html>", ["docs/image.png:1"]),
    ],
)
def test_an_image_must_start_as_its_name_says(tmp_path: Path, content: bytes, problems: list[str]) -> None:
    assert where(site(tmp_path, {"docs/image.png": content})) == problems


@pytest.mark.parametrize(
    ("name", "content", "problems"),
    [
        ("docs/robots.txt", b"User-agent: *\n", []),
        ("docs/robots.txt", b"\xff\xfe not UTF-8", ["docs/robots.txt:1"]),
        ("docs/robots.txt", b"<script>alert(1)</script>", ["docs/robots.txt:1"]),
        ("docs/CNAME", b"explainer.example.org\n", []),
        ("docs/CNAME", b"x" * 300, ["docs/CNAME:1"]),
        ("docs/notes.doc", b"text", ["docs/notes.doc:1"]),
        ("docs/README", b"text", ["docs/README:1"]),
        ("docs/.hidden.doc", b"text", []),
        ("docs/templates/x.doc", b"text", []),
        ("docs/extra.css", b"a {}", ["docs/extra.css:1"]),
    ],
)
def test_what_docs_publishes(tmp_path: Path, name: str, content: bytes, problems: list[str]) -> None:
    assert where(site(tmp_path, {name: content})) == problems


def test_a_stylesheet_mkdocs_yml_lists_is_published(tmp_path: Path) -> None:
    root = site(tmp_path, {"docs/extra.css": b"a {}", "docs/extra.js": b"let a = 1;"})
    assert where(root) == ["docs/extra.css:1", "docs/extra.js:1"]
    assert where(root, declared=["extra.css", "extra.js"]) == []


def test_a_type_a_site_adds_is_published_and_checked_as_that_type(tmp_path: Path) -> None:
    root = site(tmp_path, {"docs/report.pdf": b"%PDF-1.7\n"})
    assert where(root) == ["docs/report.pdf:1"]
    assert where(root, allow_files=["pdf"]) == []
    (root / "docs" / "fake.pdf").write_bytes(b"<html></html>")
    assert where(root, allow_files=["pdf"]) == ["docs/fake.pdf:1"]


def test_a_theme_folder_holds_templates_and_nothing_else(tmp_path: Path) -> None:
    root = site(tmp_path, {"overrides/main.html": b"{% extends 'base.html' %}\n"})
    assert where(root, theme_dirs=[root / "overrides"]) == []
    (root / "overrides" / "notes.doc").write_bytes(b"text")
    assert where(root, theme_dirs=[root / "overrides"]) == ["overrides/notes.doc:1"]


@pytest.mark.parametrize(
    ("allow_files", "allowed", "problems"),
    [
        (None, [], []),
        (["pdf", "csv"], ["pdf", "csv"], []),
        ("json", ["json"], []),
        (["pdf", "exe"], [], ["mkdocs.yml:1"]),
    ],
)
def test_the_types_a_site_may_add(allow_files: object, allowed: list[str], problems: list[str]) -> None:
    names, found = allow_files_problems(allow_files)
    assert names == allowed
    assert [f"{problem.file}:{problem.line}" for problem in found] == problems


@pytest.mark.parametrize(
    ("name", "content", "problems"),
    [
        ("docs/a.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ", []),
        ("docs/a.webp", b"RIFF\x00\x00\x00\x00WAVEfmt ", ["docs/a.webp:1"]),
        ("docs/a.avif", b"\x00\x00\x00\x1cftypavif\x00\x00", []),
        ("docs/a.avif", b"\x00\x00\x00\x1cftypheic\x00\x00", ["docs/a.avif:1"]),
        ("docs/a.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', []),
        ("docs/a.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>' + b" " * 2**20, ["docs/a.svg:1"]),
    ],
)
def test_images_that_name_their_format_a_few_bytes_in_and_an_svg_over_its_limit(
    tmp_path: Path, name: str, content: bytes, problems: list[str]
) -> None:
    assert where(site(tmp_path, {name: content})) == problems


def test_the_assets_mkdocs_yml_lists_are_those_in_docs() -> None:
    settings = {
        "extra_css": ["/a.css", {"path": "b.css"}, "https://cdn.example/c.css"],
        "extra_javascript": [{"path": "d.js", "type": "module"}, {"async": True}, None],
    }
    assert repository.declared_assets(settings) == ["a.css", "b.css", "d.js"]
    assert repository.declared_assets({}) == []
