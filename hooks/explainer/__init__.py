"""The explainer's functional core: data loading, validation and text transformations.

Plain Python (plus Python-Markdown's extension API); no MkDocs imports. The hook files
one directory up adapt these modules to MkDocs events.
"""
