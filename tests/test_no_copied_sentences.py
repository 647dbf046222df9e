"""No sentence of the machine-translated copy appears in the site: we retell, we don't copy.

The copy itself is not in the repository (and the tests must not read it). Instead,
tests/data/copy_shingles.txt holds a hash of every run of 8 consecutive words of the copy;
the test hashes every 8-word run of the built site's visible text the same way and looks
for matches. To regenerate the list from a copy you hold locally:

    PYTHONPATH=tests .venv/bin/python tests/test_no_copied_sentences.py COPY > tests/data/copy_shingles.txt
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from bs4 import CData, NavigableString, Tag
from conftest import BuiltSite

from explainer_checks.build import parsed_page

SHINGLE_WORDS = 8
HASH_CHARS = 16
SHINGLES_FILE = Path(__file__).parent / "data" / "copy_shingles.txt"
_WORD = re.compile(r"[^\W_]+")  # letters and digits, any script
_INVISIBLE = ["script", "style", "template", "noscript", "svg"]

HEADER = f"""\
# Hashes of every {SHINGLE_WORDS}-word run ("shingle") of the machine-translated copy the story was rebuilt from.
# Used by tests/test_no_copied_sentences.py to check that no sentence of the copy appears in the site,
# without keeping the copy's text in the repository. Normalization: lowercase; words are runs of letters
# and digits (everything else separates words); words joined by single spaces. Each line is the
# SHA-256 of one shingle (UTF-8), truncated to its first {HASH_CHARS} hex characters; sorted, no duplicates.
# Regenerate (from the repository root; keep the copy itself outside the repository):
# PYTHONPATH=tests .venv/bin/python tests/test_no_copied_sentences.py COPY > tests/data/copy_shingles.txt
"""


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(words: list[str]) -> Iterator[tuple[int, str]]:
    """(position, 'w1 w2 ... w8') for every run of SHINGLE_WORDS consecutive words."""
    for start in range(len(words) - SHINGLE_WORDS + 1):
        yield start, " ".join(words[start : start + SHINGLE_WORDS])


def shingle_hash(shingle: str) -> str:
    return hashlib.sha256(shingle.encode("utf-8")).hexdigest()[:HASH_CHARS]


def load_copy_hashes(path: Path = SHINGLES_FILE) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def visible_text(page: Tag) -> str:
    """The words a reader can see on a page (not in scripts, styles or inline SVG): its text as get_text(" ") gives
    it with those elements removed, read from the tree without changing it (a shared tree: `parsed_page`)."""
    return " ".join(_visible_strings(page))


def _visible_strings(tag: Tag) -> Iterator[str]:
    for child in tag.children:
        if isinstance(child, Tag):
            if child.name not in _INVISIBLE:
                yield from _visible_strings(child)
        elif type(child) in (NavigableString, CData):  # as get_text: no comment, doctype or declaration
            yield child


def copied_passages(site_dir: Path, copy_hashes: set[str]) -> list[str]:
    """'page: words' for every 8-word run of a built page that also occurs in the copy. Each page's tree is the one
    the other checks of a session's build read (parsed once while the file is unchanged)."""
    hits = []
    for path in sorted(site_dir.rglob("*.html")):
        for _, shingle in shingles(words_of(visible_text(parsed_page(path)))):
            if shingle_hash(shingle) in copy_hashes:
                hits.append(f"{path.relative_to(site_dir)}: {shingle}")
    return hits


def generate(copy_text: str) -> str:
    """The contents of tests/data/copy_shingles.txt for a copy's text."""
    hashes = sorted({shingle_hash(shingle) for _, shingle in shingles(words_of(copy_text))})
    return HEADER + "".join(f"{digest}\n" for digest in hashes)


# Tests --------------------------------------------------------------------------------------


def test_shingle_list_is_present_and_well_formed():
    hashes = load_copy_hashes()
    assert len(hashes) > 1000
    assert all(re.fullmatch(f"[0-9a-f]{{{HASH_CHARS}}}", digest) for digest in hashes)


def test_normalization_ignores_case_punctuation_and_spacing():
    assert words_of("Alibaba’s  SHARE-price, near\nthe lows!") == [
        "alibaba",
        "s",
        "share",
        "price",
        "near",
        "the",
        "lows",
    ]
    copy = "One two three four five six seven eight nine."
    hashes = load_copy_hashes_from_text(generate(copy))
    assert shingle_hash("one two three four five six seven eight") in hashes
    assert shingle_hash("two three four five six seven eight nine") in hashes
    assert len(hashes) == 2


def load_copy_hashes_from_text(text: str) -> set[str]:
    return {line for line in text.splitlines() if line and not line.startswith("#")}


def test_checker_reports_page_and_words(tmp_path: Path):
    (tmp_path / "index.html").write_text(
        "<p>Intro. One two <script>x</script><em>three</em> four<!-- y --><svg><text>z</text></svg> five six seven"
        " eight.</p>"  # words in a script, a comment or a picture would break the run
    )
    hashes = {shingle_hash("one two three four five six seven eight")}
    assert copied_passages(tmp_path, hashes) == ["index.html: one two three four five six seven eight"]


def test_no_sentence_of_the_copy_appears_in_the_site(real_build: BuiltSite):
    assert copied_passages(real_build.site_dir, load_copy_hashes()) == []


if __name__ == "__main__":
    sys.stdout.write(generate(Path(sys.argv[1]).read_text(encoding="utf-8")))
