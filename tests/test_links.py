"""Links in the built real site: every internal link and fragment resolves; every external address is https."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import BuiltSite, real_config

from explainer.yamlfile import load_yaml

REPO = Path(__file__).resolve().parents[1]
# Stands in for the site's root (its path as in site_url: 404.html links from there) while resolving links.
BASE = "https://site.invalid" + urlsplit(real_config()["site_url"]).path
URL_LIKE = re.compile(r"^[a-z][a-z0-9+.-]*:(//)?\S", re.IGNORECASE)
WELL_FORMED_HTTPS = re.compile(r"^https://[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?(/[^\s<>\"]*)?$", re.IGNORECASE)
LINKING_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "use": "href"}


@pytest.fixture(scope="module")
def real_site(real_build: BuiltSite) -> Path:
    """The real site, which must build without a single warning (as --strict requires)."""
    assert real_build.messages == []
    return real_build.site_dir


def html_pages(site_dir: Path) -> Iterator[tuple[str, BeautifulSoup]]:
    """Each built page as (its URL relative to the site root, parsed HTML)."""
    for path in sorted(site_dir.rglob("*.html")):
        yield str(path.relative_to(site_dir)), BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def internal_links(page_path: str, page: BeautifulSoup) -> Iterator[tuple[str, str]]:
    """(link as written, absolute URL under BASE) for every link that stays inside the site."""
    for tag_name, attribute in LINKING_ATTRIBUTES.items():
        for tag in page.find_all(tag_name):
            target = tag.get(attribute) or tag.get("xlink:href")
            if not target or URL_LIKE.match(target) or target.startswith("//"):
                continue
            yield target, urljoin(BASE + page_path, target)


def file_for(site_dir: Path, absolute_url: str) -> Path | None:
    """The built file a link points at, or None if it leaves the site's root."""
    path, root = unquote(urlsplit(absolute_url).path), urlsplit(BASE).path
    if not path.startswith(root):
        return None
    target = site_dir / path.removeprefix(root)
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def ids_in(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        cache[path] = {tag["id"] for tag in page.find_all(id=True)} | {
            tag["name"] for tag in page.find_all(attrs={"name": True})
        }
    return cache[path]


def broken_links(site_dir: Path) -> list[str]:
    """Every internal link whose file or fragment does not exist, as 'page: link (why)'."""
    problems, ids_cache = [], {}
    for page_path, page in html_pages(site_dir):
        for written, absolute in internal_links(page_path, page):
            target = file_for(site_dir, absolute)
            fragment = unquote(urlsplit(absolute).fragment)
            if target is None:
                problems.append(f"{page_path}: {written} (outside the site)")
            elif not target.is_file():
                problems.append(f"{page_path}: {written} (no file {target.relative_to(site_dir)})")
            elif fragment and target.suffix == ".html" and fragment not in ids_in(target, ids_cache):
                problems.append(f"{page_path}: {written} (no id '{fragment}' in {target.relative_to(site_dir)})")
    return problems


def test_every_internal_link_and_fragment_resolves(real_site: Path):
    assert list(html_pages(real_site)), "the site has pages"
    assert broken_links(real_site) == []


def test_link_checker_finds_dangling_fragments_and_files(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text('<h2 id="here">x</h2><a href="#here">ok</a><a href="#gone">bad</a>')
    links = ["a/#here", "b/", "https://x.org", "/x/"]
    (tmp_path / "index.html").write_text("".join(f'<a href="{link}">x</a>' for link in links))
    assert broken_links(tmp_path) == [
        "a/index.html: #gone (no id 'gone' in a/index.html)",
        "index.html: b/ (no file b/index.html)",
        "index.html: /x/ (outside the site)",
    ]


def external_addresses(value: object, key: str = "") -> Iterator[tuple[str, str]]:
    """(key, text) for every string in a data file that is a URL or sits under a url-ish key."""
    if isinstance(value, dict):
        for child_key, child in value.items():
            yield from external_addresses(child, str(child_key))
    elif isinstance(value, list):
        for child in value:
            yield from external_addresses(child, key)
    elif isinstance(value, str) and ("url" in key.lower() or URL_LIKE.match(value)):
        yield key, value


def test_every_external_address_in_data_is_well_formed_https():
    bad = [
        f"data/{path.name}: {key}: {value}"
        for path in sorted((REPO / "data").glob("*.yml"))
        for key, value in external_addresses(load_yaml(path, f"data/{path.name}").data)
        if not WELL_FORMED_HTTPS.match(value)
    ]
    assert bad == []


def test_every_external_link_in_the_site_is_https(real_site: Path):
    insecure = {
        f"{page_path}: {tag['href']}"
        for page_path, page in html_pages(real_site)
        for tag in page.find_all("a", href=True)
        if tag["href"].lower().startswith(("http:", "javascript:", "data:", "vbscript:"))
    }
    assert sorted(insecure) == []


def test_fixture_site_links_resolve(fixture_build: BuiltSite):
    assert broken_links(fixture_build.site_dir) == []


def test_reading_the_site_requests_nothing_from_another_host(real_site: Path):
    remote = {
        f"{page_path}: <{tag.name} {attribute}={tag[attribute]}>"
        for page_path, page in html_pages(real_site)
        for tag in page.find_all(["img", "script", "iframe", "link", "source", "video", "audio", "embed", "object"])
        for attribute in ("src", "href", "data", "srcset")
        if tag.get(attribute)
        and (URL_LIKE.match(tag[attribute]) or tag[attribute].startswith("//"))
        and not (tag.name == "link" and tag.get("rel") in (["canonical"], ["alternate"]))
    }
    assert sorted(remote) == []
