"""The brief as one self-contained HTML page: inline CSS, no scripts, no external assets.

The template (``templates/brief.html``) renders with Jinja2 autoescaping on, so every piece of
article text (titles, sentences, quotes, names, removed boilerplate) is shown as text.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape

from crossread.brief.render_json import TOP_EXCLUSIVES, to_json
from crossread.models import Brief


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("crossread.brief", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html",), default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(brief: Brief) -> str:
    """The brief as a complete HTML document (UTF-8, inline CSS, all text escaped)."""
    data = to_json(brief)
    facts = {
        status: [f for f in data["facts"] if f["status"] == status]
        for status in ("corroborated", "conflicting", "exclusive")
    }
    return (
        _environment()
        .get_template("brief.html")
        .render(brief=data, facts=facts, top_exclusives=TOP_EXCLUSIVES)
    )
