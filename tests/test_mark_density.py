"""scripts/mark_density.py: how often a reader meets a mark (issue 24), counted on tiny chapters.

Note marks side by side (source numbers, a correction badge, a single-source mark, with only spaces or
commas between) are one mark, as the site previews them (previews.js); a single-source mark standing
alone is a mark; the old measure counts every number and badge.
"""

from __future__ import annotations

import sys

from conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
import mark_density

NUMBER = '<sup id="fnref:{0}"><a class="footnote-ref" href="#fn:{0}">{0}</a></sup>'
SINGLE = '<sup class="one-report"><a class="one-report__mark" href="#r" title="One report: X">1</a></sup>'
BADGE = '<sup class="correction-ref"><a class="footnote-ref" href="#correction:c">C1</a></sup>'
TERM = '<a class="glossary-term" href="#t">term</a>'


def counted(*paragraphs: str) -> dict[str, int]:
    return mark_density.count("<article>" + "".join(f"<p>{text}</p>" for text in paragraphs) + "</article>")


def test_numbers_cited_together_are_one_mark_and_the_old_measure_counts_each() -> None:
    found = counted(f"One two three.{NUMBER.format(1)}{NUMBER.format(2)} Four, five {TERM}.{NUMBER.format(3)}")
    assert (found["clusters"], found["sources"], found["underlines"], found["marks"]) == (2, 3, 1, 3)
    assert found["old"] == 4
    assert found["words"] == 6


def test_a_single_source_mark_counts_alone_and_joins_a_cluster_across_a_span_and_a_comma() -> None:
    found = counted(
        f"Alone{SINGLE}, then words.",
        f"<span>figure{SINGLE}</span>{BADGE}, {NUMBER.format(1)} and{NUMBER.format(2)}",
    )
    assert (found["single"], found["clusters"], found["badges"], found["marks"]) == (1, 2, 1, 3)
    assert found["old"] == 3  # the old measure: numbers and badges, single-source marks not counted
