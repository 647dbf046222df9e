"""The explainer's own settings in mkdocs.yml, under `extra: explainer:`, read alike by the build and the quick check.

    extra:
      explainer:
        allow_files: [pdf]            # file types docs/ may publish besides the built-in ones (explainer.repository)
        allow_html:                   # elements pages may use besides the page allow-list (explainer.pagehtml)
          iframe:
            attributes: [src, title, width, height, allow, loading]
            hosts: [www.youtube-nocookie.com]
        reviewed_hosts: [example.com] # source hosts a reviewer has checked (explainer.urlcheck)

mkdocs.yml is the site's code: a change to it is reviewed line by line, so these settings live
there and not in the data or the pages a contributor writes. (When data/story.yml arrives, these
may move beside it; the keys stay.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import DataError, Problem
from .yamlfile import parse_config_file

KEYS = ("allow_files", "allow_html", "reviewed_hosts")
_cache: dict[tuple[str, int, int], tuple[dict[str, Any], list[Problem]]] = {}


def explainer_settings(config_file: Path | None) -> tuple[dict[str, Any], list[Problem]]:
    """`extra: explainer:` of mkdocs.yml ({} without one), and a problem for each key it does not know."""
    if config_file is None:
        return {}, []
    try:
        info = config_file.stat()
    except OSError:
        return {}, []
    key = (str(config_file), info.st_mtime_ns, info.st_size)
    if key not in _cache:
        _cache.clear()
        _cache[key] = _read(config_file)
    settings, problems = _cache[key]
    return dict(settings), list(problems)


def _read(config_file: Path) -> tuple[dict[str, Any], list[Problem]]:
    try:
        document = parse_config_file(config_file.read_bytes(), config_file.name)
    except (DataError, OSError):
        return {}, []  # said by the configuration's own check
    extra = document.data.get("extra") if isinstance(document.data, dict) else None
    settings = extra.get("explainer") if isinstance(extra, dict) else None
    if settings is None:
        return {}, []
    if not isinstance(settings, dict):
        return {}, [document.problem(("extra", "explainer"), "extra: explainer: must be 'key: value' lines")]
    problems = [
        document.problem(
            ("extra", "explainer", name), f"extra: explainer: {name} is not a setting; use {', '.join(KEYS)}"
        )
        for name in settings
        if name not in KEYS
    ]
    return {name: value for name, value in settings.items() if name in KEYS}, problems


def reviewed_hosts(config_file: Path | None) -> frozenset[str]:
    """The source hosts a reviewer has checked (extra: explainer: reviewed_hosts)."""
    hosts = explainer_settings(config_file)[0].get("reviewed_hosts") or []
    return frozenset(str(host).lower() for host in hosts) if isinstance(hosts, list) else frozenset()
