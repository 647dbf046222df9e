"""An e-mail address beside "Report an error", for readers without a GitHub account: shown only when
mkdocs.yml sets one (`extra: report_error_email:`), never made up."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import yaml
from conftest import REPO, REPORT_ERROR_EMAIL, BuiltSite


def test_no_address_is_shown_unless_one_is_set(fixture_build: BuiltSite):
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert not (config.get("extra") or {}).get("report_error_email")  # set it only to an address the project reads
    report = fixture_build.html("corrected/").select_one("p.report-error")
    assert report is not None and report.select_one('a[href^="mailto:"]') is None


def test_a_set_address_is_shown_beside_the_link_with_the_page_in_the_subject(variant_build: BuiltSite):
    """mkdocs.yml's extra, printed by the theme's template on every page: the session's variant of the fixture
    (tests/conftest.py) sets an address."""
    built = variant_build
    assert built.ok, built.messages
    page = built.html("corrected/")
    report = page.select_one("p.report-error")
    mail = report.select_one('a[href^="mailto:"]')
    assert mail is not None and mail.get_text() == REPORT_ERROR_EMAIL
    address = urlsplit(mail["href"])
    assert address.path == REPORT_ERROR_EMAIL
    canonical = page.select_one('link[rel="canonical"]')["href"]
    assert parse_qs(address.query) == {"subject": [f"Error on {canonical}"]}
    assert report.select_one('a[href*="/issues/new?"]') is not None  # the form stays first
