"""What `mkdocs serve` shows when the data has a mistake, at the function (explainer.serving): where
the banner of problems goes on each kind of page. tests/test_serve.py runs the server itself."""

from __future__ import annotations

import pytest

from explainer.serving import with_banner

BANNER = '<div class="problems">2 problems</div>'


@pytest.mark.parametrize(
    ("page", "shown"),
    [
        (
            '<body class="x"><article class="md-content__inner md-typeset"><h1>T</h1></article></body>',
            f'<body class="x"><article class="md-content__inner md-typeset">{BANNER}<h1>T</h1></article></body>',
        ),
        ('<html><body class="x"><p>404</p></body></html>', f'<html><body class="x">{BANNER}<p>404</p></body></html>'),
        ("<p>a fragment</p>", f"{BANNER}<p>a fragment</p>"),
    ],
)
def test_the_banner_opens_the_content_else_the_body_else_the_page(page: str, shown: str) -> None:
    assert with_banner(page, BANNER) == shown
