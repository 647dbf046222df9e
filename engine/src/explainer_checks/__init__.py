"""The generic checks of an explainer: what every site built with the engine must pass, run by its tests.

A site runs them from its own tests/, unedited (`explainer new` writes this file):

    # tests/test_explainer_checks.py
    from explainer_checks.site import *  # noqa: F403 - the checks of the built site
    from explainer_checks.browser import *  # noqa: F403 - the checks in Chromium

pytest finds the fixtures and settings through this distribution's `pytest11` entry point
(explainer_checks.plugin), which builds the site once per session from its own files: mkdocs.yml
(found from pytest's rootdir), docs/ and data/. What they check:

- **site** (explainer_checks.site): the build logs no warning; every sentence of a story page with
  a figure, a date or a quotation carries a source note; every story page explains its first
  mention of each glossary entry it names; every correction is on the Corrections page and, where
  its kind is marked in the text, marked at its anchor; every internal link and fragment resolves;
  every external link and data address is https, and no page loads anything from another host; every
  page has its own description and social preview tags; no page carries an event handler, a foreign
  URL scheme or a style attribute; the Nu HTML Checker finds no error of the site's own.
- **browser** (explainer_checks.browser, marked `browser`): in Chromium, no page requests another
  host or logs an error; axe-core finds no violation on any page, light and dark; no page overflows
  a phone screen; a glossary tooltip and a source-note preview open on hover.

What a site configures, in `[tool.pytest.ini_options]` of its pyproject.toml:

- `explainer_names_with_digits`: names with a digit that are not figures or dates ("Covid-19"),
  beyond the glossary's terms and aliases, which count already.
- `explainer_skip_checks`: checks this site turns off, one per line as `test_name: why`; the
  reason is shown in pytest's summary.
- `explainer_config_file`: the site's configuration, if not `mkdocs.yml` at the rootdir.

The tools some checks need: the Nu HTML Checker (`vnu-jar`, run with Java) and axe-core, from the
site's node_modules/ (`npm ci`), and Chromium (`$EXPLAINER_CHROMIUM`, Playwright's own, or Debian's
chromium-headless-shell or chromium, in /usr/bin). Without one, the checks that need it skip with
the reason in capitals; with CI set (`CI=true`), they fail instead, so CI never passes by skipping.
"""
