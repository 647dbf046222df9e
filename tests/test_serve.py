"""`mkdocs serve` survives bad input: it keeps answering, shows the error in the terminal and on every
page, and recovers on the next fix. `--dirty` is refused at start-up.

Drives a real `mkdocs serve` on 127.0.0.1 (a free port) over a temporary copy of the fixture site.
"""

from __future__ import annotations

import html
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from catalogue import FIGURES, MISTAKES, TOO_LARGE, link, outside, replace
from conftest import mkdocs_command, write_project

from explainer_mkdocs.reloading import _RELOAD_FLAG as RELOAD_FLAG

STARTUP_SECONDS = 60
REBUILD_SECONDS = 60
SERVING = re.compile(r"Serving on (http://127\.0\.0\.1:\d+/\S*)")


class ServeProcess:
    """A running `mkdocs serve` whose combined output is collected line by line."""

    def __init__(self, project: Path, port: int):
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._collect, daemon=True)
        self.reader.start()

    def _collect(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    def alive(self) -> bool:
        return self.process.poll() is None

    def wait_for(self, condition: Callable[[], object], seconds: float, what: str) -> object:
        """Poll until `condition()` is truthy; fail with the server's output if it never is."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if result := condition():
                return result
            assert self.alive(), f"mkdocs serve exited while waiting for {what}:\n{self.output}"
            time.sleep(0.2)
        pytest.fail(f"timed out after {seconds} s waiting for {what}:\n{self.output}")

    def stop(self) -> None:
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.reader.join(timeout=10)
        self.process.stdout.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return None


class PendingRequest:
    """A page request made in the background (as a reader's browser would) whose answer we wait for."""

    def __init__(self, url: str):
        self.answer: list[str | None] = []
        self.thread = threading.Thread(target=lambda: self.answer.append(fetch(url, timeout=REBUILD_SECONDS)))
        self.thread.start()

    def result(self, seconds: float) -> str:
        self.thread.join(timeout=seconds)
        return (self.answer or [None])[0] or ""


def watching_data(project: Path) -> Path:
    """The fixture project, configured (like the real mkdocs.yml) to rebuild when data/ changes."""
    config_path = project / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["watch"] = ["data"]
    config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return project


@pytest.fixture
def serving(tmp_path: Path) -> Iterator[tuple[ServeProcess, Path, str]]:
    """A `mkdocs serve` of a fixture copy: (process, project, base URL of the site)."""
    yield from serve_fixture_copy(tmp_path)


def serve_fixture_copy(tmp_path: Path) -> Iterator[tuple[ServeProcess, Path, str]]:
    """Start `mkdocs serve` on a copy of the fixture that watches its data, wait for its first page, yield
    (process, project, base URL of the site), stop it (the body of a fixture)."""
    project = watching_data(write_project(tmp_path / "project"))
    server = ServeProcess(project, free_port())
    try:
        match = server.wait_for(lambda: SERVING.search(server.output), STARTUP_SECONDS, "the server to start")
        base_url = match.group(1)
        server.wait_for(lambda: fetch(base_url + "story/the-fall/"), STARTUP_SECONDS, "the first page")
        yield server, project, base_url
    finally:
        server.stop()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


BANNER = 'class="admonition failure explainer-preview-problems" role="alert"'


@pytest.mark.slow
def test_serve_shows_each_kind_of_mistake_keeps_answering_and_recovers(serving):
    """Needs a `mkdocs serve`: what is under test is its rebuilds. One server through each kind of mistake in
    turn, each fixed before the next (each step below looks only at what the server said since it began)."""
    server, project, base_url = serving
    keeps_answering_with_the_last_good_data_while_a_data_file_is_broken(server, project, base_url)
    shows_a_page_mistake_on_every_page_and_recovers(server, project, base_url)
    shows_the_same_mistake_each_time_it_is_made(server, project)
    shows_a_warning_too_since_make_build_stops_on_it(server, project, base_url)
    says_a_tab_in_mkdocs_yml_in_one_line_and_recovers(server, project, base_url)
    keeps_answering_through_a_figure_too_large_and_a_symlink_added_and_recovers(server, project, base_url)
    assert server.alive()
    assert "Traceback" not in server.output


def keeps_answering_with_the_last_good_data_while_a_data_file_is_broken(server, project, base_url) -> None:
    sources = project / "data/sources.yml"
    error = MISTAKES["tab-indentation"].message  # its edit: "  kind: news" -> "\tkind: news"
    page_url = base_url + "story/the-fall/"
    start = len(server.lines)

    edit(sources, "record listing is halted", "record listing is halted at last")
    server.wait_for(lambda: "halted at last" in (fetch(page_url) or ""), REBUILD_SECONDS, "the first edit")
    MISTAKES["tab-indentation"].make(project)
    server.wait_for(lambda: error in server.output, REBUILD_SECONDS, "the error line")
    said = server.lines[start:]
    assert [line for line in said if error in line] == [line for line in said if "sources.yml" in line]

    # A reader's request made now is answered (MkDocs used to hold it until the mistake was fixed),
    # from the last data that loaded, with the problem in a box at the top of the page.
    answer = PendingRequest(page_url).result(REBUILD_SECONDS)
    assert BANNER in answer and html.escape(error) in answer
    assert "halted at last" in answer
    assert BANNER in (fetch(base_url + "glossary/") or "")

    edit(sources, "\tkind: news", "  kind: news")
    edit(sources, "halted at last", "halted again")
    server.wait_for(lambda: "halted again" in (fetch(page_url) or ""), REBUILD_SECONDS, "the fix")
    assert BANNER not in fetch(page_url)


def shows_a_page_mistake_on_every_page_and_recovers(server, project, base_url) -> None:
    page = project / "docs/story/the-fall.md"
    error = MISTAKES["page-cites-unknown-source"].message  # its edit: [^company-2023-split] -> [^reuters-2020]

    MISTAKES["page-cites-unknown-source"].make(project)
    server.wait_for(lambda: error in server.output, REBUILD_SECONDS, "the error line")
    answer = PendingRequest(base_url + "story/the-fall/").result(REBUILD_SECONDS)
    assert BANNER in answer and html.escape(error) in answer

    edit(page, "[^reuters-2020]", "[^company-2023-split]")
    edit(page, "The listing story is told again.", "The listing story is told once more.")
    server.wait_for(
        lambda: "told once more" in (fetch(base_url + "story/the-fall/") or ""), REBUILD_SECONDS, "the fixed page"
    )
    assert BANNER not in fetch(base_url + "story/the-fall/")


def shows_the_same_mistake_each_time_it_is_made(server, project) -> None:
    """MkDocs drops a log message it has printed before; the author must still see why a rebuild stopped. The step
    before made this mistake once already, so making it once more here is the second time (each time is a rebuild
    of its own, and the second is the one MkDocs would drop)."""
    page = project / "docs/story/the-fall.md"
    error = MISTAKES["page-cites-unknown-source"].message  # its edit: [^company-2023-split] -> [^reuters-2020]
    assert error in server.output  # shown once already, by the step before
    start = len(server.lines)
    times_shown = lambda: sum(error in line for line in server.lines[start:])  # noqa: E731 - read at each wait
    reloads = lambda: "\n".join(server.lines[start:]).count("Reloading browsers")  # noqa: E731

    MISTAKES["page-cites-unknown-source"].make(project)
    server.wait_for(lambda: times_shown() == 1, REBUILD_SECONDS, "the error line, a second time")
    edit(page, "[^reuters-2020]", "[^company-2023-split]")
    server.wait_for(lambda: reloads() >= 2, REBUILD_SECONDS, "the fix")  # the mistake's rebuild, then the fix's
    assert server.alive()


def shows_a_warning_too_since_make_build_stops_on_it(server, project, base_url) -> None:
    page = project / "docs/story/the-fall.md"
    mistake = MISTAKES["page-links-to-a-missing-page"]
    warning = mistake.message

    mistake.make(project)
    server.wait_for(lambda: warning in server.output, REBUILD_SECONDS, "the warning line")
    answer = PendingRequest(base_url + "story/the-fall/").result(REBUILD_SECONDS)
    assert BANNER in answer and f"<code>{html.escape(warning)}</code> (warning)" in answer

    edit(page, "[six parts](nowhere.md)", "six units in all")
    fixed: list[str] = []  # the first answer with the fix: a second request may meet the next rebuild under load

    def shows_the_fix() -> bool:
        answer = fetch(base_url + "story/the-fall/") or ""
        fixed.extend([answer] if "six units in all" in answer else [])
        return bool(fixed)

    server.wait_for(shows_the_fix, REBUILD_SECONDS, "the fixed page")
    assert BANNER not in fixed[0]


def says_a_tab_in_mkdocs_yml_in_one_line_and_recovers(server, project, base_url) -> None:
    """MkDocs' server prints a traceback when mkdocs.yml cannot be read on a rebuild; ours says one line."""
    config = project / "mkdocs.yml"
    written = config.read_text(encoding="utf-8")
    mistake = MISTAKES["tab-in-mkdocs-yml"]
    start = len(server.lines)
    mistake.make(project)
    error = mistake.message
    server.wait_for(lambda: error in server.output, REBUILD_SECONDS, "the error line")
    said = server.lines[start:]
    mentions = [text for text in said if "mkdocs.yml:" in text or "Traceback" in text or "rebuild" in text]
    assert mentions == [f"ERROR   -  {error} (the site shown is the last one built; save a fix to rebuild)"]
    assert fetch(base_url + "story/the-fall/")

    # The fix renames the site so the rebuilt page shows it. (Counting "Documentation built" lines cannot tell:
    # MkDocs drops a line it has logged before, and two builds can take the same hundredths of a second.)
    site_name = yaml.safe_load(written)["site_name"]
    fixed = written.replace(f"site_name: {site_name}", f"site_name: {site_name} fixed", 1)
    assert fixed != written
    config.write_text(fixed, encoding="utf-8")
    page_url = base_url + "story/the-fall/"
    server.wait_for(lambda: f"{site_name} fixed" in html.unescape(fetch(page_url) or ""), REBUILD_SECONDS, "the fix")


def keeps_answering_through_a_figure_too_large_and_a_symlink_added_and_recovers(server, project, base_url) -> None:
    """Issue 21 (tests/test_hostile_inputs.py): a figure too large for a chart, then a symlink out of the repository,
    each added while it runs, each refused with its line while the last good site is served, each fixed."""
    start = len(server.lines)
    said = lambda: "\n".join(server.lines[start:])  # noqa: E731 - read at each wait
    error = f"{FIGURES}:13: 1.7e+308 {TOO_LARGE}"
    replace(FIGURES, "value: 700", "value: 1.7e+308")(project)
    server.wait_for(lambda: error in said(), REBUILD_SECONDS, "the error line")
    answer = PendingRequest(base_url + "story/the-fall/").result(REBUILD_SECONDS)
    assert BANNER in answer and html.escape(error) in answer  # answered, with the last good data
    replace(FIGURES, "value: 1.7e+308", "value: 701")(project)
    server.wait_for(lambda: BANNER not in (fetch(base_url + "story/the-fall/") or BANNER), REBUILD_SECONDS, "the fix")
    link("docs/zero.bin", "/dev/zero")(project)
    index = project / "docs" / "index.md"
    index.write_text(index.read_text("utf-8") + "\nMore.\n", "utf-8")
    server.wait_for(lambda: outside("docs/zero.bin", "/dev/zero") in said(), REBUILD_SECONDS, "the error line")
    assert PendingRequest(base_url + "story/the-fall/").result(REBUILD_SECONDS)  # the last site built, still served
    (project / "docs" / "zero.bin").unlink()
    index.write_text(index.read_text("utf-8") + "\nAgain.\n", "utf-8")
    server.wait_for(lambda: "Again." in (fetch(base_url) or ""), REBUILD_SECONDS, "the rebuild")


def test_serve_started_on_bad_data_exits_with_the_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """MkDocs' own command line, run in this process: `mkdocs serve` stops at its first build, which comes before its
    server starts (a server that got so far would fail the test rather than wait for requests; the server itself is
    the test above's). The hooks' on_startup notes in the environment that this process serves
    (explainer_mkdocs.reloading): the note goes with the test."""
    from mkdocs.commands import serve
    from mkdocs.livereload import LiveReloadServer

    made: list[LiveReloadServer] = []

    class Unstarted(LiveReloadServer):
        """MkDocs' server, made before the first build as MkDocs makes it (its socket, unbound, closed below)."""

        def __init__(self, *args, **keywords):
            super().__init__(*args, **keywords)
            made.append(self)

        def serve(self, *args, **keywords):
            raise ServerStarted("mkdocs serve started its server on bad data")

    project = watching_data(write_project(tmp_path / "project"))
    MISTAKES["tab-indentation"].make(project)
    monkeypatch.setattr(serve, "LiveReloadServer", Unstarted)
    monkeypatch.delenv(RELOAD_FLAG, raising=False)
    try:
        result = mkdocs_command(project, "serve", "--dev-addr", f"127.0.0.1:{free_port()}")
    finally:
        for server in made:
            server.server_close()
    assert result.returncode != 0 and "Traceback" not in result.stderr  # it stopped, and did not crash
    assert f"ERROR   -  {MISTAKES['tab-indentation'].message}" in result.stderr.splitlines()
    assert "Traceback" not in result.stdout


class ServerStarted(AssertionError):
    """Raised in place of MkDocs' live-reload server: the command got past its start-up."""


@pytest.mark.parametrize("command", ["build", "serve"])
def test_dirty_builds_are_refused_with_one_line(tmp_path: Path, command: str, monkeypatch: pytest.MonkeyPatch):
    """A dirty build converts only changed pages, so generated pages would list too few uses. MkDocs' own command
    line, run in this process: the hooks' on_startup refuses before any build (a server that got so far would fail
    the test rather than wait for requests)."""
    from mkdocs.commands import serve

    def started(*args, **keywords):
        raise ServerStarted("mkdocs serve --dirty started its server")

    project = write_project(tmp_path / "project")
    monkeypatch.setattr(serve, "LiveReloadServer", started)
    arguments = ["--dev-addr", f"127.0.0.1:{free_port()}"] if command == "serve" else []
    result = mkdocs_command(project, command, "--dirty", *arguments)
    assert result.returncode != 0
    assert ServerStarted.__name__ not in result.stderr  # a crash's traceback is in it (mkdocs_command)
    assert result.stderr.strip().splitlines()[-1].startswith("Error: --dirty is not supported: the Glossary")
    assert "Traceback" not in result.stdout + result.stderr
    assert not (project / "site").exists()
