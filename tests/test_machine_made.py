"""Committed code a machine made: make refuses it before it runs anything (the Makefile's
no-machine-made-files, the same in the starter's Makefile; SECURITY.md).

The threat, shown first: Python runs a committed __pycache__/*.pyc in place of the source beside it
when the .pyc carries the source's hash, so a pull request that leaves hooks/explainer_hooks.py as
it was and adds one binary file runs its code in every build (PYTHONDONTWRITEBYTECODE only stops
Python writing .pyc files, not reading them).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from importlib._bootstrap_external import _code_to_hash_pyc  # how py_compile writes a hash-checked .pyc
from pathlib import Path

from catalogue import MACHINE_MADE_FILE, MACHINE_MADE_SUMMARY
from catalogue import MACHINE_MADE_GIT_FAILED as GIT_FAILED
from conftest import REPO

from explainer.errors import Problem
from explainer.reader_diff.build import machine_made

PYC = "hooks/__pycache__/explainer_hooks.cpython-311.pyc"
STARTER_MAKEFILE = REPO / "engine/src/explainer/starter/template/Makefile.jinja"
GUARD_START = "# Code a machine made is never committed"


def forged_pyc(source: bytes, code: str) -> bytes:
    """A .pyc that Python takes for `source`'s (it holds the source's hash) but that runs `code`."""
    return _code_to_hash_pyc(compile(code, "forged", "exec"), importlib.util.source_hash(source), checked=True)


def git(project: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=project, check=True, capture_output=True)


def checkout(tmp_path: Path, files: dict[str, bytes]) -> Path:
    """A git checkout holding this repository's Makefile, its hook file and `files`, all committed."""
    project = tmp_path / "project"
    (project / "hooks").mkdir(parents=True)
    shutil.copy(REPO / "Makefile", project / "Makefile")
    shutil.copy(REPO / "hooks/explainer_hooks.py", project / "hooks/explainer_hooks.py")
    for name in ("requirements/site.txt", "requirements/test.txt", "engine/pyproject.toml"):  # make's prerequisites
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / name, project / name)
    for name, data in files.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_bytes(data)
    git(project, "init", "--quiet")
    git(project, "add", "--force", ".")
    git(project, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "--quiet", "-m", "c")
    return project


def make(project: Path, *args: str, **environment: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in ("MAKEFLAGS", "MAKELEVEL", "GITHUB_ACTIONS")}
    return subprocess.run(["make", *args], cwd=project, capture_output=True, text=True, env=env | environment)


def test_python_runs_a_committed_pyc_in_place_of_the_source_beside_it(tmp_path: Path):
    source = (REPO / "hooks/explainer_hooks.py").read_bytes()
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "hook.py").write_bytes(source)
    load = "import importlib.util as u; s = u.spec_from_file_location('hook', 'hook.py')\n"
    load += "s.loader.exec_module(u.module_from_spec(s))"  # as MkDocs loads a hook file
    run = [sys.executable, "-c", load]
    # Python's own lookup, beside the source: not the bytecode folder `make test` gives the suite (Makefile).
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPYCACHEPREFIX"}
    environment["PYTHONDONTWRITEBYTECODE"] = "1"
    pyc = tmp_path / f"__pycache__/hook.{sys.implementation.cache_tag}.pyc"
    pyc.write_bytes(forged_pyc(source, "print('forged')"))
    assert subprocess.run(run, cwd=tmp_path, capture_output=True, text=True, env=environment).stdout == "forged\n"
    pyc.unlink()  # positive control: the source runs, and prints nothing
    assert subprocess.run(run, cwd=tmp_path, capture_output=True, text=True, env=environment).stdout == ""


def test_make_stops_before_it_runs_anything_when_code_a_machine_made_is_committed(tmp_path: Path):
    source = (REPO / "hooks/explainer_hooks.py").read_bytes()
    committed = {
        PYC: forged_pyc(source, "print('forged')"),
        ".venv/bin/python": b"#!/bin/sh\n",
        "hooks/explainer_hooks.abi3.so": b"\x7fELF",  # Python imports an extension before the .py beside it
        "docs/assets/node_modules/x/index.js": b"",  # anywhere in the tree, not only at the top
        "docs/a,title=Fine:50%/__pycache__/x.pyc": b"",  # its annotation's file= escaped, not a title of its own
    }
    project = checkout(tmp_path, committed)
    stopped = make(project, "build", "PYTHON=false")  # false: anything past the check fails differently
    assert stopped.returncode != 0
    files = sorted(committed)  # in git's order
    assert all(map(machine_made, files)) and not machine_made("hooks/explainer_hooks.py")  # the reader's diff's twin
    assert stopped.stderr.splitlines()[:6] == [
        *(MACHINE_MADE_FILE.replace(PYC, file) for file in files),
        MACHINE_MADE_SUMMARY.format(count=5),
    ]
    assert stopped.stdout == ""
    annotated = make(project, "no-machine-made-files", GITHUB_ACTIONS="true")
    message = MACHINE_MADE_FILE.split(":1: ", 1)[1]
    assert annotated.stdout.splitlines() == [Problem(file, 1, message).github_annotation("error") for file in files]
    assert "::error file=docs/a%2Ctitle=Fine%3A50%25/__pycache__/x.pyc,line=1::" in annotated.stdout


def test_make_stops_when_git_cannot_list_the_checkout(tmp_path: Path):
    """A checkout git will not read (another user's: "dubious ownership", as in a container) is not taken
    for one with nothing committed; only a folder without .git has nothing committed."""
    project = checkout(tmp_path, {"docs/index.md": b"# Home\n"})
    unreadable = make(project, "no-machine-made-files", GIT_DIR=str(tmp_path / "nowhere"))
    assert unreadable.returncode != 0 and unreadable.stderr.splitlines()[:2] == [  # git's own reason, then ours
        f"fatal: not a git repository: '{tmp_path / 'nowhere'}'",
        GIT_FAILED.format(path=project),
    ]
    assert make(project, "no-machine-made-files").returncode == 0  # positive control: git can read it
    shutil.rmtree(project / ".git")
    (project / "hooks/__pycache__").mkdir()
    (project / PYC).write_bytes(b"not committed: there is no repository")
    assert make(project, "no-machine-made-files").returncode == 0


def test_make_checks_first_and_passes_a_checkout_without_them(tmp_path: Path):
    project = checkout(tmp_path, {"docs/index.md": b"# Home\n"})
    (project / "hooks/__pycache__").mkdir()
    (project / PYC).write_bytes(b"made here, not committed")  # what Python writes on every machine: fine
    passed = make(project, "no-machine-made-files")
    assert (passed.returncode, passed.stdout, passed.stderr) == (0, "", "")
    planned = make(project, "--dry-run", "build").stdout.splitlines()
    assert "ls-files" in planned[0] and "python3 -m venv .venv" in planned  # the check, then the first step
    assert not any("python" in line for line in planned[: planned.index("python3 -m venv .venv")])


def test_the_starter_makefile_holds_the_same_check_before_its_first_step():
    def guard(makefile: Path) -> str:
        text = makefile.read_text(encoding="utf-8")
        return text[text.index(GUARD_START) : text.index("\n\n", text.index("no-machine-made-files:"))]

    assert guard(STARTER_MAKEFILE) == guard(REPO / "Makefile")
    for makefile in (STARTER_MAKEFILE, REPO / "Makefile"):
        assert "$(VENV)/bin/python: | no-machine-made-files" in makefile.read_text(encoding="utf-8")
