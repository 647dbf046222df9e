"""`extra: explainer:` in mkdocs.yml at the function (explainer.sitesettings): what is read, and where a
problem is reported (the messages are the catalogue's)."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.sitesettings import explainer_settings


@pytest.mark.parametrize(
    ("config", "settings", "problems"),
    [
        ("site_name: S\nextra:\n  explainer:\n    allow_files: [pdf]\n", {"allow_files": ["pdf"]}, []),
        ("site_name: S\n", {}, []),
        ("site_name: S\nextra: 3\n", {}, []),
        ("- a list\n", {}, []),
        ("site_name: [unclosed\n", {}, []),  # said by the configuration's own check
        ("site_name: S\nextra:\n  explainer: on\n", {}, ["mkdocs.yml:3"]),
    ],
)
def test_the_settings_and_where_a_problem_is(tmp_path: Path, config: str, settings: dict, problems: list) -> None:
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    found, said = explainer_settings(tmp_path / "mkdocs.yml")
    assert found == settings
    assert [f"{problem.file}:{problem.line}" for problem in said] == problems


def test_without_a_configuration_file_there_are_no_settings(tmp_path: Path) -> None:
    assert explainer_settings(None) == ({}, [])
    assert explainer_settings(tmp_path / "absent.yml") == ({}, [])
