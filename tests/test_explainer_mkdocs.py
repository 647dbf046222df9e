"""The MkDocs layer (hooks/explainer_mkdocs/): every private MkDocs attribute it relies on is checked
here, so a MkDocs upgrade that changes one fails a test instead of silently breaking `mkdocs serve`."""

from __future__ import annotations

import logging
import os
import sys
import warnings
from pathlib import Path

import mkdocs.__main__ as mkdocs_command
import pytest
from conftest import ENGINE
from mkdocs.config import config_options
from mkdocs.exceptions import PluginError
from mkdocs.utils import DuplicateFilter

from explainer.errors import Problem
from explainer_mkdocs import build, reloading, reporting


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def test_mkdocs_build_logger_drops_repeats_through_a_msgs_set(monkeypatch: pytest.MonkeyPatch):
    """Private: the `mkdocs` command puts a mkdocs.utils.DuplicateFilter, which remembers every message
    in its `msgs` set, on the 'mkdocs.commands.build' logger (mkdocs.__main__._enable_warnings)."""
    logger = logging.getLogger(reporting.BUILD_LOGGER)
    monkeypatch.setattr(sys, "warnoptions", [])
    monkeypatch.setattr(warnings, "showwarning", warnings.showwarning)
    monkeypatch.setattr(logger, "filters", [])
    with warnings.catch_warnings():
        mkdocs_command._enable_warnings()
    duplicate_filters = [f for f in logger.filters if isinstance(f, DuplicateFilter)]
    assert len(duplicate_filters) == 1
    assert isinstance(duplicate_filters[0].msgs, set)


def test_a_repeated_stop_is_logged_again(monkeypatch: pytest.MonkeyPatch):
    logger = logging.getLogger(reporting.BUILD_LOGGER)
    monkeypatch.setattr(logger, "filters", [DuplicateFilter()])
    collect = _Collect()
    logger.addHandler(collect)
    try:
        for _ in range(2):
            reporting.let_mkdocs_log_again("docs/x.md:1: the same mistake")
            logger.error("docs/x.md:1: the same mistake")
    finally:
        logger.removeHandler(collect)
    assert collect.messages == ["docs/x.md:1: the same mistake"] * 2


def test_stop_with_logs_every_problem_in_file_order_and_stops_with_the_summary(caplog: pytest.LogCaptureFixture):
    problems = [Problem("data/b.yml", 2, "second"), Problem("data/a.yml", 1, "first")]
    summary = r"^2 errors in 2 files, listed above in file order; fix them and run again\.$"
    with pytest.raises(PluginError, match=summary), caplog.at_level(logging.ERROR):
        reporting.stop_with(problems)
    assert [record.getMessage() for record in caplog.records][:2] == ["data/a.yml:1: first", "data/b.yml:2: second"]


def test_hook_modules_are_cached_by_a_clearable_lru_cache(tmp_path: Path):
    """Private: config_options.Hooks._load_hook, an lru_cache that keeps hook modules for the process's life."""
    hook = tmp_path / "a_hook.py"
    hook.write_text("VALUE = 1\n", encoding="utf-8")
    option = config_options.Hooks("plugins")
    first = option._load_hook("a_hook.py", str(hook))
    assert option._load_hook("a_hook.py", str(hook)) is first
    hook.write_text("VALUE = 2\n", encoding="utf-8")
    config_options.Hooks._load_hook.cache_clear()
    assert option._load_hook("a_hook.py", str(hook)).VALUE == 2
    sys.modules.pop("a_hook.py", None)


def test_forgetting_hooks_drops_our_packages_only_when_serve_asked_and_the_code_changed(
    monkeypatch: pytest.MonkeyPatch,
):
    import explainer.pages
    import explainer.serving  # kept across reloads: it holds the last good data

    ours = ("explainer", "explainer_mkdocs")
    saved = {name: module for name, module in sys.modules.items() if name.split(".")[0] in ours}
    monkeypatch.delenv("EXPLAINER_RELOAD_HOOKS", raising=False)
    monkeypatch.setattr(reloading, "_LOADED", ())  # as if every file had changed since loading
    reloading.forget_loaded_hooks()
    assert "explainer.pages" in sys.modules  # not asked for: `mkdocs build`
    try:
        reloading.reload_hooks_on_every_rebuild()
        monkeypatch.setattr(reloading, "_LOADED", reloading.code_fingerprint())
        reloading.forget_loaded_hooks()
        assert "explainer.pages" in sys.modules  # asked for, but nothing changed: keep modules and their caches
        monkeypatch.setattr(reloading, "_LOADED", ())
        reloading.forget_loaded_hooks()
        kept = [name for name in sys.modules if name.split(".")[0] in ours]
        assert kept == ["explainer.serving"]  # it holds the last good data (KEEP_ACROSS_RELOADS)
    finally:
        os.environ.pop("EXPLAINER_RELOAD_HOOKS", None)
        sys.modules.update(saved)
    assert explainer.pages.__name__ == "explainer.pages"


def test_without_the_data_hook_the_others_stop_with_one_clear_line():
    with pytest.raises(PluginError, match=r"^hooks/data_hook\.py is not in mkdocs\.yml's `hooks:`"):
        build.context_of(object())


def test_the_package_docstring_lists_every_module():
    package = ENGINE / "explainer_mkdocs"
    doc = (package / "__init__.py").read_text(encoding="utf-8")
    modules = sorted(path.name for path in package.glob("*.py") if path.name != "__init__.py")
    assert [name for name in modules if f"`{name}`" not in doc] == []
