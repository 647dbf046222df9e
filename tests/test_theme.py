"""What the engine's theme directory (engine/src/explainer/theme/) puts on every page of the built real site."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO, BuiltSite

from explainer_checks.build import parsed_page


@pytest.fixture(scope="module")
def pages(real_build: BuiltSite) -> dict[str, BeautifulSoup]:
    """Every page of the real site, parsed: the trees the other checks of the build read (`parsed_page`), so read
    them, never change them."""
    site = real_build.site_dir
    return {str(path.relative_to(site)): parsed_page(path) for path in real_build.pages()}


def loader(html: BeautifulSoup) -> list[str]:
    """The scripts a page's loader requests after its first paint, in order (the engine's theme/main.html)."""
    loaders = html.find_all("script", attrs={"data-scripts": True})
    assert len(loaders) == 1, "one loader"
    return [script["src"] for script in loader_entries(html)]


def loader_entries(html: BeautifulSoup) -> list[dict]:
    """The loader's list as written: each script's address, and its type and async where mkdocs.yml gives them."""
    return json.loads(html.find("script", attrs={"data-scripts": True})["data-scripts"])


def test_no_script_is_requested_before_the_first_paint(pages: dict[str, BeautifulSoup]) -> None:
    """No script file in the page's HTML: each one, Material's bundle included, is the loader's to request
    once the first paint has been shown (deferred, one run in two it ran before that paint was shown)."""
    in_html = {page: [script["src"] for script in html.find_all("script", src=True)] for page, html in pages.items()}
    assert {page: scripts for page, scripts in in_html.items() if scripts} == {}
    # Positive control: the scripts are there, the loader's.
    assert all(loader(html) for html in pages.values())


def test_scripts_keep_their_order_material_first(pages: dict[str, BeautifulSoup]) -> None:
    """The site's scripts use Material's globals (document$), so the bundle must come first."""
    for page, html in pages.items():
        sources = [Path(source).name for source in loader(html)]
        assert sources[0].startswith("bundle.") and sources[1:] == ["previews.js", "explainer.js"], page


def test_the_loaders_scripts_are_the_sites_files(pages: dict[str, BeautifulSoup], real_build: BuiltSite) -> None:
    """Each address the loader requests, read as a browser reads it on the published page (the 404 page's
    are absolute), is a file of the built site."""
    site = real_build.site_dir
    root = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    for page, html in pages.items():
        addresses = [urljoin(root + page, source) for source in loader(html)]
        missing = [address for address in addresses if not (site / address.removeprefix(root)).is_file()]
        assert missing == [] and all(address.startswith(root) for address in addresses), page


def test_one_stylesheet_of_our_own_after_materials(pages: dict[str, BeautifulSoup]) -> None:
    """Each render-blocking stylesheet costs the first paint on a slow phone: ours is one file."""
    for page, html in pages.items():
        sheets = [Path(link["href"]).name for link in html.find_all("link", rel="stylesheet")]
        assert [name.split(".")[0] for name in sheets] == ["main", "palette", "explainer"], page


def test_the_loader_keeps_the_type_and_async_mkdocs_yml_gives_a_script(variant_build: BuiltSite) -> None:
    """A site's `extra_javascript` with `type: module` or `async` (conftest.EXTRA_SCRIPTS) is requested as such."""
    entries = {Path(entry["src"]).name: entry for entry in loader_entries(variant_build.html(""))}
    assert {key: value for key, value in entries["module.js"].items() if key != "src"} == {"type": "module"}
    assert {key: value for key, value in entries["whenever.js"].items() if key != "src"} == {"async": True}
    assert set(entries["explainer.js"]) == {"src"}  # positive control: a plain script, no type, in order
