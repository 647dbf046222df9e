"""The `explainer` command's own decisions, each at the function (explainer.cli): what it adds to
MkDocs' options, what it returns, where it writes. tests/test_starter.py runs `new`, `check` and
the console script; these are the parts no build exercises (coverage: `make coverage`)."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from conftest import FIXTURE_SITE, write_project

from explainer import cli, starter
from explainer.cli import main as explainer
from explainer.editor_schemas import EDITOR_SCHEMA_DIR


def test_without_a_command_it_prints_its_help_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert explainer([]) == 2
    assert "commands:" in capsys.readouterr().out
    assert explainer(["schemas", "-f", str(FIXTURE_SITE / "absent.yml")]) == 2  # a command is run, not helped
    assert "commands:" not in capsys.readouterr().out


def test_the_version_is_the_installed_distributions_else_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli.version() == metadata.version(cli.DISTRIBUTION)
    assert cli.version() != "unknown"

    def not_installed(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(cli.metadata, "version", not_installed)
    assert cli.version() == "unknown"


def test_schemas_writes_one_file_per_data_file_only_in_a_sites_folder(tmp_path: Path) -> None:
    config = write_project(tmp_path / "site") / "mkdocs.yml"
    out = tmp_path / "schemas"
    assert explainer(["schemas", "-f", str(config), "--out", str(out)]) == 0
    assert sorted(path.name for path in out.glob("*.schema.json")) == sorted(
        f"{path.stem}.schema.json" for path in (FIXTURE_SITE / "data").glob("*.yml")
    )
    elsewhere = tmp_path / "elsewhere"
    assert explainer(["schemas", "-f", str(tmp_path / "mkdocs.yml"), "--out", str(elsewhere)]) == 2
    assert not elsewhere.exists()


def test_schemas_writes_into_the_default_folder_of_the_sites_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = write_project(tmp_path / "site")
    monkeypatch.chdir(tmp_path)
    assert explainer(["schemas", "-f", "site/mkdocs.yml"]) == 0
    assert (site / EDITOR_SCHEMA_DIR / ".gitignore").is_file()
    assert not (tmp_path / EDITOR_SCHEMA_DIR).exists()


def test_new_stopped_with_ctrl_c_returns_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(directory: Path, answers: object) -> str:
        raise KeyboardInterrupt

    options = ["--title", "A title, annotated", "--subject", "A subject", "--no-input"]
    monkeypatch.setattr(starter, "create_site", interrupted)
    assert explainer(["new", str(tmp_path / "stopped"), *options]) == 130


class Recorded:
    """subprocess.run standing in for MkDocs: records each command, returns `status` or raises `raises`."""

    def __init__(self, status: int = 0, raises: type[BaseException] | None = None):
        self.commands: list[list[str]] = []
        self.status, self.raises = status, raises

    def __call__(self, command: list[str], **kwargs: object) -> subprocess.CompletedProcess:
        self.commands.append(command)
        assert kwargs["env"]["NO_MKDOCS_2_WARNING"] == "1"
        if self.raises:
            raise self.raises
        return subprocess.CompletedProcess(command, self.status)


@pytest.mark.parametrize(
    ("args", "options"),
    [
        (["build"], ["build", "--strict"]),
        (["build", "--strict"], ["build", "--strict"]),
        (["build", "-q"], ["build", "--strict", "-q"]),
        (["serve"], ["serve", "--livereload"]),
        (["serve", "--livereload"], ["serve", "--livereload"]),
        (["serve", "--no-livereload"], ["serve", "--no-livereload"]),
        (["serve", "--dev-addr", "127.0.0.1:9000"], ["serve", "--livereload", "--dev-addr", "127.0.0.1:9000"]),
    ],
)
def test_build_is_strict_and_serve_reloads_unless_told(
    args: list[str], options: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run = Recorded()
    monkeypatch.setattr(cli.subprocess, "run", run)
    assert explainer(args) == 0
    assert run.commands == [[sys.executable, "-m", "mkdocs", *options]]


def test_build_and_serve_return_mkdocs_status_and_130_on_ctrl_c(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.subprocess, "run", Recorded(status=1))
    assert explainer(["build"]) == 1
    monkeypatch.setattr(cli.subprocess, "run", Recorded(status=0))
    assert explainer(["serve"]) == 0
    monkeypatch.setattr(cli.subprocess, "run", Recorded(raises=KeyboardInterrupt))
    assert explainer(["serve"]) == 130


def test_diff_passes_its_arguments_to_the_readers_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base, head = tmp_path / "base", tmp_path / "head"
    for site in (base, head):
        site.mkdir()
    assert explainer(["diff", "--sites", str(base), str(head)]) == 0
    assert str(base) in capsys.readouterr().out
    with pytest.raises(SystemExit) as refused:  # the reader's diff's own parser: --sites takes no --base
        explainer(["diff", "--sites", str(base), str(head), "--base", "main"])
    assert refused.value.code == 2


def test_python_m_explainer_cli_is_the_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "explainer.cli", "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0
    assert result.stdout == f"explainer {cli.version()} ({cli.DISTRIBUTION})\n"
