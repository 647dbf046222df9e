"""`explainer new DIR`: write a complete new explainer from the starter in template/.

The starter is a folder of Jinja2 templates (package data; Jinja2 comes with MkDocs, so the
engine adds no library for it). A file named `X.jinja` is rendered to `X`; any other file is
copied as it is; a leading `_` in a name stands for a dot (`_github/` is `.github/`, `_gitignore`
is `.gitignore`), so that no packaging tool drops them. Every value the templates print is
checked here first (one line, no markup) and printed through a filter that quotes it for the
file's language: `yaml` in YAML, `md` in Markdown.

The new site pins the engine that made it (explainer.provenance): its requirements name that
engine exactly, and its workflows call the reusable workflows of the engine's repository at the
engine's commit.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from ..editor_schemas import EDITOR_SCHEMA_DIR, write_editor_schemas
from ..provenance import DISTRIBUTION, EngineSource, installed_engine

TEMPLATE_DIR = Path(__file__).resolve().parent / "template"
CHAPTER = "start-here"  # the starter's one chapter: docs/story/start-here.md

# What a title and a subject may be: one line, no markup, and (for the subject, which is also a
# glossary term matched in the text) starting and ending with a letter or digit.
_TITLE_LIMIT, _SUBJECT_LIMIT = 80, 60
_FORBIDDEN = re.compile(r"[<>\x00-\x1f\x7f]")
_WORD_ENDS = re.compile(r"^\w(.*\w)?$", re.DOTALL)
_WORKFLOWS = re.compile(r"^(?P<slug>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)@(?P<ref>[\w./-]+)$")
_HTTPS = re.compile(r"^https://[a-z0-9-]+(\.[a-z0-9-]+)+(/[^\s<>\"']*)?$", re.IGNORECASE)


class StarterError(Exception):
    """A reason `explainer new` cannot go on, as one line that says what to do."""


@dataclass(frozen=True)
class Answers:
    """Everything the templates are filled with."""

    title: str
    subject: str
    site_url: str
    repo_url: str | None
    engine: EngineSource
    workflows: tuple[str, str] | None  # (owner/repo, ref) of the engine's reusable workflows
    today: dt.date = field(default_factory=dt.date.today)

    def context(self, directory: Path) -> dict:
        """The variables the templates see."""
        site_pins = pinned_dependencies(DISTRIBUTION, extra=None)
        return {
            "title": self.title,
            "subject": self.subject,
            "subject_id": slugify(self.subject) or "subject",
            "site_url": self.site_url,
            "site_path": "/" + self.site_url.split("://", 1)[1].partition("/")[2],
            "repo_url": self.repo_url,
            "slug": slugify(directory.name) or "explainer",
            "chapter": CHAPTER,
            "today": self.today.isoformat(),
            "engine_requirement": self.engine.requirement,
            "engine_test_requirement": self.engine.with_extra("test"),
            "engine_version": self.engine.version,
            "engine_portable": self.engine.portable,
            "site_pins": site_pins,
            "test_pins": pinned_dependencies(DISTRIBUTION, extra="test", exclude=site_pins),
            "workflows_repo": self.workflows[0] if self.workflows else "OWNER/ENGINE-REPOSITORY",
            "workflows_ref": self.workflows[1] if self.workflows else "ENGINE-COMMIT",
            "workflows_known": self.workflows is not None,
            "schema_dir": EDITOR_SCHEMA_DIR,
        }


# Answers: options, prompts and their checks ------------------------------------------------------


def starter_answers(options, interactive: bool) -> Answers:
    """The answers from the command line, asking in a terminal for what is missing."""
    check_directory(options.directory)
    title = _answer(
        options.title, "--title", "Title of the site (e.g. The Suez blockage, annotated)", interactive, check_title
    )
    subject = _answer(
        options.subject, "--subject", "Who or what the story is about (e.g. Ever Given)", interactive, check_subject
    )
    site_url = options.site_url
    if site_url is None and interactive:
        site_url = _prompt("Address it will be published at (Enter: decide later)", "")
    site_url = check_site_url(site_url or f"https://example.org/{slugify(options.directory.name) or 'explainer'}/")
    repo_url = options.repo_url
    if repo_url is None and interactive:
        repo_url = _prompt("Its GitHub repository, https://github.com/OWNER/REPO (Enter: decide later)", "")
    repo_url = check_repo_url(repo_url) if repo_url else None
    engine = installed_engine()
    if options.engine:
        engine = EngineSource(options.engine.strip(), engine.version, engine.github, engine.commit, True)
    return Answers(title, subject, site_url, repo_url, engine, workflows_of(options.workflows, engine))


def _answer(value: str | None, option: str, question: str, interactive: bool, check: Callable[[str], str]) -> str:
    """The option's value, checked; in a terminal, asked for until a good one is given."""
    if value is not None:
        return check(value)
    if not interactive:
        raise StarterError(f"{option} is missing: give it on the command line (explainer new --help)")
    while True:
        answer = _prompt(question, None)  # the end of input stops `explainer new` here: nothing more will come
        try:
            return check(answer)
        except StarterError as error:
            print(f"  {error}")  # noqa: T201 - asked again in the terminal


def _prompt(question: str, default: str | None) -> str:
    while True:
        try:
            answer = input(f"{question}: ").strip()
        except EOFError:
            raise StarterError("no answer given (run it with --title and --subject)") from None
        if answer or default is not None:
            return answer or (default or "")


def check_directory(directory: Path) -> None:
    """DIR must be new, or an empty folder: `explainer new` never overwrites anything."""
    if directory.exists() and not directory.is_dir():
        raise StarterError(f"{directory} is a file; give the name of a new folder")
    if directory.is_dir() and any(directory.iterdir()):
        raise StarterError(f"{directory} is not empty; give a new folder (explainer new never overwrites files)")


def check_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise StarterError("the title is empty; give one, e.g. --title 'The Suez blockage, annotated'")
    if len(title) > _TITLE_LIMIT:
        raise StarterError(f"the title is {len(title)} characters long; keep it to {_TITLE_LIMIT}")
    if _FORBIDDEN.search(title):
        raise StarterError("the title may not contain < or > (it is plain text, not HTML)")
    return title


def check_subject(subject: str) -> str:
    subject = " ".join(subject.split())
    if not subject:
        raise StarterError("the subject is empty; give who or what the story is about, e.g. --subject 'Ever Given'")
    if len(subject) > _SUBJECT_LIMIT:
        raise StarterError(f"the subject is {len(subject)} characters long; keep it to {_SUBJECT_LIMIT}")
    if _FORBIDDEN.search(subject) or not _WORD_ENDS.match(subject):
        raise StarterError(
            f"the subject {subject!r} must start and end with a letter or digit, without < or > "
            "(it becomes a glossary term, matched as whole words)"
        )
    return subject


def check_site_url(url: str) -> str:
    url = url.strip()
    if not _HTTPS.match(url):
        raise StarterError(
            f"the site's address {url!r} must be an https:// address, e.g. https://NEWSROOM.github.io/REPO/"
        )
    return url if url.endswith("/") else url + "/"


def check_repo_url(url: str) -> str:
    url = url.strip().removesuffix("/").removesuffix(".git")
    if not re.fullmatch(r"https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", url):
        raise StarterError(f"the repository {url!r} must look like https://github.com/OWNER/REPO")
    return url


def workflows_of(option: str | None, engine: EngineSource) -> tuple[str, str] | None:
    """(owner/repo, ref) of the reusable workflows: --workflows, else the engine's GitHub home and commit."""
    if option:
        match = _WORKFLOWS.match(option.strip())
        if not match:
            raise StarterError(f"--workflows {option!r} must look like OWNER/REPO@REF (a tag, branch or commit)")
        return match["slug"], match["ref"]
    if engine.github and engine.commit:
        return engine.github, engine.commit
    return None


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# Pins: the versions this engine was installed with ------------------------------------------------


def pinned_dependencies(name: str, extra: str | None, exclude: Iterable[str] = ()) -> list[str]:
    """`pkg==version` for every installed distribution `name` (or its `extra`) needs, recursively, sorted
    (leaving out the packages the pins `exclude` name).

    The new site starts from the very versions the engine that made it runs with; `make lock` (or
    an engine upgrade) moves them on."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    excluded = {canonicalize_name(pin.split("==")[0]) for pin in exclude}
    pins: dict[str, str] = {}
    todo = [(name, extra)]
    while todo:
        current, wanted_extra = todo.pop()
        try:
            distribution = metadata.distribution(current)
        except metadata.PackageNotFoundError:
            continue
        for line in distribution.requires or []:
            requirement = Requirement(line)
            if requirement.marker and not requirement.marker.evaluate({"extra": wanted_extra or ""}):
                continue
            key = canonicalize_name(requirement.name)
            if key in pins or key == canonicalize_name(name):
                continue
            try:
                installed = metadata.distribution(requirement.name)
                pins[key] = f"{installed.metadata['Name']}=={installed.version}"
            except metadata.PackageNotFoundError:
                pins[key] = str(requirement.name)  # not installed here: pip resolves it
            todo.extend((requirement.name, child) for child in (requirement.extras or {None}))
    return sorted(pin for key, pin in pins.items() if key not in excluded)


# Rendering --------------------------------------------------------------------------------------


def template_files() -> Iterator[tuple[Path, Path]]:
    """(template file, path in the new site) for every file of the starter."""
    for source in sorted(TEMPLATE_DIR.rglob("*")):
        if source.is_file() and "__pycache__" not in source.parts:
            parts = [
                ("." + part[1:]) if part.startswith("_") else part for part in source.relative_to(TEMPLATE_DIR).parts
            ]
            parts[-1] = parts[-1].removesuffix(".jinja")
            yield source, Path(*parts)


def render_site(directory: Path, answers: Answers) -> dict[Path, str | bytes]:
    """Every file of the new site, by path inside it: rendered templates and copied files."""
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    environment.filters["yaml"] = yaml_string
    environment.filters["md"] = markdown_text
    context = answers.context(directory)
    files: dict[Path, str | bytes] = {}
    for source, target in template_files():
        if source.name.endswith(".jinja"):
            name = source.relative_to(TEMPLATE_DIR).as_posix()
            files[target] = environment.get_template(name).render(context)
        else:
            files[target] = source.read_bytes()
    return files


def create_site(directory: Path, answers: Answers) -> str:
    """Write the new site into `directory` (new or empty); return what to tell the user."""
    check_directory(directory)
    files = render_site(directory, answers)
    directory.mkdir(parents=True, exist_ok=True)
    for path, content in files.items():
        target = directory / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8", newline="\n")
    write_editor_schemas(directory)
    return _report(directory, answers, len(files))


def _report(directory: Path, answers: Answers, count: int) -> str:
    lines = [
        f"Wrote {count} files into {directory}/: a home page, one chapter ({CHAPTER}) that shows every annotation, "
        "one entry in each data file, tests and CI.",
        f"The engine is pinned in requirements/site.txt: {answers.engine.requirement}",
    ]
    if answers.engine.note:
        lines.append(f"Note: {answers.engine.note}")
    if answers.workflows is None:
        lines.append(
            "Note: the engine's GitHub repository is unknown (it was not installed from GitHub), so .github/workflows/ "
            "calls OWNER/ENGINE-REPOSITORY@ENGINE-COMMIT: replace both with the engine's repository and a tag or "
            "commit, or run explainer new again with --workflows OWNER/REPO@REF."
        )
    lines += [
        "",
        "Next:",
        f"  cd {directory}",
        "  git init && git add -A && git commit -m 'Start the explainer'",
        "  make serve    # preview with live reload",
        "  make test     # strict build and every check",
        "Then replace the placeholder chapter and data: README.md says how.",
    ]
    return "\n".join(lines)


# Quoting values for each file's language ---------------------------------------------------------


def yaml_string(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#])")  # Python-Markdown's backslash escapes that can matter here


def markdown_text(value: str) -> str:
    """Plain text that Markdown shows as written: its punctuation escaped, and no HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value).replace("<", "&lt;").replace(">", "&gt;")
