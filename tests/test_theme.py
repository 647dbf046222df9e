"""What the engine's theme directory (engine/src/explainer/theme/) puts on every page of the built real site."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BuiltSite


@pytest.fixture(scope="module")
def pages(real_build: BuiltSite) -> dict[str, BeautifulSoup]:
    site = real_build.site_dir
    return {
        str(path.relative_to(site)): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in sorted(site.rglob("*.html"))
    }


def test_no_script_holds_up_the_first_paint(pages: dict[str, BeautifulSoup]) -> None:
    """Every script file, Material's bundle included, is deferred (the engine's theme/main.html)."""
    blocking = {
        page: [script["src"] for script in html.find_all("script", src=True) if not script.has_attr("defer")]
        for page, html in pages.items()
    }
    assert {page: scripts for page, scripts in blocking.items() if scripts} == {}


def test_scripts_keep_their_order_material_first(pages: dict[str, BeautifulSoup]) -> None:
    """The site's scripts use Material's globals (document$), so the bundle must come first."""
    for page, html in pages.items():
        sources = [Path(script["src"]).name for script in html.find_all("script", src=True)]
        assert sources[0].startswith("bundle.") and sources[1:] == ["previews.js", "explainer.js"], page


def test_one_stylesheet_of_our_own_after_materials(pages: dict[str, BeautifulSoup]) -> None:
    """Each render-blocking stylesheet costs the first paint on a slow phone: ours is one file."""
    for page, html in pages.items():
        sheets = [Path(link["href"]).name for link in html.find_all("link", rel="stylesheet")]
        assert [name.split(".")[0] for name in sheets] == ["main", "palette", "explainer"], page
