"""Addresses a careful reader would question: a host that imitates another, or hides behind a user name.

Every source's address is shown to readers as the place a fact comes from. A schema can say it
is https://, not that it leads where it seems to. So each address gets a warning (strict builds,
`make build` and CI, fail on warnings) that says what a reviewer must check, when:

- it has a user name or password before its host (`https://reuters.com@evil.example/` goes to
  evil.example);
- a label of its host mixes writing systems (Latin with Cyrillic or Greek: `rеuters.com` with a
  Cyrillic е), whether written in Unicode or as punycode (xn--...);
- its host looks like a known publisher's without being it: the same letters once look-alikes
  are read as what they imitate (`reuter5.com`, `rnicrosoft`, Cyrillic for Latin), one letter
  added, dropped, changed or swapped (`reuter.com`), the same name under a mistyped ending
  (`reuters.co`, `reuters.cm`; not `bbc.co.uk` for `bbc.com`), or the publisher's name as a
  separate part of another host (`reuters.com.evil.net`, `reuters-news.com`). Known publishers are
  a short built-in list of hosts any newsroom cites, the site's own (data/story.yml, `sources:
  known_hosts:`, added to that list) and the hosts of the site's other sources.

A reviewer who has checked such an address answers the warning by adding its host to mkdocs.yml
(`extra: explainer: reviewed_hosts: [host]`), where the change is reviewed like code.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from .errors import Problem

# The hosts any newsroom cites, whatever its story: wire services, general news organisations, reference and
# government. A site adds the publishers of its own field (data/story.yml, sources: known_hosts).
KNOWN_PUBLISHERS = frozenset(
    {
        *("reuters.com", "apnews.com", "afp.com", "bloomberg.com", "ft.com", "wsj.com", "nytimes.com"),
        *("washingtonpost.com", "latimes.com", "theguardian.com", "economist.com", "bbc.com", "bbc.co.uk"),
        *("cnn.com", "aljazeera.com", "axios.com", "politico.com"),
        *("wikipedia.org", "sec.gov", "imf.org", "worldbank.org", "un.org", "europa.eu"),
    }
)
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "or", "ne", "go"})
# Letters other scripts share with Latin (Unicode's confusables, the ones hosts are faked with).
_CONFUSABLE = str.maketrans(
    {
        **dict(zip("аеорсухіјѕԁԛԝһӏвмтнкг", "aeopcyxijsdqwhlbmthkr", strict=True)),  # Cyrillic
        **dict(zip("οανικρτυχβεηζ", "oavikptuxbenz", strict=True)),  # Greek
        "0": "o",
        "1": "l",
        "5": "s",
        "ı": "i",
        "ǀ": "l",
    }
)
_CJK = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC"})


def url_warnings(url: str, known: KnownHosts | Iterable[str] = (), reviewed: Collection[str] = ()) -> list[str]:
    """What a reviewer must check about `url` ([] for nothing); `known`: more publishers' hosts (an index of
    them, `KnownHosts`, when many addresses are checked against the same hosts)."""
    if not (host := _host(url.strip())):
        return []
    warnings = []
    if "@" in (netloc := urlsplit(url.strip()).netloc):
        warnings.append(
            f"the address has a user name or password before its host ({netloc.rpartition('@')[0] + '@'!r}); "
            f"a browser goes to {host!r}, after the @: remove what comes before it"
        )
    if host in reviewed:
        return warnings
    answer = f" (once checked, add {host!r} to extra: explainer: reviewed_hosts in mkdocs.yml)"
    labels = [_unicode_label(label) for label in host.split(".")]
    index = known if isinstance(known, KnownHosts) else publishers_and(frozenset(known))
    if mixed := next((label for label in labels if len(_scripts(label)) > 1 and not _scripts(label) <= _CJK), None):
        warnings.append(
            f"the host {host!r} mixes writing systems in {mixed!r} ({' and '.join(sorted(_scripts(mixed)))}), "
            f"a way to imitate another host: check that the address is the publisher's{answer}"
        )
    elif imitated := index.imitated(".".join(labels), registrable(host)):
        warnings.append(
            f"the host {host!r} looks like {imitated!r} but is not it: check that the address leads to the "
            f"publisher named{answer}"
        )
    return warnings


class KnownHosts:
    """Known publishers' hosts, indexed so that a host is compared with all of them in time linear in its own
    length, not in their number (a site of n sources checks n addresses against n hosts).

    The rules, in `imitated`: the same skeleton (look-alike letters read as what they imitate); the same
    name under a mistyped ending; a name of five letters or more one edit away, as written or as skeletons;
    such a name as a separate part of the host. Names one edit apart share a key of `_one_edit_keys`, so
    the candidates come from dictionary lookups and each is confirmed by `_one_edit`.
    """

    def __init__(self, hosts: Iterable[str]):
        self._by_skeleton: dict[str, list[tuple[int, str]]] = {}
        self._by_name: dict[str, list[tuple[int, str]]] = {}
        self._near_names: dict[str, list[tuple[int, str, str]]] = {}
        self._near_skeletons: dict[str, list[tuple[int, str, str]]] = {}
        for rank, original in enumerate(sorted(set(hosts))):  # the first in this order answers, as listed
            # read as the hosts it is compared with are: punycode (xn--) labels decoded, as a browser shows them
            domain = registrable(".".join(_unicode_label(label) for label in original.lower().split(".")))
            name = domain.split(".")[0]
            self._by_skeleton.setdefault(_skeleton(domain), []).append((rank, domain))
            self._by_name.setdefault(name, []).append((rank, domain))
            if len(name) >= 5:
                for key in _one_edit_keys(name):
                    self._near_names.setdefault(key, []).append((rank, domain, name))
                name_skeleton = _skeleton(name)
                for key in _one_edit_keys(name_skeleton):
                    self._near_skeletons.setdefault(key, []).append((rank, domain, name_skeleton))

    def imitated(self, host: str, own: str = "") -> str | None:
        """The known host that `host` imitates, if any (never the host itself, a host under it, or `own`)."""
        domain = registrable(host)
        name, skeleton = domain.split(".")[0], _skeleton(domain)
        parts = {part for label in host.split(".")[: -len(domain.split("."))] for part in label.split("-")}
        parts |= set(name.split("-")) if "-" in name else set()
        ending = domain.partition(".")[2]
        found = [*self._by_skeleton.get(skeleton, ())]
        found += [
            (rank, other) for rank, other in self._by_name.get(name, ()) if _one_edit(ending, other.partition(".")[2])
        ]
        found += [(rank, other) for part in parts if len(part) >= 5 for rank, other in self._by_name.get(part, ())]
        for index, written in ((self._near_names, name), (self._near_skeletons, _skeleton(name))):
            for key in _one_edit_keys(written):
                found += [(rank, other) for rank, other, near in index.get(key, ()) if _one_edit(written, near)]
        answers = [(rank, other) for rank, other in found if other not in (domain, own)]
        return min(answers)[1] if answers else None


@cache
def publishers_and(known: frozenset[str]) -> KnownHosts:
    """The index of the engine's publishers and `known` (a story's), made once a process for the same hosts."""
    return KnownHosts({*KNOWN_PUBLISHERS, *known})


def _one_edit_keys(text: str) -> set[str]:
    """The text and the text with each letter dropped: two texts one edit apart (`_one_edit`) share one."""
    return {text, *(text[:index] + text[index + 1 :] for index in range(len(text)))}


def registrable(host: str) -> str:
    """The part of a host its owner registered: reuters.com for www.reuters.com, bbc.co.uk for news.bbc.co.uk."""
    labels = host.lower().rstrip(".").split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def _unicode_label(label: str) -> str:
    try:
        return label[4:].encode("ascii").decode("punycode") if label.startswith("xn--") else label
    except (UnicodeError, ValueError):
        return label


@cache
def _scripts(label: str) -> frozenset[str]:
    """The writing systems of a label's letters (digits and hyphens belong to none)."""
    if label.isascii():
        return frozenset({"LATIN"}) if any(character.isalpha() for character in label) else frozenset()
    return frozenset(
        (unicodedata.name(character, "UNKNOWN").split(" ")[0] if not character.isascii() else "LATIN")
        for character in label
        if character.isalpha()
    )


def _skeleton(text: str) -> str:
    """The text as it looks: look-alike letters read as the Latin ones they imitate, rn as m, vv as w."""
    return unicodedata.normalize("NFKC", text.lower()).translate(_CONFUSABLE).replace("rn", "m").replace("vv", "w")


def _one_edit(first: str, second: str) -> bool:
    """True if one letter added, dropped, changed, or two neighbours swapped turns one into the other."""
    if first == second or abs(len(first) - len(second)) > 1:
        return False
    if len(first) == len(second):
        differ = [index for index, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
        return len(differ) == 1 or (
            len(differ) == 2
            and differ[1] == differ[0] + 1
            and first[differ[0]] == second[differ[1]]
            and first[differ[1]] == second[differ[0]]
        )
    shorter, longer = sorted((first, second), key=len)
    index = next((i for i, (a, b) in enumerate(zip(shorter, longer, strict=False)) if a != b), len(shorter))
    return shorter[index:] == longer[index + 1 :]


def source_url_warnings(sources: Any, reviewed: Collection[str] = (), known_hosts: Iterable[str] = ()) -> list[Problem]:
    """A warning at each source whose address a reviewer must check (`url_warnings`), in data/sources.yml;
    `known_hosts`: the site's own publishers (the story's `known_hosts`)."""
    hosts = {source.id: _host(source.url) for source in sources}
    known = KnownHosts({*KNOWN_PUBLISHERS, *known_hosts, *(registrable(host) for host in hosts.values() if host)})
    problems = []
    for source in sources:
        for warning in url_warnings(source.url, known, reviewed):
            problems.append(sources.problem((source.index, "url"), f"source '{source.id}': {warning}").as_warning())
    return problems


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return ""
