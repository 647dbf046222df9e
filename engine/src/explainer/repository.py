"""The files the build may read, checked before it reads any: nothing outside the repository, nothing unbounded.

A pull request can commit symlinks, and MkDocs follows them: `docs/assets/env.txt ->
/proc/self/environ` published the build machine's environment, `docs/zero.bin -> /dev/zero` wrote
gigabytes, `docs/rootfs -> /` copied the disk. So before anything reads a page or a data file
(MkDocs: first thing in on_config, before it lists the files), `repository_problems` walks the
site's folders, docs/, data/, the theme folders and the schemas (those inside the repository),
without following a symlink, and refuses, one `file:1: ...` line each:

- a symlink that leads outside the repository, or inside it but out of those folders (.git/config,
  .env, the virtual environment), or to a folder (MkDocs would copy all it holds), a device, a FIFO
  or a socket, or nowhere, or round in a loop; a symlink to a file in those folders is followed
  and that file checked like any other;
- a device, FIFO or socket;
- a file over its size limit, and more files or more bytes than a site needs;
- in docs/ and the theme folders, a file the site does not publish: pages are Markdown; besides
  them the site publishes images (PNG, JPEG, GIF, WebP, AVIF, ICO, and SVG, checked like HTML:
  explainer.svgcheck), fonts (WOFF, WOFF2, TTF, OTF), plain text (robots.txt), the CSS and
  JavaScript files mkdocs.yml lists in extra_css and extra_javascript, and the types a site adds
  in mkdocs.yml (`extra: explainer: allow_files: [pdf]`). Each file's first bytes must be what
  its name says (a .png that is an HTML page is refused).

`read_capped` reads a file within a size limit, and only a regular file, whatever its size says.
Every check takes time in proportion to the number of files and the bytes of the SVGs.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DataError, Problem
from .svgcheck import svg_problems

MAX_FILES = 10_000  # in docs/ and each other folder checked
MAX_DEPTH = 32  # folders inside folders
MAX_PUBLISHED_BYTES = 64 * 2**20  # everything in docs/ but the pages (which have their own limit)
MAX_PAGES_BYTES = 64 * 2**20  # all the pages together (the benchmark's 4x corpus is about 16 MB)
MAX_OTHER_BYTES = 16 * 2**20  # any one file in data/, the schemas or a theme folder


@dataclass(frozen=True)
class FileType:
    """A kind of file the site publishes: what it is called in messages, its limit, how it starts."""

    name: str
    max_bytes: int
    magic: tuple[bytes, ...] = ()  # the file starts with one of these ((offset, bytes) pairs: see _starts_as)
    text: bool = False  # UTF-8 text


_KB, _MB = 1024, 2**20
# What docs/ publishes besides the pages: images, fonts, plain text (robots.txt).
PUBLISHED_TYPES = {
    "png": FileType("a PNG image", 5 * _MB, (b"\x89PNG\r\n\x1a\n",)),
    "jpg": FileType("a JPEG image", 5 * _MB, (b"\xff\xd8\xff",)),
    "jpeg": FileType("a JPEG image", 5 * _MB, (b"\xff\xd8\xff",)),
    "gif": FileType("a GIF image", 5 * _MB, (b"GIF87a", b"GIF89a")),
    "webp": FileType("a WebP image", 5 * _MB, (b"RIFF",)),
    "avif": FileType("an AVIF image", 5 * _MB, (b"ftypavif", b"ftypavis")),
    "ico": FileType("an icon", 1 * _MB, (b"\x00\x00\x01\x00",)),
    "svg": FileType("an SVG image", 1 * _MB, text=True),
    "woff": FileType("a WOFF font", 2 * _MB, (b"wOFF",)),
    "woff2": FileType("a WOFF2 font", 2 * _MB, (b"wOF2",)),
    "ttf": FileType("a TrueType font", 2 * _MB, (b"\x00\x01\x00\x00", b"true")),
    "otf": FileType("an OpenType font", 2 * _MB, (b"OTTO",)),
    "txt": FileType("a text file", 64 * _KB, text=True),
}
CODE_TYPES = {
    "css": FileType("a stylesheet", 1 * _MB, text=True),
    "js": FileType("a script", 1 * _MB, text=True),
}
# Types a site may add in mkdocs.yml (extra: explainer: allow_files:), with what they must start as.
OPTIONAL_TYPES = {
    "pdf": FileType("a PDF", 10 * _MB, (b"%PDF-",)),
    "csv": FileType("a CSV file", 4 * _MB, text=True),
    "json": FileType("a JSON file", 4 * _MB, text=True),
}
# What a theme folder (custom_dir, the engine's theme) may hold: templates, and what the site publishes.
THEME_TYPES = {
    **PUBLISHED_TYPES,
    **CODE_TYPES,
    "html": FileType("a template", 1 * _MB, text=True),
    "xml": FileType("a template", 1 * _MB, text=True),
    "json": FileType("a JSON file", 1 * _MB, text=True),
}


@dataclass
class Folder:
    """One folder to check: where it is, how contributors name it, and what may be in it."""

    path: Path  # as configured (not resolved: the folder itself may be a symlink)
    label: str  # "docs", "data"
    types: dict[str, FileType] | None = None  # None: any file (data/, the schemas), only sizes and links checked
    declared: frozenset[str] = frozenset()  # paths inside it of the CSS and JavaScript mkdocs.yml lists
    published: bool = False  # docs/: hidden files and templates/ are left out of the site, so not typed


@dataclass
class _Walk:
    root: Path
    allowed: tuple[Path, ...]  # the folders, resolved: where a symlink may lead
    problems: list[Problem] = field(default_factory=list)
    published_bytes: int = 0
    pages_bytes: int = 0


def repository_problems(root: Path, folders: Iterable[Folder]) -> list[Problem]:
    """Every problem with the files of `folders` (under the repository `root`), read nothing but SVGs' bytes."""
    root = Path(os.path.realpath(root))
    folders = [folder for folder in folders if os.path.lexists(folder.path)]
    allowed = tuple(Path(os.path.realpath(folder.path)) for folder in folders if not os.path.islink(folder.path))
    walk = _Walk(root, allowed)
    for folder in folders:
        if os.path.islink(folder.path):
            target = os.readlink(folder.path)
            walk.problems.append(
                Problem(folder.label, 1, f"is a symlink (to {target!r}); the site's folders must be folders")
            )
            continue
        _walk_folder(walk, folder)
    return walk.problems


def _walk_folder(walk: _Walk, folder: Folder) -> None:
    stack: list[tuple[Path, str, int]] = [(folder.path, "", 0)]
    count = 0
    while stack:
        directory, prefix, depth = stack.pop()
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError as error:
            label = f"{folder.label}/{prefix}".rstrip("/")
            walk.problems.append(Problem(label, 1, f"cannot be read ({error.strerror})"))
            continue
        for entry in entries:
            count += 1
            relative = f"{prefix}{entry.name}"
            label = f"{folder.label}/{relative}"
            if count > MAX_FILES:
                message = f"{folder.label} holds more than {MAX_FILES:,} files, the limit; remove some"
                walk.problems.append(Problem(folder.label, 1, message))
                return
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError as error:
                walk.problems.append(Problem(label, 1, f"cannot be read ({error.strerror})"))
                continue
            if stat.S_ISLNK(info.st_mode):
                info = _symlink_target(walk, Path(entry.path), os.readlink(entry.path))
                if isinstance(info, str):  # it may not be followed: why
                    walk.problems.append(Problem(label, 1, info))
                    continue
            elif stat.S_ISDIR(info.st_mode):
                if depth + 1 >= MAX_DEPTH:
                    walk.problems.append(Problem(label, 1, f"is nested more than {MAX_DEPTH} folders deep; flatten it"))
                else:
                    stack.append((Path(entry.path), relative + "/", depth + 1))
                continue
            if not stat.S_ISREG(info.st_mode):
                walk.problems.append(Problem(label, 1, f"is {_kind(info.st_mode)}, not a file; remove it"))
                continue
            walk.problems += _file_problems(walk, folder, Path(entry.path), relative, label, info.st_size)


def outside_repository(target: str) -> str:
    """The problem of a symlink to `target`, outside the repository (the reader's diff says it too)."""
    outside = "outside the repository; the build reads nothing outside it: replace the link with the file itself"
    return f"is a symlink to {target!r}, {outside}"


def _symlink_target(walk: _Walk, path: Path, target: str) -> os.stat_result | str:
    """The stat of the file the symlink at `path` leads to, or why it may not be followed."""
    try:
        resolved = Path(os.path.realpath(path, strict=True))
    except OSError as error:
        if error.errno == errno.ELOOP:
            return f"is a symlink (to {target!r}) that loops back on itself; replace it with the file itself"
        return f"is a symlink to {target!r}, which does not exist; replace it with the file itself"
    if not resolved.is_relative_to(walk.root):
        return outside_repository(target)
    if not any(resolved.is_relative_to(folder) for folder in walk.allowed):
        where = resolved.relative_to(walk.root).as_posix()
        return (
            f"is a symlink to {where!r}, outside the site's folders (docs/, data/ and the theme's); "
            "replace the link with the file itself"
        )
    info = os.stat(resolved)
    if stat.S_ISDIR(info.st_mode):
        return (
            f"is a symlink to a folder ({target!r}); MkDocs would copy everything in it (a loop, without end):"
            " replace it with the folder itself"
        )
    if not stat.S_ISREG(info.st_mode):
        return f"is a symlink to {_kind(info.st_mode)} ({target!r}); remove it"
    return info


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _file_problems(walk: _Walk, folder: Folder, path: Path, relative: str, label: str, size: int) -> list[Problem]:
    if folder.types is None:
        return [Problem(label, 1, _over(size, MAX_OTHER_BYTES, "a file here"))] if size > MAX_OTHER_BYTES else []
    if folder.published and relative.endswith(".md"):
        walk.pages_bytes += size  # each page: explainer.pages.page_file_problems (UTF-8, its own limit)
        if walk.pages_bytes > MAX_PAGES_BYTES:
            walk.pages_bytes = -(2**62)  # said once
            limit = f"{MAX_PAGES_BYTES:,}-byte ({_human(MAX_PAGES_BYTES)})"
            return [Problem(folder.label, 1, f"its pages together are over the {limit} limit for a site; split it")]
        return []
    hidden = any(part.startswith(".") for part in relative.split("/")) or relative.startswith("templates/")
    if relative.endswith(".md") or (folder.published and hidden):
        return []  # MkDocs leaves hidden files, and templates/ at the top, out of the site by default
    extension = relative.rpartition(".")[2].lower() if "." in relative.rpartition("/")[2] else ""
    file_type = folder.types.get(extension)
    if extension in CODE_TYPES and folder.published:
        if relative not in folder.declared:
            setting = "extra_css" if extension == "css" else "extra_javascript"
            message = (
                f"is {CODE_TYPES[extension].name} that mkdocs.yml does not list in {setting}; "
                "list it there (a reviewer reads mkdocs.yml) or remove it"
            )
            return [Problem(label, 1, message)]
        file_type = CODE_TYPES[extension]
    if file_type is None:
        if folder.published and relative == "CNAME" and size <= 256:
            return []  # GitHub Pages' custom domain
        return [Problem(label, 1, _unpublished(extension, folder))]
    if size > file_type.max_bytes:
        return [Problem(label, 1, _over(size, file_type.max_bytes, file_type.name))]
    if folder.published:
        walk.published_bytes += size
        if walk.published_bytes > MAX_PUBLISHED_BYTES:
            message = _over(walk.published_bytes, MAX_PUBLISHED_BYTES, "everything in docs/ besides the pages")
            walk.published_bytes = -(2**62)  # said once
            return [Problem(folder.label, 1, message)]
    return _content_problems(path, label, extension, file_type)


def _content_problems(path: Path, label: str, extension: str, file_type: FileType) -> list[Problem]:
    """Whether the file is what its name says: its first bytes, its text, and an SVG's elements."""
    try:
        raw = read_capped(path, file_type.max_bytes, label) if file_type.text else _head(path)
    except DataError as error:
        return error.problems
    if file_type.magic and not _starts_as(raw, file_type.magic):
        return [Problem(label, 1, f"is named .{extension} but is not {file_type.name}; save it in that format")]
    if file_type.text:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return [Problem(label, 1, f"is not UTF-8 text, as {file_type.name} must be; save it as UTF-8")]
        if extension == "svg":
            return svg_problems(raw, label)
        if extension == "txt" and "<" in text:
            return [Problem(label, 1, "is a text file with '<' in it, which a browser may read as HTML; remove it")]
    return []


def _head(path: Path) -> bytes:
    with open(path, "rb") as file:
        return file.read(16)


def _starts_as(raw: bytes, magic: tuple[bytes, ...]) -> bool:
    # WebP and AVIF name their format a few bytes in: RIFF....WEBP, ....ftypavif
    if magic == (b"RIFF",):
        return raw.startswith(b"RIFF") and raw[8:12] == b"WEBP"
    if magic[0].startswith(b"ftyp"):
        return raw[4:12] in magic
    return raw.startswith(magic)


def _over(size: int, limit: int, what: str) -> str:
    return f"{size:,} bytes is over the {limit:,}-byte ({_human(limit)}) limit for {what}; make it smaller"


def _human(size: int) -> str:
    return f"{size // _MB} MB" if size >= _MB else f"{size // _KB} KB"


def _unpublished(extension: str, folder: Folder) -> str:
    kind = f"a .{extension} file" if extension else "a file without an extension"
    if not folder.published:
        return (
            f"is {kind}, which a theme folder does not hold (templates, CSS, JavaScript, images and fonts); remove it"
        )
    return (
        f"is {kind}, which the site does not publish: pages are Markdown (.md), and besides them the site "
        "publishes images (.png .jpg .gif .webp .avif .ico .svg), fonts (.woff .woff2 .ttf .otf), .txt, and "
        "the CSS and JavaScript that mkdocs.yml lists; remove it, or add its type to mkdocs.yml "
        "(extra: explainer: allow_files: [pdf, csv, json])"
    )


def read_capped(
    path: Path,
    limit: int,
    label: str,
    too_large: Callable[[int], str] | None = None,
    not_a_file: str = "",
) -> bytes:
    """A regular file's bytes, refused (DataError) if it is not a regular file or is over `limit` bytes; never
    more than the limit is read, whatever size the file system reports (/proc files say 0). `too_large(size)`
    and `not_a_file` word the refusals (by default, as for a file the site publishes)."""
    try:
        with open(path, "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode):
                message = not_a_file or f"is {_kind(info.st_mode)}, not a file; remove it"
                raise DataError([Problem(label, 1, message)])
            raw = file.read(limit + 1) if info.st_size <= limit else b""
    except OSError as error:
        raise DataError([Problem(label, 1, f"cannot be read ({error.strerror})")]) from None
    if (size := max(info.st_size, len(raw))) > limit:
        raise DataError([Problem(label, 1, too_large(size) if too_large else _over(size, limit, "this file"))])
    return raw


def site_folders(
    root: Path,
    docs_dir: Path,
    theme_dirs: Iterable[Path] = (),
    schema_dir: Path | None = None,
    declared: Iterable[str] = (),
    allow_files: Iterable[str] = (),
) -> list[Folder]:
    """The folders of a site to check: docs/ (with the CSS and JavaScript mkdocs.yml lists, by their
    path inside docs/), data/, and the theme folders and schemas that are inside the repository."""
    extra = {name: OPTIONAL_TYPES[name] for name in allow_files if name in OPTIONAL_TYPES}
    docs_label = _inside(docs_dir, root) or Path(os.path.abspath(docs_dir)).name
    folders = [
        Folder(docs_dir, docs_label, {**PUBLISHED_TYPES, **extra}, frozenset(declared), published=True),
        Folder(root / "data", "data"),
    ]
    for theme_dir in theme_dirs:
        if label := _inside(theme_dir, root):
            folders.append(Folder(theme_dir, label, THEME_TYPES))
    if schema_dir is not None and (label := _inside(schema_dir, root)):
        folders.append(Folder(schema_dir, label))
    return folders


def allow_files_problems(allow_files: object, label: str = "mkdocs.yml") -> tuple[list[str], list[Problem]]:
    """The file types a site adds (`extra: explainer: allow_files:`), and a problem for any it may not add."""
    if allow_files is None:
        return [], []
    names = allow_files if isinstance(allow_files, list) else [allow_files]
    unknown = [str(name) for name in names if name not in OPTIONAL_TYPES]
    if unknown:
        message = (
            f"extra: explainer: allow_files: {', '.join(unknown)} cannot be allowed; "
            f"a site may add {', '.join(OPTIONAL_TYPES)}"
        )
        return [], [Problem(label, 1, message)]
    return [str(name) for name in names], []


def _inside(path: Path, root: Path) -> str | None:
    """`path` as a label relative to `root` ("docs"), None if it is outside."""
    absolute, base = Path(os.path.abspath(path)), Path(os.path.abspath(root))
    return absolute.relative_to(base).as_posix() if absolute.is_relative_to(base) else None


def declared_assets(settings: dict) -> list[str]:
    """The paths inside docs/ of the CSS and JavaScript files mkdocs.yml lists (extra_css, extra_javascript)."""
    found = []
    for key in ("extra_css", "extra_javascript"):
        for item in settings.get(key) or []:
            path = item.get("path") if isinstance(item, dict) else item
            if isinstance(path, str) and "://" not in path:
                found.append(path.lstrip("/"))
    return found
