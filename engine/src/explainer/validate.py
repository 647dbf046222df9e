"""The quick check's command, `python -m explainer.validate` (kept where contributors and CI call it).

The check is the build itself, so it lives in the MkDocs layer: explainer_mkdocs.quickcheck.
This module only starts it: the one module of the core that imports the MkDocs layer.
"""

from __future__ import annotations

import sys

from explainer_mkdocs.quickcheck import main, problems_of

__all__ = ["main", "problems_of"]

if __name__ == "__main__":
    sys.exit(main())
