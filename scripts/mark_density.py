"""How often a reader meets a mark in each chapter's running text, from the built HTML (issue 24, item 4).

    .venv/bin/python scripts/mark_density.py [SITE_DIR]   # default: site/ (run `make build` first)

Running text is what the sentence rule of the tests reads (explainer_checks.site.prose_blocks): the
article's own top-level paragraphs and list items, not the Key dates box, charts, notes, boxes or
headings, and not the closing "How we know" section (it is about the chapter, not the story). A mark is
a glossary underline (a.glossary-term) or a cluster of note marks: source numbers (footnote references),
correction badges (sup.correction-ref) and single-source marks (sup.one-report) with nothing but spaces
and commas between them ("text³,⁴", "claim①⁵") are one interruption to the reader, and one mark (the site
previews them as one: previews.js). A single-source mark standing alone is a mark too. Words are the
text's whitespace-separated words with a letter or digit, marks left out (punctuation after a link or
a mark, set apart from it by the text's extraction, is no word).

Prints one row per chapter: words; glossary underlines; clusters of note marks other than a lone
single-source mark, with the source numbers and correction badges in them; single-source marks standing
alone; all marks (underlines + clusters + lone single-source marks) and words per mark (the issue's
bound: The fall at least 17, no chapter under 14); and, last, the old measure, before clusters were one
mark: every source number and badge a mark, single-source marks not counted, and its words per mark.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, PageElement, Tag

REPO = Path(__file__).resolve().parent.parent
END_SECTION = "how-we-know"  # the id of the closing section the count leaves out


def running_text(article: Tag) -> list[Tag]:
    """The chapter's running text: its own top-level paragraphs and list items, up to "How we know"."""
    blocks = []
    for child in article.find_all(recursive=False):
        if child.name == "h2" and child.get("id") == END_SECTION:
            break
        if child.get("class"):
            continue
        if child.name == "p":
            blocks.append(child)
        elif child.name in ("ul", "ol"):
            blocks += child.find_all("li", recursive=False)
    return blocks


SEPARATORS = re.compile(r"[\s,]*")  # all there may be between the note marks of a cluster


def note_mark(node: PageElement) -> str | None:
    """What kind of note mark `node` is ("source", "badge", "single"), or None for anything else."""
    if not isinstance(node, Tag) or node.name != "sup":
        return None
    if "one-report" in (node.get("class") or []):
        return "single"
    if "correction-ref" in (node.get("class") or []):
        return "badge"
    return "source" if node.get("id", "").startswith("fnref") else None


def clusters(block: Tag) -> list[list[str]]:
    """The block's note marks grouped into clusters (each a list of kinds), in reading order."""
    found: list[list[str]] = []
    current: list[str] = []
    skip: Tag | None = None  # the note mark being walked through
    for node in block.descendants:
        if skip is not None and any(parent is skip for parent in node.parents):
            continue
        kind = note_mark(node)
        if kind:
            current.append(kind)
            skip = node
            continue
        text = isinstance(node, NavigableString) and not SEPARATORS.fullmatch(str(node))
        if text or (isinstance(node, Tag) and node.name in ("a", "img", "svg")):  # the cluster ends
            if current:
                found.append(current)
            current = []
    if current:
        found.append(current)
    return found


def count(html: str) -> dict[str, int]:
    article = BeautifulSoup(html, "html.parser").select_one("article")
    counts = dict.fromkeys(("words", "underlines", "clusters", "sources", "badges", "single", "old"), 0)
    for block in running_text(article) if article else []:
        counts["underlines"] += len(block.select("a.glossary-term"))
        for cluster in clusters(block):
            if cluster == ["single"]:
                counts["single"] += 1
            else:
                counts["clusters"] += 1
            counts["sources"] += cluster.count("source")
            counts["badges"] += cluster.count("badge")
        for sup in block.find_all("sup"):
            sup.decompose()
        counts["words"] += sum(1 for word in block.get_text(" ").split() if any(c.isalnum() for c in word))
    counts["marks"] = counts["underlines"] + counts["clusters"] + counts["single"]
    counts["old"] = counts["underlines"] + counts["sources"] + counts["badges"]
    return counts


def chapters(site: Path) -> list[Path]:
    """The built chapters, in the order of docs/story/ (alphabetical; the nav's order is the home page's)."""
    return sorted(path for path in (site / "story").glob("*/index.html"))


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else REPO / "site"
    if not (site / "story").is_dir():
        sys.stderr.write(f"no built chapters under {site}; run `make build` first\n")
        return 1
    columns = ("words", "underlines", "clusters", "sources", "badges", "single", "marks")
    header = (
        f"{'chapter':26} {'words':>6} {'underl':>6} {'clustr':>6} {'(nums)':>6} {'(badge)':>7} {'1 alone':>7}"
        f" {'marks':>6} {'words/mark':>10} {'old marks':>9} {'old w/m':>7}"
    )
    lines = [header]
    total = dict.fromkeys((*columns, "old"), 0)

    def row(name: str, counts: dict[str, int]) -> str:
        per = counts["words"] / counts["marks"] if counts["marks"] else float("inf")
        old = counts["words"] / counts["old"] if counts["old"] else float("inf")
        return (
            f"{name:26} {counts['words']:6} {counts['underlines']:6} {counts['clusters']:6} {counts['sources']:6}"
            f" {counts['badges']:7} {counts['single']:7} {counts['marks']:6} {per:10.1f} {counts['old']:9} {old:7.1f}"
        )

    for path in chapters(site):
        counts = count(path.read_text(encoding="utf-8"))
        total = {key: total[key] + counts[key] for key in total}
        lines.append(row(path.parent.name, counts))
    lines.append(row("all chapters", total))
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
