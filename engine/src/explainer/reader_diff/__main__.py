"""`make diff`: build two revisions of the site and say what readers will see change.

    explainer diff [--base REV] [--head REV] [--markdown FILE]      (python -m explainer.reader_diff)
    explainer diff --sites BASE_SITE HEAD_SITE

Prints the report; with --markdown, also appends it as Markdown to FILE (CI passes
$GITHUB_STEP_SUMMARY). Exit status: 0 when nothing is wrong, 1 when a published correction was
removed, 2 when a revision cannot be built.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from .build import BuildError, build_revision, default_base, git, resolve
from .compare import Report, reader_diff
from .render import one_command_free, render_failure, render_markdown, render_text


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        report, base_label, head_label = run(args)
    except BuildError as error:
        sys.stderr.write(f"reader's diff: {one_command_free(str(error))}\n")
        if args.markdown:
            append(args.markdown, render_failure(str(error)))
        return 2
    sys.stdout.write(render_text(report, base_label, head_label))
    if args.markdown:
        append(args.markdown, render_markdown(report, base_label, head_label))
    for problem in report.problems:
        if os.environ.get("GITHUB_ACTIONS") == "true":
            message = problem.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")  # one command, whole
            sys.stdout.write(f"::error file=data/corrections.yml,title=Published correction removed::{message}\n")
        sys.stderr.write(f"reader's diff: {problem}\n")
    return 1 if report.problems else 0


def append(path: str, markdown: str) -> None:
    with open(path, "a", encoding="utf-8") as summary:  # GitHub's summary file may hold earlier steps' text
        summary.write(markdown)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="make diff", description="What readers will see change.")
    parser.add_argument("--base", metavar="REV", help="the commit to compare with (default: origin/main, else main)")
    parser.add_argument("--head", metavar="REV", help="the commit to show (default: the working tree, uncommitted)")
    parser.add_argument(
        "--sites", nargs=2, metavar=("BASE_SITE", "HEAD_SITE"), type=Path, help="compare two built sites"
    )
    parser.add_argument("--markdown", metavar="FILE", help="also append the report as Markdown to FILE")
    args = parser.parse_args(argv)
    if args.sites and (args.base or args.head):
        parser.error("--sites compares two built sites: it takes no --base or --head")
    return args


def run(args: argparse.Namespace) -> tuple[Report, str, str]:
    if args.sites:
        base_site, head_site = args.sites
        return reader_diff(base_site, head_site), str(base_site), str(head_site)  # no sources: no raw HTML list
    repo = Path(git(Path.cwd(), "rev-parse", "--show-toplevel"))
    base = args.base or default_base(repo)
    base_label = f"{base} ({resolve(repo, base)[:7]})"
    head_label = f"{args.head} ({resolve(repo, args.head)[:7]})" if args.head else "the working tree"
    with tempfile.TemporaryDirectory(prefix="reader-diff-sites-") as scratch:
        base_site, head_site = Path(scratch) / "base", Path(scratch) / "head"
        sys.stderr.write(f"Building {base_label} and {head_label}…\n")
        # The head first: a change that does not build (the usual failure) is said without building the base too.
        head_html = build_revision(repo, args.head, head_site)
        base_html = build_revision(repo, base, base_site)
        return reader_diff(base_site, head_site, base_html, head_html), base_label, head_label


if __name__ == "__main__":
    sys.exit(main())
