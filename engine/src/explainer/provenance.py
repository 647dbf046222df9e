"""Where the installed engine came from, so that a new site pins exactly that engine.

pip records how it installed a distribution in `direct_url.json` (PEP 610) beside its metadata:
a git URL and the commit it resolved to, a folder (editable or not), or an archive (a wheel or an
sdist, local or at a URL). An engine installed from an index has no such file, and is pinned by
its version. `explainer new` writes the pin into the new site's requirements and, when the engine
came from a GitHub repository at a known commit, points the site's workflows at the reusable
workflows of that repository at that commit, so the site's CI runs the engine's own CI.

Nothing here names a repository: everything comes from what pip recorded, or from git.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

DISTRIBUTION = "annotated-explainer"
# owner/repo of a GitHub remote: https://github.com/o/r(.git), git@github.com:o/r.git, ssh://git@github.com/o/r
_GITHUB = re.compile(r"github\.com[:/](?P<slug>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?)(?:\.git)?/?$")


@dataclass(frozen=True)
class EngineSource:
    """The installed engine's origin: the pip requirement that reinstalls it, and its GitHub home if known."""

    requirement: str  # e.g. "annotated-explainer @ git+https://github.com/o/r@<sha>#subdirectory=engine"
    version: str
    github: str | None = None  # "owner/repo" whose .github/workflows hold the reusable workflows
    commit: str | None = None  # the commit those workflows are taken at (the engine's own)
    portable: bool = True  # False: the requirement names a file on this machine only
    note: str = ""  # what `explainer new` should tell the user about the pin, if anything

    def with_extra(self, extra: str) -> str:
        """The requirement with an extra, e.g. `annotated-explainer[test] @ ...`."""
        name, _, rest = self.requirement.partition(" @ ")
        if rest:
            return f"{name}[{extra}] @ {rest}"
        return self.requirement.replace(DISTRIBUTION, f"{DISTRIBUTION}[{extra}]", 1)


def installed_engine() -> EngineSource:
    """The engine this process runs, as pip installed it."""
    distribution = metadata.distribution(DISTRIBUTION)
    recorded = distribution.read_text("direct_url.json")
    return engine_source(json.loads(recorded) if recorded else None, distribution.version)


def engine_source(direct_url: dict | None, version: str) -> EngineSource:
    """The pin for an engine installed as `direct_url` (PEP 610's record; None: from an index) says."""
    if direct_url is None:
        return EngineSource(f"{DISTRIBUTION}=={version}", version)
    url = direct_url["url"]
    subdirectory = direct_url.get("subdirectory")
    fragment = f"#subdirectory={subdirectory}" if subdirectory else ""
    local = url.startswith("file:")
    note = _LOCAL_NOTE if local else ""
    if vcs := direct_url.get("vcs_info"):
        commit = vcs["commit_id"]
        requirement = f"{DISTRIBUTION} @ {vcs['vcs']}+{url}@{commit}{fragment}"
        return EngineSource(requirement, version, github_slug(url), commit, portable=not local, note=note)
    if "dir_info" in direct_url:
        return _from_folder(Path(unquote(urlsplit(url).path)), version, subdirectory)
    # archive_info: a wheel or an sdist, on this machine or at a URL
    return EngineSource(f"{DISTRIBUTION} @ {url}{fragment}", version, portable=not local, note=note)


def github_slug(url: str) -> str | None:
    """'owner/repo' if `url` is a GitHub repository's address, else None."""
    match = _GITHUB.search(url)
    return match["slug"] if match else None


_LOCAL_NOTE = (
    "the engine was installed from a file or folder on this machine, so the new site's requirements "
    "point there: it builds here, but not on another machine or in CI. To share the site, install the "
    "engine from its git repository or a release and run `explainer new` again, or edit the pin in "
    "requirements/site.txt (README, 'Upgrade the engine')."
)


def _from_folder(folder: Path, version: str, subdirectory: str | None) -> EngineSource:
    """An engine installed from a folder: pinned to the folder, with its git checkout's GitHub home if any."""
    path = folder / subdirectory if subdirectory else folder
    requirement = f"{DISTRIBUTION} @ {path.resolve().as_uri()}"
    commit, remote = _git(path, "rev-parse", "HEAD"), _git(path, "remote", "get-url", "origin")
    github = github_slug(remote) if remote else None
    return EngineSource(requirement, version, github, commit if github else None, portable=False, note=_LOCAL_NOTE)


def _git(folder: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else None
