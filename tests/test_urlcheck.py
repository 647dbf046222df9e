"""Addresses a reviewer must check (explainer.urlcheck), at the function: what cannot be read as an address is
no warning of its own (the allow-lists and schemas refuse it where it matters). The warnings' words are
catalogued (tests/catalogue.py: source-url-with-credentials, page-raw-link-with-credentials, ...)."""

from __future__ import annotations

from types import SimpleNamespace

from explainer.errors import Problem
from explainer.urlcheck import KNOWN_PUBLISHERS, source_url_warnings, url_warnings


def test_an_address_that_cannot_be_split_or_has_no_host_gives_no_warning():
    assert url_warnings("https://reuters.com@evil.example/") != []  # the positive control
    assert url_warnings("https://[::1/x") == []  # an unclosed IPv6 bracket: urlsplit refuses it
    assert url_warnings("mailto:someone") == []


def test_a_label_that_is_not_punycode_is_read_as_written():
    assert url_warnings("https://xn--ruters-2nf.com/wire") != []  # the positive control: Cyrillic once decoded
    assert url_warnings("https://xn--999999999a.example/x") == []  # not punycode: read as written


def test_a_source_whose_address_cannot_be_split_is_not_a_host_to_imitate():
    sources = SourcesOf(
        [SimpleNamespace(id="a", index=0, url="https://[::1/x"), SimpleNamespace(id="b", index=1, url="https://x.org/")]
    )
    assert source_url_warnings(sources) == []
    imitating = SourcesOf([SimpleNamespace(id="c", index=0, url="https://reuters.com@evil.example/")])
    assert [problem.line for problem in source_url_warnings(imitating)] == [1]  # the positive control


def test_a_sites_known_host_makes_its_look_alikes_warn():
    """The site's publishers (data/story.yml, sources: known_hosts) are added to the engine's, not in their place."""
    assert url_warnings("https://courtlistner.com/x") == []  # not one of the engine's
    [warning] = url_warnings("https://courtlistner.com/x", ("courtlistener.com",))  # the positive control
    assert "looks like 'courtlistener.com'" in warning
    assert url_warnings("https://courtlistener.com/x", ("courtlistener.com",)) == []  # the host itself
    assert "looks like 'reuters.com'" in url_warnings("https://reutres.com/x", ("courtlistener.com",))[0]
    sources = SourcesOf([SimpleNamespace(id="a", index=0, url="https://courtlistner.com/x")])
    assert source_url_warnings(sources) == []
    assert [problem.line for problem in source_url_warnings(sources, (), ("courtlistener.com",))] == [1]


def test_a_known_host_written_in_punycode_is_compared_as_the_letters_it_stands_for():
    """data/story.yml takes an IDN host as punycode only (xn--bcher-kva.de, buecher with an umlaut): the addresses are
    compared once decoded, so the known host must be too, or no look-alike of it ever warns."""
    known = ("xn--bcher-kva.de",)
    assert "looks like 'b\u00fccher.de'" in url_warnings("https://bucher.de/x", known)[0]
    assert url_warnings("https://bucher.de/x") == []  # the positive control: it is the configured host that warns
    assert url_warnings("https://xn--bcher-kva.de/x", known) == url_warnings("https://b\u00fccher.de/x", known) == []


def test_the_engine_s_publishers_still_catch_a_wire_service_s_look_alike():
    assert url_warnings("https://reuters.com/x") == []  # the negative beside it
    assert "looks like 'reuters.com'" in url_warnings("https://reutres.com/x")[0]
    assert "reuters.com" in KNOWN_PUBLISHERS and len(KNOWN_PUBLISHERS) < 30  # a short list any newsroom cites


class SourcesOf(list):
    """Sources as data/sources.yml's records give them: iterable, and where each problem is."""

    def problem(self, path: tuple, message: str) -> Problem:
        return Problem("data/sources.yml", 1, message)
