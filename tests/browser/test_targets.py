"""Every mark's target, to tap or click, is at least 24 x 24 px (WCAG 2.2, 2.5.8) on a 375 px touch phone,
on the real site, and the larger targets move no letter of the text."""

from __future__ import annotations

import pytest

from .conftest import PHONE_CONTEXT
from .previews import SYMBOL

# Every kind of mark, as CSS: the story's marks, then the pictures'.
# Single-source marks in the prose and in the charts' tables (shown once their "figures" are opened).
TEXT_MARKS = "article a.footnote-ref, article a.glossary-term, article a.event-ref, article a.one-report__mark"
PICTURE_MARKS = "a.timeline-mark, a.chart-mark, a.chart-event"
# The marks' targets at their drawn size: what explainer.css adds, taken away.
DRAWN_SIZE = """
  .md-typeset a.glossary-term, .md-typeset a.event-ref { margin: 0 !important; padding: 0 !important; }
  .md-typeset a.footnote-ref { position: static !important; }
  .md-typeset sup:not(.correction-ref) > a.footnote-ref { margin: 0 !important; padding: 0 !important; }
  .md-typeset a.footnote-ref::after { content: none !important; }
  .md-typeset a.one-report__mark::after { content: none !important; }"""

# For each mark shown: is there a 24 x 24 px square around its middle (an SVG mark's symbol, or one of
# the lines' pieces of a mark in the text), its middle at most 8 px off, in which every point hits the
# mark? Probed on a 9 x 9 grid (3 px apart, edges included) with elementsFromPoint, which lists every
# element under a point (so overlapping targets both count; in SVG it lists the shapes hit, not the
# links they are in). Each hit test costs 0.2-0.5 ms on these long pages, so the probe asks the cheaper
# elementFromPoint first (the topmost element, the first of that list: when it is the mark's, the point
# hits), and tries a square's points from its corners inwards (the same 81 points, all of which must hit:
# a square too large for the mark fails on its first few instead of after half of them).
TARGETS = """([selector, symbol]) => {
  const SIZE = 24, STEPS = 8;
  const hits = (mark, x, y) => {
    const top = document.elementFromPoint(x, y);
    return (top !== null && mark.contains(top)) || document.elementsFromPoint(x, y).some(el => mark.contains(el));
  };
  const grid = [];
  for (let j = 0; j <= STEPS; j++) for (let i = 0; i <= STEPS; i++) grid.push([i, j]);
  const fromTheMiddle = ([i, j]) => Math.max(Math.abs(i - STEPS / 2), Math.abs(j - STEPS / 2)) * STEPS
    + Math.abs(i - STEPS / 2) + Math.abs(j - STEPS / 2);
  grid.sort((a, b) => fromTheMiddle(b) - fromTheMiddle(a));  // the corners first, the middle last
  const square = (mark, left, top) =>
    grid.every(([i, j]) => hits(mark, left + 0.5 + i * (SIZE - 1) / STEPS, top + 0.5 + j * (SIZE - 1) / STEPS));
  const fits = (mark, cx, cy) => {
    for (const dy of [0, 4, -4, 8, -8]) for (const dx of [0, 4, -4, 8, -8])
      if (square(mark, cx - SIZE / 2 + dx, cy - SIZE / 2 + dy)) return true;
    return false;
  };
  const small = [];
  let checked = 0;
  for (const mark of document.querySelectorAll(selector)) {
    if (!mark.getClientRects().length) continue;  // not shown (the other overview)
    const shape = mark instanceof SVGElement ? (mark.querySelector(symbol) || mark) : mark;
    shape.scrollIntoView({block: 'center', inline: 'center'});
    const pieces = [...shape.getClientRects()];  // a mark in the text may break across lines
    checked++;
    const middle = box => [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
    if (!pieces.some(box => fits(mark, ...middle(box)))) {
      const name = mark.textContent.trim().slice(0, 30) || mark.getAttribute('aria-label');
      const sizes = pieces.map(box => `${Math.round(box.width)}x${Math.round(box.height)}`);
      small.push(`${mark.className.baseVal ?? mark.className} ${name}: ${sizes} px`);
    }
  }
  return {checked, small};
}"""


def open_details(page) -> None:
    """Open every closed box (a chart's table of figures), as a reader does to see what is in it."""
    page.evaluate("() => { for (const box of document.querySelectorAll('article details')) box.open = true; }")


PICTURES = "svg.timeline-svg, svg.chart-svg"
# The picture's box on the screen, the picture scrolled to the middle of it unless all of it is on it; none
# if it is not shown (the other overview). One call per picture instead of four locator calls.
PICTURE_ON_SCREEN = """([selector, n]) => {
  const svg = document.querySelectorAll(selector)[n];
  if (!svg.checkVisibility()) return null;
  let box = svg.getBoundingClientRect();
  if (box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth) {
    svg.scrollIntoView({block: 'center', inline: 'center'});
    box = svg.getBoundingClientRect();
  }
  return box.toJSON();
}"""


def point_at_pictures(page) -> None:
    """Move the pointer over each picture shown, as a reader reaching for a mark does first."""
    for n in range(page.locator(PICTURES).count()):
        box = page.evaluate(PICTURE_ON_SCREEN, [PICTURES, n])
        if box:
            page.mouse.move(max(box["x"], 0) + 2, max(box["y"], 100) + 2)  # below Material's header
    page.mouse.move(0, 0)


# Note marks side by side (a cluster, previews.js) are one target: along the line through their targets'
# middles, from the first mark's left edge to the last one's right edge, every point hits one of them.
# Clusters as CSS sees them: a number after a number, a number after a single-source mark.
CLUSTER_GAPS = """() => {
  const gaps = [];
  let checked = 0;
  const seconds = 'article sup.footnote-ref--follows, article sup.one-report--before-ref + sup';
  for (const second of document.querySelectorAll(seconds)) {
    const first = second.previousElementSibling, marks = [first, second].map(sup => sup.querySelector('a'));
    second.scrollIntoView({block: 'center'});
    const [left, right] = marks.map(mark => mark.getBoundingClientRect());
    if (Math.abs(left.top - right.top) > 2) continue;  // not on one line
    checked++;
    const y = (left.top + left.bottom + right.top + right.bottom) / 4 + 4;  // targets sit a little below
    for (let x = left.left + 1; x < right.right - 1; x += 1) {
      if (!document.elementsFromPoint(x, y).some(el => marks.some(mark => mark.contains(el)))) {
        gaps.push(`${marks.map(mark => mark.textContent.trim()).join(',')} at +${Math.round(x - left.left)} px`);
        break;
      }
    }
  }
  return {checked, gaps};
}"""


# Where every piece of text in the story is laid out: each text node's boxes, line by line.
TEXT_BOXES = """() => {
  const boxes = [], range = document.createRange();
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    range.selectNodeContents(walker.currentNode);
    for (const box of range.getClientRects()) {
      boxes.push([box.left, box.top + scrollY, box.right, box.bottom + scrollY]);
    }
  }
  return boxes;
}"""


# One visit of each page on a 375 px phone serves the checks below, which read it in an order in which no
# step changes what a later one reads: the gaps between a cluster's marks (a scroll to each), the text's
# boxes, then, with the marks' targets at their drawn size (DRAWN_SIZE added), the text's boxes again and
# the probe of those targets; then, DRAWN_SIZE taken away again, every box opened and the pictures pointed
# at, every mark's target. (The Timeline's probe needs no style: no pointer has entered its pictures yet,
# so its marks have no hit areas.) Each page is read for the checks that name it.
READS = {
    "story/the-fall/": ("gaps", "letters", "drawn", "targets"),
    "story/ai-competition/": ("letters", "targets"),
    "timeline/": ("drawn", "targets"),
    "story/since-then/": ("gaps",),
}
PROBED = {  # the marks the probe reads at their drawn size
    "story/the-fall/": "article sup:not(.correction-ref) > a.footnote-ref, article a.glossary-term",
    "timeline/": "svg.timeline-svg--narrow a.timeline-mark",
}


@pytest.fixture(scope="module")
def visits(contexts, site_url: str) -> dict[str, dict]:
    """Each page of READS read once on a fresh phone page: what the checks below read."""
    return {path: _visit(contexts, site_url, path, reads) for path, reads in READS.items()}


def _visit(contexts, site_url: str, path: str, reads: tuple[str, ...]) -> dict:
    page = contexts.page(**PHONE_CONTEXT)
    page.goto(site_url + path)
    seen: dict = {}
    if "gaps" in reads:
        seen["gaps"] = page.evaluate(CLUSTER_GAPS)
    if "letters" in reads:
        seen["letters"] = page.evaluate(TEXT_BOXES)
    if "letters" in reads or ("drawn" in reads and path != "timeline/"):
        drawn_size = page.add_style_tag(content=DRAWN_SIZE)
        if "letters" in reads:
            seen["letters at drawn size"] = page.evaluate(TEXT_BOXES)
        if "drawn" in reads:
            seen["drawn"] = page.evaluate(TARGETS, [PROBED[path], SYMBOL])
        drawn_size.evaluate("style => style.remove()")  # the targets as the site draws them again
    elif "drawn" in reads:  # the Timeline: no pointer has entered its pictures, its marks are at their drawn size
        seen["drawn"] = page.evaluate(TARGETS, [PROBED[path], SYMBOL])
    if "targets" in reads:
        open_details(page)
        point_at_pictures(page)
        seen["targets"] = page.evaluate(TARGETS, [f"{TEXT_MARKS}, {PICTURE_MARKS}", SYMBOL])
    contexts.release(page)
    return seen


# `least`: enough marks that every kind on the page was reached; well under today's counts, since issue 24
# (item 4) removes marks from the text (The fall: 73 after the editor's first pass).
@pytest.mark.parametrize(("path", "least"), [("story/the-fall/", 50), ("story/ai-competition/", 40), ("timeline/", 90)])
def test_every_marks_target_is_at_least_24_px_square(visits, path: str, least: int) -> None:
    found = visits[path]["targets"]
    assert found["small"] == []
    assert found["checked"] >= least  # every kind of mark on the page was reached


def test_the_probe_finds_marks_at_their_drawn_size_too_small(visits) -> None:
    """The test above is not vacuous: at their drawn size source numbers, terms and dots fail it."""
    found = visits["story/the-fall/"]["drawn"]
    assert len(found["small"]) == found["checked"] > 30
    found = visits["timeline/"]["drawn"]  # no pointer has entered the pictures: no hit areas yet
    assert len(found["small"]) == found["checked"] > 40  # every event on the narrow Timeline


@pytest.mark.parametrize("path", ["story/the-fall/", "story/since-then/"])
def test_a_cluster_of_note_marks_is_one_continuous_target(visits, path: str) -> None:
    found = visits[path]["gaps"]
    assert found["gaps"] == []
    assert found["checked"] >= 3  # The fall: 4 before the editing of issue 24


@pytest.mark.parametrize("path", ["story/the-fall/", "story/ai-competition/"])
def test_larger_targets_move_no_letter(visits, path: str) -> None:
    """Every piece of text is laid out where it is with the marks' targets at their drawn size."""
    laid_out = visits[path]["letters"]
    assert visits[path]["letters at drawn size"] == laid_out
    assert len(laid_out) > 500
