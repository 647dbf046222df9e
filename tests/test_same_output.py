"""scripts/same_output.py: the proof that a refactoring left the built site byte-identical.

The full proof builds two checkouts and runs on demand (`make same-output BASE=main`); here its
comparison of two output trees is checked on tiny directories.
"""

from __future__ import annotations

import gzip
import os
import sys
from pathlib import Path

from conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
import same_output


def tree(root: Path, files: dict[str, bytes]) -> Path:
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    return root


def test_identical_trees_have_no_difference(tmp_path: Path):
    files = {"index.html": b"<p>x</p>", "story/a/index.html": b"a", "sitemap.xml.gz": gzip.compress(b"x", mtime=0)}
    assert same_output.compare_outputs(tree(tmp_path / "a", files), tree(tmp_path / "b", files)) == []


def test_every_kind_of_difference_is_listed_with_its_path(tmp_path: Path):
    base = tree(tmp_path / "a", {"same.html": b"s", "changed/index.html": b"old", "gone/x.html": b"g", "d/y": b"1"})
    work = tree(tmp_path / "b", {"same.html": b"s", "changed/index.html": b"new", "new.json": b"{}", "d/y": b"1"})
    (work / "gone").write_bytes(b"now a file")
    assert [str(difference) for difference in same_output.compare_outputs(base, work)] == [
        "differs: changed/index.html",
        "differs: gone",
        "only in working tree: new.json",
    ]


def test_a_directory_on_one_side_only_lists_each_of_its_files(tmp_path: Path):
    base = tree(tmp_path / "a", {"index.html": b"i", "old/one.html": b"1", "old/deep/two.html": b"2"})
    work = tree(tmp_path / "b", {"index.html": b"i"})
    assert [str(difference) for difference in same_output.compare_outputs(base, work)] == [
        "only in base: old/deep/two.html",
        "only in base: old/one.html",
    ]


def test_same_size_and_time_is_not_taken_for_same_content(tmp_path: Path):
    base = tree(tmp_path / "a", {"page.html": b"aaaa"})
    work = tree(tmp_path / "b", {"page.html": b"bbbb"})
    stat = (base / "page.html").stat()
    os.utime(work / "page.html", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert [str(difference) for difference in same_output.compare_outputs(base, work)] == ["differs: page.html"]


def test_the_first_difference_is_shown_in_context_with_gzip_files_opened(tmp_path: Path):
    base = tree(tmp_path / "a", {"sitemap.xml.gz": gzip.compress(b"<urlset>\n<url>one</url>\n")})
    work = tree(tmp_path / "b", {"sitemap.xml.gz": gzip.compress(b"<urlset>\n<url>two</url>\n")})
    shown = same_output.first_difference(base / "sitemap.xml.gz", work / "sitemap.xml.gz", context=4)
    assert "line 2, column 6" in shown
    assert "'url>one<'" in shown and "'url>two<'" in shown
