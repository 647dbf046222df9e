"""Generated pages from templates: values escaped, Markdown where written, HTML parts back where raw HTML
blocks would be, elements built around the parts inside them, a site's template before the engine's."""

from __future__ import annotations

from pathlib import Path

import markdown
from layers import render_body

from explainer.generated import THEME, Templates


def templates(tmp_path: Path, **files: str) -> Templates:
    """Templates from `files` (name -> text, under explainer/), searched before the engine's theme."""
    for name, text in files.items():
        (tmp_path / "explainer").mkdir(exist_ok=True)
        (tmp_path / "explainer" / name).write_text(text, encoding="utf-8")
    return Templates([str(tmp_path), str(THEME)])


def test_html_parts_come_back_as_raw_html_blocks_would(tmp_path: Path):
    """The same page with its HTML written in the Markdown gives the same bytes."""
    entries = ['<div class="e" id="a">\n<p>A &amp; B</p>\n</div>', '<div class="e" id="b">\n<p>C</p>\n</div>']
    page = "# T\n\nIntro.\n\n## Kind\n\n{% call html() %}" + "\n\n".join(entries) + "{% endcall %}\n## Next\n"
    body = templates(tmp_path, **{"t.html": page}).body("explainer/t.html", {})
    as_markdown = "# T\n\nIntro.\n\n## Kind\n\n" + "\n\n".join(entries) + "\n\n## Next\n"
    md = markdown.Markdown(extensions=["toc"])
    assert render_body(body, md) == md.reset().convert(as_markdown)
    assert body.anchor_ids == {"a", "b"}


def test_every_value_is_escaped_and_markdown_text_stays_text(tmp_path: Path):
    page = '# {{ title | md }}\n\n{% call html() %}<p title="{{ title }}">{{ title }}</p>{% endcall %}\n'
    body = templates(tmp_path, **{"t.html": page}).body("explainer/t.html", {"title": "*A* <b>&'\""})
    html = render_body(body, markdown.Markdown())
    assert html.startswith("<h1>*A* &lt;b&gt;&amp;'\"</h1>")
    assert '<p title="*A* &lt;b&gt;&amp;&#x27;&quot;">*A* &lt;b&gt;&amp;&#x27;&quot;</p>' in html


def test_an_element_holds_the_markdown_and_parts_inside_it(tmp_path: Path):
    page = '{% call element("div", class_="x") %}\n### Term\n{% call html() %}<p>1</p>{% endcall %}{% endcall %}\n'
    page += "Text.\n"
    body = templates(tmp_path, **{"t.html": page}).body("explainer/t.html", {})
    assert render_body(body, markdown.Markdown()) == '<div class="x">\n<h3>Term</h3>\n<p>1</p>\n</div>\n<p>Text.</p>'


def test_checked_html_goes_in_as_elements_of_the_page(tmp_path: Path):
    page = "{{ tree(long) }}\n"
    body = templates(tmp_path, **{"t.html": page}).body("explainer/t.html", {"long": "<p>A *b* <em>c</em></p>"})
    assert render_body(body, markdown.Markdown()) == "<p>A *b* <em>c</em></p>"  # finished: not read as Markdown again


def test_a_site_overrides_an_engine_template_by_its_name(tmp_path: Path):
    ours = templates(tmp_path, **{"macros.html": "{% macro uses(links) %}ours{% endmacro %}"})
    assert ours.env.get_template("explainer/macros.html").module.uses([]) == "ours"
    assert "Not used on any page yet" in str(Templates().env.get_template("explainer/macros.html").module.uses([]))
