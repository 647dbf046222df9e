"""The date a page was last updated, from the data: `<!-- last-updated -->` becomes the latest correction's date.

A front page says when the story last changed. The build knows it: every change readers are told about is
a dated entry of data/corrections.yml (a correction of fact, an update, a translation note), so the marker,
written anywhere in a line of prose ("Last updated <!-- last-updated -->."), becomes the latest `issued`
date of any kind, as `<time datetime="2026-12-06">6 December 2026</time>`. No hand-typed date goes stale.

The marker is replaced in the page's lines before anything else reads them (so it works inside a
sentence); in code (explainer.codeblocks) it is left as it is. With no dated correction, the marker is a
one-line problem.
"""

from __future__ import annotations

from markdown import Markdown
from markdown.preprocessors import Preprocessor

from .codeblocks import without_code
from .extensions import ContextProcessor, ExplainerExtension

LAST_UPDATED_MARKER = "<!-- last-updated -->"


class LastUpdatedExtension(ExplainerExtension):
    """Replaces `<!-- last-updated -->` with the latest date of the build's corrections."""

    def extendMarkdown(self, md: Markdown) -> None:
        # Before fenced code (25) and raw HTML (20) are stashed, so the marker may stand inside a sentence.
        md.preprocessors.register(_LastUpdated(md, self.context), "explainer-last-updated", 29)


class _LastUpdated(ContextProcessor, Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if not any(LAST_UPDATED_MARKER in line for line in lines):
            return lines
        dates = [correction.issued for correction in self.context.records.get("corrections") or ()]
        if not dates:
            self.context.report(
                LAST_UPDATED_MARKER,
                f"{LAST_UPDATED_MARKER} is the date of the latest entry of data/corrections.yml, and it has none;"
                " write the date by hand instead",
            )
            return lines
        latest = max(dates)
        # Stashed as the build's own HTML: neither checked nor listed as HTML the page wrote (explainer.pagehtml).
        shown = self.md.htmlStash.store(f'<time datetime="{latest.iso}">{latest.display}</time>')
        prose = without_code("\n".join(lines)).split("\n")
        return [
            line.replace(LAST_UPDATED_MARKER, shown) if LAST_UPDATED_MARKER in kept else line
            for line, kept in zip(lines, prose, strict=True)
        ]
