"""STAND-IN, to be replaced by the engine's registry of concerns (issue 22): copies of this
repository's hooks/*_hook.py, run together by explainer_mkdocs.hooks so that a site made by
`explainer new` (whose one hook file is `from explainer_mkdocs.hooks import *`) builds today.
"""
