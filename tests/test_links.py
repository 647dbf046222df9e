"""The link checker of the generic checks, and the fixture site's links.

That every internal link and fragment of the real site resolves, that every external address
is https and that reading the site requests nothing from another host are generic checks every
explainer runs (explainer_checks.site, through tests/test_explainer_checks.py)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from conftest import BuiltSite, real_config

from explainer_checks.site import broken_links


def test_link_checker_finds_dangling_fragments_and_files(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text('<h2 id="here">x</h2><a href="#here">ok</a><a href="#gone">bad</a>')
    links = ["a/#here", "b/", "https://x.org", "/x/"]
    (tmp_path / "index.html").write_text("".join(f'<a href="{link}">x</a>' for link in links))
    assert broken_links(tmp_path, "/site/") == [
        "a/index.html: #gone (no id 'gone' in a/index.html)",
        "index.html: b/ (no file b/index.html)",
        "index.html: /x/ (outside the site)",
    ]


def test_link_checker_resolves_from_the_path_the_site_is_published_under(tmp_path: Path):
    (tmp_path / "404.html").write_text('<a href="/site/about/">about</a><a href="/elsewhere/">x</a>')
    (tmp_path / "about").mkdir()
    (tmp_path / "about/index.html").write_text("<p>About</p>")
    assert broken_links(tmp_path, "/site/") == ["404.html: /elsewhere/ (outside the site)"]


def test_fixture_site_links_resolve(fixture_build: BuiltSite):
    """The fixture site is built with the real site's mkdocs.yml, so under its path (404.html links from there)."""
    assert broken_links(fixture_build.site_dir, urlsplit(real_config()["site_url"]).path) == []
