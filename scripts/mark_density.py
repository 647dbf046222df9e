"""How often a reader meets a mark in each chapter's running text, from the built HTML (issue 24, item 4).

    .venv/bin/python scripts/mark_density.py [SITE_DIR]   # default: site/ (run `make build` first)

Running text is what the sentence rule of the tests reads (explainer_checks.site.prose_blocks): the
article's own top-level paragraphs and list items, not the Key dates box, charts, notes, boxes or
headings, and not the closing "How we know" section (it is about the chapter, not the story). A mark is
a glossary underline (a.glossary-term), a source number (a footnote reference) or a correction badge
(sup.correction-ref); a run of adjacent source numbers counts each number. Words are the text's
whitespace-separated words, marks left out.

Prints one row per chapter: words, each kind of mark, all marks, and words per mark (the issue's bound:
The fall at least 17, no chapter under 14).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bs4 import BeautifulSoup, Tag

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


def count(html: str) -> dict[str, int]:
    article = BeautifulSoup(html, "html.parser").select_one("article")
    counts = {"words": 0, "underlines": 0, "sources": 0, "badges": 0}
    for block in running_text(article) if article else []:
        counts["underlines"] += len(block.select("a.glossary-term"))
        counts["sources"] += len([sup for sup in block.find_all("sup") if sup.get("id", "").startswith("fnref")])
        counts["badges"] += len(block.select("sup.correction-ref"))
        for sup in block.find_all("sup"):
            sup.decompose()
        counts["words"] += len(block.get_text(" ").split())
    counts["marks"] = counts["underlines"] + counts["sources"] + counts["badges"]
    return counts


def chapters(site: Path) -> list[Path]:
    """The built chapters, in the order of docs/story/ (alphabetical; the nav's order is the home page's)."""
    return sorted(path for path in (site / "story").glob("*/index.html"))


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else REPO / "site"
    if not (site / "story").is_dir():
        sys.stderr.write(f"no built chapters under {site}; run `make build` first\n")
        return 1
    header = f"{'chapter':28} {'words':>6} {'underl':>6} {'source':>6} {'badge':>6} {'marks':>6} {'words/mark':>10}"
    lines = [header]
    total = {"words": 0, "underlines": 0, "sources": 0, "badges": 0, "marks": 0}
    for path in chapters(site):
        counts = count(path.read_text(encoding="utf-8"))
        total = {key: total[key] + counts[key] for key in total}
        per = counts["words"] / counts["marks"] if counts["marks"] else float("inf")
        lines.append(
            f"{path.parent.name:28} {counts['words']:6} {counts['underlines']:6} {counts['sources']:6}"
            f" {counts['badges']:6} {counts['marks']:6} {per:10.1f}"
        )
    per = total["words"] / total["marks"] if total["marks"] else float("inf")
    lines.append(
        f"{'all chapters':28} {total['words']:6} {total['underlines']:6} {total['sources']:6}"
        f" {total['badges']:6} {total['marks']:6} {per:10.1f}"
    )
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
