"""The security checks as MkDocs runs them (issue 21): the hooks call these, one line each.

- `check_files(config)`: first thing in on_config, before MkDocs lists a file or a hook reads one:
  every symlink, special file, oversized file and file type the site does not publish under the
  site's folders (explainer.repository) stops the build with one line each.
- `safe_front_matter(page)`: in on_page_markdown, the front matter's values that the theme prints
  made harmless even where the build goes on (`mkdocs serve`) (explainer.frontmatter).
- `page_html_extension(config, context)`: the Markdown extension that checks the HTML written in
  pages against the page allow-list, extended by `extra: explainer: allow_html:` (explainer.pagehtml).
- `source_address_warnings(config, context)`: in on_env, with the checks once every page is converted,
  the sources' addresses a reviewer must answer, less the hosts `extra: explainer: reviewed_hosts:`
  lists (explainer.urlcheck).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import ConfigurationError

from explainer import frontmatter
from explainer.context import BuildContext
from explainer.errors import DataError, Problem, summary
from explainer.generated import THEME
from explainer.pagehtml import PageHtmlExtension, page_allow_list
from explainer.repository import allow_files_problems, declared_assets, repository_problems, site_folders
from explainer.schema import SCHEMA_DIR
from explainer.sitesettings import explainer_settings, reviewed_hosts
from explainer.urlcheck import source_url_warnings

from .reloading import serving
from .reporting import log_problems


def check_files(config: Any) -> None:
    """Raise DataError (stopped early) with every problem of the site's files; nothing has read one yet.

    The explainer's settings in mkdocs.yml (extra: explainer:) are checked here too, once per build.
    """
    config_file = Path(config.config_file_path)
    root = config_file.parent
    settings, problems = explainer_settings(config_file)
    allow_files, file_type_problems = allow_files_problems(settings.get("allow_files"), config_file.name)
    problems += file_type_problems + page_allow_list(settings, config_file.name)[1]
    theme_dirs = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
    declared = {"extra_css": list(config.extra_css), "extra_javascript": [_path(s) for s in config.extra_javascript]}
    folders = site_folders(
        root, Path(config.docs_dir), [*theme_dirs, THEME], SCHEMA_DIR, declared_assets(declared), allow_files
    )
    problems += repository_problems(root, folders)
    if problems and serving():
        # `mkdocs serve` would print a traceback and hold every request until a rebuild succeeds: instead each
        # line is said, and the last site built stays up (explainer_mkdocs.reporting.config_errors_in_one_line).
        log_problems(problems)
        raise ConfigurationError(summary(problems, stopped_early=True))
    if problems:
        raise DataError(problems, stopped_early=True)


def page_html_extension(config: Any, context: BuildContext) -> PageHtmlExtension:
    """The check of the HTML pages write, with what mkdocs.yml adds to the page allow-list."""
    config_file = Path(config.config_file_path)
    allow = page_allow_list(explainer_settings(config_file)[0])[0]
    return PageHtmlExtension(context, allow, reviewed_hosts(config_file))


def source_address_warnings(config: Any, context: BuildContext) -> list[Problem]:
    """Warnings for the sources' addresses (credentials, mixed scripts, imitation) no reviewer has answered yet."""
    reviewed = reviewed_hosts(Path(config.config_file_path))
    return source_url_warnings(context.sources.records, reviewed, context.story.known_hosts)


def _path(script: Any) -> str:
    return script if isinstance(script, str) else str(getattr(script, "path", ""))


def safe_front_matter(page: Any, config: Any, context: BuildContext) -> None:
    """The page's front matter made harmless to print (explainer.frontmatter), and an icon the theme lacks
    reported (Material would stop the build with a traceback) and dropped."""
    icon = page.meta.get("icon")
    if isinstance(icon, str) and not frontmatter.value_problem("icon", icon) and not _icon_exists(icon, config):
        message = (
            f"front matter 'icon' names an icon the theme does not have ({icon!r}); "
            "pick one from Material's list of icons (material/..., fontawesome/...)"
        )
        context.report("icon:", message)
        del page.meta["icon"]
    frontmatter.safe_front_matter(page.meta)


def _icon_exists(icon: str, config: Any) -> bool:
    return any((Path(directory) / ".icons" / f"{icon}.svg").is_file() for directory in config.theme.dirs)
