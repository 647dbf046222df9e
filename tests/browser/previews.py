"""Helpers for previews (Material's tooltips, and the sheet a tap opens) as a reader sees them.

Material mounts a preview first (transparent), and makes it opaque with the class
`md-tooltip2--active` one animation frame later; Playwright calls a transparent element
visible, so "open" here means mounted, active and displayed.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

OPEN = re.compile(r"\bmd-tooltip2--active\b")
# axe-core's violations on the page, one line each, less the rules listed; without a preload, as the page checks
# (explainer_checks.browser.AXE_RUN: the preload serves no rule that finds violations).
AXE_RUN = """async (off) => {
  const rules = Object.fromEntries(off.map(id => [id, {enabled: false}]));
  const result = await axe.run(document, {resultTypes: ["violations"], rules, preload: false});
  return result.violations.map(v => `${v.id} (${v.nodes.length}x): ${v.nodes[0].target.join(" ")}`);
}"""


def axe_violations(page, axe_source: str, off: tuple[str, ...] = ()) -> list[str]:
    """axe-core's violations on `page` as it is now (AXE_RUN), axe-core evaluated rather than added as a <script>
    (as the page checks do: no element added to the page under test, and compiled once)."""
    page.evaluate(axe_source + "\n;0")
    return page.evaluate(AXE_RUN, list(off))


# An SVG mark's symbol: a Timeline dot or bar, a chart point's or event's drawn hit area.
SYMBOL = ":scope > circle:not(.chart-mark__ring), :scope > rect:not(.chart-mark__ring, .explainer-hit)"

# The text on a mark's line (every text box in the mark's paragraph level with the mark), or an SVG
# mark's symbol: what the reader is reading as they reach for the mark.
LINE_OF = """(mark, symbol) => {
  if (mark instanceof SVGElement) {
    const box = (mark.querySelector(symbol) || mark).getBoundingClientRect();
    return {top: box.top, bottom: box.bottom};
  }
  const box = mark.getClientRects()[0];
  let top = box.top, bottom = box.bottom;
  const block = mark.closest('p, li'), range = document.createRange();
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    range.selectNodeContents(walker.currentNode);
    for (const text of range.getClientRects()) {
      if (text.bottom > box.top && text.top < box.bottom) {
        top = Math.min(top, text.top);
        bottom = Math.max(bottom, text.bottom);
      }
    }
  }
  return {top, bottom};
}"""


# Two animation frames: a scroll's events are dispatched as the next frame begins, before its
# animation-frame callbacks, so by the second the scroll listeners (Material's, ours) have run and
# whatever they deferred to a frame has too.
TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def after_scroll(page) -> None:
    """Wait until the page has handled a scroll the test made (instead of a fixed 200 ms)."""
    page.evaluate(TWO_FRAMES)


def settle(locator) -> None:
    """Wait for the element's animations and transitions, and its descendants', to finish (a preview
    fades and slides in; a sheet slides up)."""
    locator.evaluate("el => Promise.all(el.getAnimations({subtree: true}).map(animation => animation.finished))")


def preview_of(page, link):
    """The preview that belongs to `link`; Material creates it on first hover or focus."""
    expect(link).to_have_attribute("aria-controls", re.compile(r"."))
    return page.locator(f"[id='{link.get_attribute('aria-controls')}']")


def expect_open(preview) -> None:
    """The reader sees the preview: Material has opened it and nothing hides it."""
    expect(preview).to_have_class(OPEN)
    expect(preview).to_be_visible()
