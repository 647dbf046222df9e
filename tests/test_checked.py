"""Data checked once per content (explainer/checked.py): unchanged data is not checked again, changed data is."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURE_SITE

from explainer import data
from explainer.checked import CheckedData, fingerprint
from explainer.data import load_site_data
from explainer.errors import DataError
from explainer.yamlfile import parse_yaml


def test_the_fingerprint_follows_every_byte_and_every_file_name():
    files = {"data/a.yml": b"- id: x\n", "data/b.yml": b"[]\n"}
    assert fingerprint(files) == fingerprint(dict(reversed(files.items())))
    assert fingerprint(files) != fingerprint({**files, "data/a.yml": b"- id: y\n"})
    assert fingerprint(files) != fingerprint({"data/c.yml": b"- id: x\n", "data/b.yml": b"[]\n"})


def test_the_record_keeps_the_last_data_that_passed_as_parsed(tmp_path: Path):
    checked = CheckedData(tmp_path / ".cache" / "explainer" / "checked-data.json")
    assert checked.documents("abc") is None
    document = parse_yaml(b"- id: x\n  n: 1.5\n  tags: [a, 'b']\n  note: null\n", "data/x.yml")
    checked.remember("abc", {"data/x.yml": document})
    assert checked.documents("abd") is None
    assert checked.documents("abc") == {"data/x.yml": document}
    assert list(checked.record.parent.iterdir()) == [checked.record]  # no partial file left behind


def test_values_json_cannot_hold_are_not_kept(tmp_path: Path):
    checked = CheckedData(tmp_path / "checked-data.json")
    checked.remember("abc", {"data/x.yml": parse_yaml(b"- 1: number key\n", "data/x.yml")})
    assert checked.documents("abc") is None


def test_a_read_only_project_still_builds(tmp_path: Path):
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    document = parse_yaml(b"[]\n", "data/x.yml")
    CheckedData(blocked / "checked-data.json").remember("abc", {"data/x.yml": document})  # no error


@pytest.fixture
def data_project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_SITE / "data", tmp_path / "data")
    return tmp_path


def test_changed_data_is_checked_again_whatever_was_remembered(data_project: Path):
    checked = CheckedData(data_project / ".cache" / "checked.json")
    load_site_data(data_project, checked)
    events = data_project / "data" / "events.yml"
    events.write_text(events.read_text(encoding="utf-8").replace("sources: [wire-2020-ipo]", "sources: [gone]", 1))
    with pytest.raises(DataError, match="cites unknown source 'gone'"):
        load_site_data(data_project, checked)


def test_data_that_passed_before_is_read_without_its_schema_check(data_project: Path):
    """In a new process (as every `mkdocs build` is), the remembered fingerprint spares the checks."""
    script = (
        "import sys; from pathlib import Path; from explainer.checked import CheckedData; "
        "from explainer.data import load_site_data; root = Path(sys.argv[1]); "
        "load_site_data(root, CheckedData(root / '.cache' / 'checked.json')); print('jsonschema' in sys.modules)"
    )

    def run() -> str:
        command = [sys.executable, "-c", script, str(data_project)]
        result = subprocess.run(command, capture_output=True, text=True, env={})
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    assert run() == "True"  # first time: checked against the schemas
    assert run() == "False"  # unchanged: only read


def test_data_built_from_what_passed_is_the_data_read_from_the_files(data_project: Path, monkeypatch):
    checked = CheckedData(data_project / ".cache" / "checked.json")
    load_site_data(data_project, checked)
    monkeypatch.setattr(data, "_last_loaded", None)  # as in a new process
    assert load_site_data(data_project, checked) == load_site_data(data_project)
