"""The engine's generic checks of an explainer, run on this site unedited, as every site made by
`explainer new` runs them: every factual sentence cited, first mentions explained, corrections
intact, links, HTML validity, and in Chromium: no request to another host, no script error,
axe-core, phones. Their settings are in pyproject.toml (explainer_names_with_digits)."""

from explainer_checks.browser import *  # noqa: F403
from explainer_checks.site import *  # noqa: F403
