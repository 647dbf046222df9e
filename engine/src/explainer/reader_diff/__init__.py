"""The reader's diff: what readers will see change between two revisions of the site (`make diff`).

site.py reads a built site as readers get it, compare.py compares two, render.py writes the report
(Markdown for GitHub's job summary, plain text for the terminal), build.py builds a revision,
__main__.py is the command.
"""
