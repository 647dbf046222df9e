"""The single-source mark (issue 20.4) in a real Chromium, on the real site: hover and keyboard focus show
"One report: ..., not confirmed elsewhere"; on a 375 px touch phone a tap opens it in a sheet without
scrolling the page, and the sheet's link leads to the report's entry on the Sources page. A full stop
after the mark never starts a line alone. (A mark right before a source number is one cluster with it:
test_clusters.py.)"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .previews import after_scroll

PAGE = "story/the-fall/"
# A mark that stands alone: "billion①, another report ..." (not right before a source number).
MARK = "article sup.one-report:not(.one-report--before-ref) > a.one-report__mark >> nth=0"
TOOLTIP = ".md-tooltip2.md-tooltip2--active"
SHEET = ".explainer-sheet"


def title_of(page) -> str:
    title = page.locator(MARK).get_attribute("title")
    assert title.startswith("One report: ") and title.endswith("; not confirmed elsewhere")
    return title


def test_hover_shows_whose_report_it_is(page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    title = title_of(page)
    page.locator(MARK).hover()
    tooltip = page.locator(TOOLTIP)
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(title)


def test_keyboard_focus_shows_whose_report_it_is(page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    title = title_of(page)
    mark = page.locator(MARK)
    # Focus the link just before the mark, then Tab onto it, as a keyboard reader arrives.
    mark.evaluate("""mark => {
      const links = [...document.querySelectorAll('a[href]')];
      links[links.indexOf(mark) - 1].focus();
    }""")
    page.keyboard.press("Tab")
    expect(mark).to_be_focused()
    expect(page.locator(TOOLTIP)).to_have_text(title)
    page.keyboard.press("Escape")
    expect(page.locator(TOOLTIP)).to_be_hidden()  # Escape dismisses it (WCAG 1.4.13)


@pytest.fixture
def phone(phone_page):
    return phone_page


def test_a_tap_shows_it_in_place_and_its_link_leads_to_the_report(phone, site_url: str) -> None:
    phone.goto(site_url + PAGE)
    title = title_of(phone)
    mark = phone.locator(MARK)
    box = mark.bounding_box()
    assert box["width"] < 24  # the mark itself is small: its target is what is large (26 px)
    target = mark.evaluate("a => { const s = getComputedStyle(a, '::after'); return [s.width, s.height]; }")
    assert [float(size.removesuffix("px")) for size in target] >= [24, 24]
    mark.evaluate("el => el.scrollIntoView({block: 'center'})")
    after_scroll(phone)
    before = phone.evaluate("scrollY")
    href = mark.evaluate("a => a.href")
    mark.tap()
    sheet = phone.locator(SHEET)
    expect(sheet).to_be_visible()
    expect(sheet).to_contain_text(title)
    phone.wait_for_timeout(300)  # time for any jump to have happened
    assert phone.evaluate("scrollY") == before
    assert urlsplit(phone.url).path.endswith(PAGE)  # the mark's link was not followed
    link = sheet.get_by_role("link", name="Go to its report in Sources")
    assert link.evaluate("a => a.href") == href
    link.tap()
    phone.wait_for_url(href)
    expect(phone.locator(f"[id='{urlsplit(href).fragment}']")).to_be_in_viewport()


# Each mark in the running text followed by punctuation ("claim①."), and whether, at any width of its
# paragraph from its own down to 160 px, that punctuation starts a line the mark is not on. The build puts
# a mark after the punctuation that closes its claim (explainer.anchors.mark_position), so the site has
# no such case of its own: the script first writes a full stop after each of the page's first five marks.
PUNCTUATION_ALONE = """() => {
  const alone = [], range = document.createRange();
  let checked = 0;
  const marks = [...document.querySelectorAll('article p a.one-report__mark, article li a.one-report__mark')];
  for (const mark of marks.slice(0, 5)) mark.closest('sup').after(document.createTextNode('.'));
  for (const mark of marks) {
    const next = mark.closest('sup').nextSibling;
    if (next?.nodeType !== Node.TEXT_NODE || !/^[.,;:)]/.test(next.data)) continue;
    checked++;
    const block = mark.closest('p, li');
    for (let width = block.getBoundingClientRect().width; width >= 160; width -= 2) {
      block.style.width = `${width}px`;
      range.setStart(next, 0);
      range.setEnd(next, 1);
      if (range.getBoundingClientRect().top >= mark.getBoundingClientRect().bottom) {
        alone.push(`${next.data[0]} at ${width} px, after ${mark.title}`);
        break;
      }
    }
    block.style.width = '';
  }
  return {checked, alone};
}"""


def test_punctuation_after_the_mark_never_starts_a_line(page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    found = page.evaluate(PUNCTUATION_ALONE)
    assert found["alone"] == []
    assert found["checked"] >= 3
