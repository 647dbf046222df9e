"""`explainer`: the command a newsroom types. `explainer --help` lists the commands.

    explainer new DIR [--title T] [--subject S] ...   start a new explainer in DIR
    explainer check [--strict] [FILE ...]             the quick check (python -m explainer.validate)
    explainer schemas                                 write the editor schemas into .schemas/
    explainer build [MKDOCS OPTIONS]                  mkdocs build --strict
    explainer serve [MKDOCS OPTIONS]                  mkdocs serve --livereload
    explainer diff [--base REV] [--head REV]          the reader's diff: what readers will see change

`check` and `diff` pass their arguments on to the tools they name (`explainer check --help` is
the quick check's own help); `build` and `serve` run MkDocs in a new process with the same Python.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from .provenance import DISTRIBUTION

DESCRIPTION = """\
Make and check annotated explainers: static sites where every fact carries a source note, every
name a tooltip, the key dates a timeline, and every correction is published. A site is a folder
with mkdocs.yml, docs/, data/, hooks/, tests/ and .github/; `explainer new` writes one."""

EPILOG = """\
start here:
  explainer new my-explainer --title "The Suez blockage, annotated" --subject "Ever Given"
  cd my-explainer && make serve     (then make test)

Each command has its own --help."""

# Commands whose arguments go, untouched, to the tool they wrap: name -> one-line description.
PASS_THROUGH = {
    "check": "the quick check: every problem the build would report, in a second (explainer check --help)",
    "build": "build the site into site/ with `mkdocs build --strict`: any warning fails",
    "serve": "preview with live reload (`mkdocs serve --livereload`); options go to mkdocs",
    "diff": "the reader's diff: build two revisions and say what readers will see change",
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in PASS_THROUGH:
        return _pass_through(argv[0], argv[1:])
    parser = _parser()
    options = parser.parse_args(argv)
    if options.command is None:
        parser.print_help()
        return 2
    return options.run(options)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="explainer", description=DESCRIPTION, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()} ({DISTRIBUTION})")
    commands = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    _add_new(commands)
    schemas = commands.add_parser(
        "schemas",
        help="write the JSON Schemas editors use for data/*.yml into .schemas/ (git-ignored)",
        description="Write the JSON Schemas of the site's data files into .schemas/ (or --out), where the "
        "first line of each data file points editors (VS Code's YAML extension, any yaml-language-server). "
        "They follow the engine's version and the site's data/story.yml; run it again after changing either "
        "(make serve and make test do).",
    )
    schemas.add_argument("--out", metavar="DIR", default=None, help="where to write them (default: .schemas)")
    schemas.add_argument("-f", "--config-file", default="mkdocs.yml", metavar="PATH", help="the site's mkdocs.yml")
    schemas.set_defaults(run=_schemas)
    for name, help_text in PASS_THROUGH.items():
        commands.add_parser(name, help=help_text, add_help=False)
    return parser


def _add_new(commands: argparse._SubParsersAction) -> None:
    new = commands.add_parser(
        "new",
        help="start a new explainer in DIR (prompts for what is missing when run in a terminal)",
        description="Write a complete new explainer into DIR, which must not exist or be empty: a home page, "
        "one chapter that shows every annotation, one entry in each data file, mkdocs.yml with comments, "
        "hooks/, tests/, .github/, a Makefile (make serve, make test), README and CONTRIBUTING. The site pins "
        "the engine you are running, as pip installed it. Missing options are asked for in a terminal; "
        "otherwise --title and --subject are required.",
    )
    new.add_argument("directory", metavar="DIR", type=Path, help="the folder to create (or an empty one)")
    new.add_argument("--title", help="the site's title, e.g. 'The Suez blockage, annotated'")
    new.add_argument(
        "--subject",
        help="who or what the story is about, as pages name it: 'N of them independent of SUBJECT' (e.g. 'Ever Given')",
    )
    new.add_argument(
        "--site-url", help="where it will be published, e.g. https://NEWSROOM.github.io/REPO/ (default: a placeholder)"
    )
    new.add_argument(
        "--repo-url", help="its GitHub repository, e.g. https://github.com/NEWSROOM/REPO (for edit and report links)"
    )
    new.add_argument(
        "--engine",
        metavar="REQUIREMENT",
        help="pin this engine instead of the one running (a pip requirement: a version, a git URL or a wheel)",
    )
    new.add_argument(
        "--workflows",
        metavar="OWNER/REPO@REF",
        help="the GitHub repository and ref whose reusable workflows the site's CI calls "
        "(default: the engine's own, when it was installed from GitHub)",
    )
    new.add_argument("--no-input", action="store_true", help="never prompt, even in a terminal")
    new.set_defaults(run=_new)


def version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _new(options: argparse.Namespace) -> int:
    from .starter import StarterError, create_site, starter_answers

    try:
        answers = starter_answers(options, interactive=not options.no_input and sys.stdin.isatty())
        report = create_site(options.directory, answers)
    except StarterError as error:
        print(f"explainer new: {error}", file=sys.stderr)  # noqa: T201 - a command-line tool
        return 2
    except KeyboardInterrupt:
        print("\nexplainer new: stopped; nothing was written", file=sys.stderr)  # noqa: T201
        return 130
    print(report)  # noqa: T201 - a command-line tool
    return 0


def _schemas(options: argparse.Namespace) -> int:
    from .editor_schemas import EDITOR_SCHEMA_DIR, write_editor_schemas

    config = Path(options.config_file)
    if not config.is_file():
        print(f"explainer schemas: no {config} here: run it in the site's folder (or give -f)", file=sys.stderr)  # noqa: T201
        return 2
    written = write_editor_schemas(config.resolve().parent, options.out or EDITOR_SCHEMA_DIR)
    print(f"wrote {len(written)} schemas into {options.out or EDITOR_SCHEMA_DIR}/")  # noqa: T201
    return 0


def _pass_through(command: str, args: list[str]) -> int:
    if command == "check":
        from .validate import main as check

        return check(args)
    if command == "diff":
        from .reader_diff.__main__ import main as diff

        return diff(args)
    mkdocs = [sys.executable, "-m", "mkdocs"]
    extra = ["--strict"] if command == "build" and "--strict" not in args else []
    if command == "serve" and "--livereload" not in args and "--no-livereload" not in args:
        extra = ["--livereload"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        return subprocess.run([*mkdocs, command, *extra, *args], env=env, check=False).returncode
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
