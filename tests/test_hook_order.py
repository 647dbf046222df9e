"""The hooks work in any order in mkdocs.yml: the same site, or one clear line if the data hook is missing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import BuiltSite, build_project, write_project

CONFIG_HOOKS = [
    "hooks/data_hook.py",
    "hooks/sources_hook.py",
    "hooks/glossary_hook.py",
    "hooks/events_hook.py",
    "hooks/corrections_hook.py",
    "hooks/figures_hook.py",
]


def with_hooks(project: Path, order: list[int]) -> Path:
    """`project` with mkdocs.yml's hooks listed in another order (indexes into CONFIG_HOOKS), or some left out."""
    config_file = project / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    by_name = {Path(hook).name: hook for hook in config["hooks"]}
    assert sorted(by_name) == sorted(Path(hook).name for hook in CONFIG_HOOKS)
    config["hooks"] = [by_name[Path(CONFIG_HOOKS[index]).name] for index in order]
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return project


def files_of(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_the_real_configuration_lists_the_hooks_this_test_shuffles():
    config = yaml.safe_load((Path(__file__).parents[1] / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["hooks"] == CONFIG_HOOKS


@pytest.mark.parametrize(
    "order", [[5, 4, 3, 2, 1, 0], [2, 0, 5, 4, 1, 3], [1, 2, 3, 4, 5, 0]], ids=["reversed", "mixed", "data-last"]
)
def test_any_order_of_the_hooks_builds_the_same_site(tmp_path: Path, fixture_build: BuiltSite, order: list[int]):
    built = build_project(with_hooks(write_project(tmp_path / "project"), order))
    assert built.ok, built.messages
    expected, got = files_of(fixture_build.site_dir), files_of(built.site_dir)
    assert sorted(got) == sorted(expected)
    assert [name for name in expected if got[name] != expected[name]] == []


def test_without_the_data_hook_the_build_stops_with_one_clear_line(tmp_path: Path):
    built = build_project(with_hooks(write_project(tmp_path / "project"), [1, 2, 3, 4, 5]))
    assert not built.ok
    assert built.messages == [
        "hooks/data_hook.py is not in mkdocs.yml's `hooks:`; the other hooks need the data it loads"
    ]
