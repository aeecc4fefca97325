"""Fixes to the HTML that MyST-NB, docutils and sphinx-exercise write, for WCAG 2.1 AA (checked by
axe-core in tests/test_accessibility.py, and tests/test_links.py for the ids). Each replaces one
exact string in a page's body; if a later version writes another string, the test fails.

- MyST-NB labels the summary of every hidden cell "Toggle hidden content" while it shows "Show code
  cell content": a name without the words shown fails WCAG 2.5.3 Label in Name (axe
  label-content-name-mismatch). Without the aria-label its name is the text it shows.
- docutils gives each citation role="doc-biblioentry", deprecated in DPub-ARIA 1.1, inside a
  role="list": axe then finds a deprecated role (aria-deprecated-role) and a list whose children are
  not list items (aria-required-children). role="listitem" says what each entry is.
- sphinx-exercise gives the body of every exercise the id "exercise-content", and of every solution
  "solution-content": on a page of several, ids repeat, against WCAG 2.1 4.1.1 Parsing (and an
  #anchor to one is ambiguous). Nothing links to them; each gets its number on the page.
"""

from __future__ import annotations

import itertools
import re

REPLACEMENTS = [
    ('<summary aria-label="Toggle hidden content">', "<summary>"),
    ('role="doc-biblioentry"', 'role="listitem"'),
]
REPEATED_IDS = ["exercise-content", "solution-content"]


def numbered(body: str, name: str) -> str:
    """``body`` with its 1st, 2nd, ... ``id="name"`` made ``id="name-1"``, ``id="name-2"``, ..."""
    count = itertools.count(1)
    return re.sub(f'id="{re.escape(name)}"', lambda _: f'id="{name}-{next(count)}"', body)


def accessible(body: str) -> str:
    for old, new in REPLACEMENTS:
        body = body.replace(old, new)
    for name in REPEATED_IDS:
        body = numbered(body, name)
    return body


def on_page_context(app, pagename, templatename, context, doctree) -> None:
    if "body" in context:
        context["body"] = accessible(context["body"])


def setup(app):
    app.connect("html-page-context", on_page_context)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
