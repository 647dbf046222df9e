"""The reader's diff's build side at the function (explainer.reader_diff.build): which base it
picks. The whole command, building two commits, and the raw HTML the builds list are
tests/test_reader_diff.py's."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from explainer.reader_diff.build import BuildError, _commit_time, default_base

IDENTITY = ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "init.defaultBranch=main"]


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *IDENTITY, *args], cwd=repo, check=True, capture_output=True)


def test_the_base_is_main_without_a_remote_and_none_without_a_commit(tmp_path: Path) -> None:
    git(tmp_path, "init", "--quiet")
    with pytest.raises(BuildError):
        default_base(tmp_path)
    assert _commit_time(tmp_path, "HEAD") is None
    (tmp_path / "a.txt").write_text("a\n", encoding="utf-8")
    git(tmp_path, "add", "a.txt")
    git(tmp_path, "commit", "--quiet", "-m", "a")
    assert default_base(tmp_path) == "main"
    assert _commit_time(tmp_path, "HEAD").isdigit()
