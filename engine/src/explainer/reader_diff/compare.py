"""Compare two built sites as readers would: what was added, removed or changed, and what must not be.

`reader_diff(base_dir, head_dir)` reads both sites (see site.py) and returns a `Report`. Sentences
are compared as a multiset per page: a sentence counts as removed or added only if the other side
does not have it, so moving a sentence is not a change of wording (it is reported as a reordering).
A published correction that is gone from the head is a problem: `Report.problems` names it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Generic, TypeVar

from .site import Page, Site, read_site

Item = TypeVar("Item")


@dataclass(frozen=True)
class PageRef:
    url: str
    title: str


@dataclass(frozen=True)
class ItemChanges(Generic[Item]):
    """Entries of one kind (glossary entries, events, corrections, a page's notes) matched by id."""

    added: tuple[Item, ...] = ()
    removed: tuple[Item, ...] = ()
    changed: tuple[tuple[Item, Item], ...] = ()  # (old, new)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass(frozen=True)
class PageChange:
    """What changed on a page that is in both sites."""

    url: str
    title: str
    old_title: str | None  # set when the title changed
    sentences_removed: tuple[str, ...]
    sentences_added: tuple[str, ...]
    reordered: bool  # same sentences, in another order
    notes: ItemChanges[tuple[str, str]]  # (source id, citation as the note shows it)


@dataclass(frozen=True)
class Report:
    pages_added: tuple[PageRef, ...]
    pages_removed: tuple[PageRef, ...]
    pages_changed: tuple[PageChange, ...]
    markup_only: tuple[PageRef, ...]  # the article's HTML changed, its text and notes did not
    glossary: ItemChanges
    events: ItemChanges
    corrections: ItemChanges
    files_changed: tuple[tuple[str, str], ...]  # (path, 'added' | 'removed' | 'changed'), pages aside
    # For reviewers (SECURITY.md): what the head adds that can act on a reader's browser.
    outside_added: tuple[tuple[str, str], ...] = ()  # (address, URL of the first page that has it)
    raw_html_added: tuple[tuple[str, str], ...] = ()  # (docs/ page, raw HTML or attribute list it writes)
    raw_html_known: bool = False  # False when only built sites were compared (no sources to read)

    @property
    def files_added(self) -> tuple[str, ...]:
        return tuple(path for path, status in self.files_changed if status == "added")

    @property
    def problems(self) -> list[str]:
        """One line per change that must not be merged: a published correction that disappeared."""
        return [
            f"correction '{entry['id']}' (on {entry.get('page', '?')}, issued {entry.get('issued', '?')}) was removed: "
            "published corrections never disappear; restore its entry in data/corrections.yml "
            "(if it was wrong, publish another correction)"
            for entry in self.corrections.removed
        ]

    @property
    def readers_see_a_change(self) -> bool:
        return any(
            (self.pages_added, self.pages_removed, self.pages_changed, self.glossary, self.events, self.corrections)
        )


def reader_diff(
    base_dir: Path,
    head_dir: Path,
    base_html: dict[str, list[str]] | None = None,
    head_html: dict[str, list[str]] | None = None,
) -> Report:
    """What readers of `head_dir` see that readers of `base_dir` did not (and the reverse).

    `base_html` and `head_html`: the raw HTML each page of either side writes, when the sources
    were at hand (as the builds of reader_diff.build list it).
    """
    report = compare_sites(read_site(base_dir), read_site(head_dir))
    if base_html is None or head_html is None:
        return report
    return replace(report, raw_html_added=raw_html_added(base_html, head_html), raw_html_known=True)


def raw_html_added(base: dict[str, list[str]], head: dict[str, list[str]]) -> tuple[tuple[str, str], ...]:
    """Each raw HTML fragment or attribute list a page of the head writes that the same page of the base did not."""
    return tuple(
        (page, fragment) for page, fragments in head.items() for fragment in only_in(fragments, base.get(page, []))
    )


def outside_added(base: Site, head: Site) -> tuple[tuple[str, str], ...]:
    """Addresses on other sites that the head's pages have and no page of the base had, with the first page."""
    known = {address for page in base.pages.values() for address in page.outside}
    added: dict[str, str] = {}
    for url, page in head.pages.items():
        for address in page.outside:
            if address not in known:
                added.setdefault(address, url)
    return tuple(added.items())


def compare_sites(base: Site, head: Site) -> Report:
    both = [url for url in head.pages if url in base.pages]
    changes = [compare_pages(base.pages[url], head.pages[url]) for url in both]
    return Report(
        pages_added=tuple(PageRef(url, page.title) for url, page in head.pages.items() if url not in base.pages),
        pages_removed=tuple(PageRef(url, page.title) for url, page in base.pages.items() if url not in head.pages),
        pages_changed=tuple(change for change in changes if change is not None),
        markup_only=tuple(
            PageRef(url, head.pages[url].title)
            for url, change in zip(both, changes, strict=True)
            if change is None and base.pages[url].markup != head.pages[url].markup
        ),
        glossary=compare_items(base.glossary, head.glossary),
        events=compare_items(base.events, head.events),
        corrections=compare_items(base.corrections, head.corrections),
        files_changed=compare_files(base.files, head.files),
        outside_added=outside_added(base, head),
    )


def compare_pages(old: Page, new: Page) -> PageChange | None:
    """The page's changes, or None when readers read the same title, sentences and notes."""
    removed = only_in(old.sentences, new.sentences)
    added = only_in(new.sentences, old.sentences)
    reordered = not removed and not added and old.sentences != new.sentences
    notes = compare_items(*({key: (key, text) for key, text in page.notes.items()} for page in (old, new)))
    old_title = old.title if old.title != new.title else None
    if old_title is None and not (removed or added or reordered or notes):
        return None
    return PageChange(new.url, new.title, old_title, removed, added, reordered, notes)


def only_in(these: Iterable[str], others: Iterable[str]) -> tuple[str, ...]:
    """The sentences of `these` that `others` lacks, counting repeats, in the order of `these`."""
    unmatched = Counter(others)
    result: list[str] = []
    for sentence in these:
        if unmatched[sentence]:
            unmatched[sentence] -= 1
        else:
            result.append(sentence)
    return tuple(result)


def compare_items(old: dict[str, Item], new: dict[str, Item]) -> ItemChanges[Item]:
    return ItemChanges(
        added=tuple(item for key, item in new.items() if key not in old),
        removed=tuple(item for key, item in old.items() if key not in new),
        changed=tuple((item, new[key]) for key, item in old.items() if key in new and new[key] != item),
    )


def compare_files(old: dict[str, str], new: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(
        (path, "added" if path not in old else "removed" if path not in new else "changed")
        for path in differing_keys(old, new)
    )


def differing_keys(old: dict, new: dict) -> list:
    """The keys, sorted, whose values differ between `old` and `new` (one without the key: None)."""
    return [key for key in sorted(old.keys() | new.keys()) if old.get(key) != new.get(key)]
