"""An e-mail address beside "Report an error", for readers without a GitHub account: shown only when
mkdocs.yml sets one (`extra: report_error_email:`), never made up."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import yaml
from conftest import REPO, BuiltSite, build_project, write_project


def test_no_address_is_shown_unless_one_is_set(fixture_build: BuiltSite):
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert not (config.get("extra") or {}).get("report_error_email")  # set it only to an address the project reads
    report = fixture_build.html("corrected/").select_one("p.report-error")
    assert report is not None and report.select_one('a[href^="mailto:"]') is None


def test_a_set_address_is_shown_beside_the_link_with_the_page_in_the_subject(tmp_path: Path):
    """Needs a build: mkdocs.yml's extra, printed by the theme's template on every page."""
    project = write_project(tmp_path / "project")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config.setdefault("extra", {})["report_error_email"] = "errors@example.org"
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    built = build_project(project)
    assert built.ok, built.messages
    page = built.html("corrected/")
    report = page.select_one("p.report-error")
    mail = report.select_one('a[href^="mailto:"]')
    assert mail is not None and mail.get_text() == "errors@example.org"
    address = urlsplit(mail["href"])
    assert address.path == "errors@example.org"
    canonical = page.select_one('link[rel="canonical"]')["href"]
    assert parse_qs(address.query) == {"subject": [f"Error on {canonical}"]}
    assert report.select_one('a[href*="/issues/new?"]') is not None  # the form stays first
