"""`make properdocs`: this site built by ProperDocs and by MkDocs is the same, but for the generator tag.

ProperDocs (PyPI `properdocs`) is the maintained fork of MkDocs 1.6; it reads mkdocs.yml and runs
MkDocs plugins and hooks. This builds the site with both (`properdocs build --strict` from the
environment given, `mkdocs build --strict` from this one) and compares every output file byte for
byte, except the `<meta name="generator">` line of each page, which names the runtime.

    python scripts/properdocs_same.py PROPERDOCS_EXECUTABLE
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

GENERATOR = re.compile(rb'^\s*<meta name="generator" content="[^"]*">\s*$', re.MULTILINE)


def build(command: list[str], site_dir: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([*command, "build", "--strict", "--site-dir", str(site_dir)], env=env, capture_output=True)
    if result.returncode:
        sys.exit(f"{command[-1]} build --strict failed:\n{result.stderr.decode(errors='replace')}")


def differences(first: Path, second: Path) -> list[str]:
    """Every file that is not the same in both trees, the generator tag of HTML pages aside."""
    names = {p.relative_to(first) for p in first.rglob("*") if p.is_file()}
    names |= {p.relative_to(second) for p in second.rglob("*") if p.is_file()}
    found = []
    for name in sorted(names):
        a, b = first / name, second / name
        if not (a.is_file() and b.is_file()):
            found.append(f"{name}: only in {'ProperDocs' if a.is_file() else 'MkDocs'}' output")
            continue
        left, right = a.read_bytes(), b.read_bytes()
        if name.suffix == ".html":
            left, right = GENERATOR.sub(b"", left), GENERATOR.sub(b"", right)
        if left != right:
            found.append(f"{name}: differs")
    return found


def main(argv: list[str]) -> int:
    properdocs = argv[0]
    with tempfile.TemporaryDirectory(prefix="runtimes-") as scratch:
        ours, theirs = Path(scratch) / "mkdocs", Path(scratch) / "properdocs"
        build([sys.executable, "-m", "mkdocs"], ours)
        build([properdocs], theirs)
        found = differences(theirs, ours)
        pages = len(list(ours.rglob("*.html")))
    if found:
        print("ProperDocs and MkDocs differ:\n" + "\n".join(found))  # noqa: T201 - a command-line tool
        return 1
    print(f"same output: {pages} pages from ProperDocs and MkDocs, byte-identical but for the generator tag")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
