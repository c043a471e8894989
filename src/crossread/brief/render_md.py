"""The brief as Markdown: summary with citations, facts by status, timeline, quotes, framing."""

from __future__ import annotations

from typing import Any

from crossread.brief.render_json import TOP_EXCLUSIVES, to_json
from crossread.models import Brief

_STATUS_TITLES = (
    ("corroborated", "Corroborated (two or more independent outlets)"),
    ("conflicting", "Conflicting"),
)


_ESTIMATED = " *(estimated)*"
_ESTIMATED_NOTE = (
    "Dates marked *(estimated)* come from undated articles: their relative expressions "
    "(“on Monday”) were read against the date the story was first reported."
)


def _md(text: Any) -> str:
    """Article text made inert for Markdown: no HTML, no link or emphasis syntax."""
    escaped = str(text).replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;")
    for char in "`*_[]#|":
        escaped = escaped.replace(char, "\\" + char)
    return " ".join(escaped.split())


def _support(fact: dict[str, Any]) -> list[str]:
    return [f"  - {_md(s['outlet'])}: “{_md(s['sentence'])}”" for s in fact["support"]]


def render_markdown(brief: Brief) -> str:
    """The brief as a Markdown document."""
    data = to_json(brief)
    out = [f"# {_md(data['headline'] or 'Untitled story')}", ""]
    outlets = ", ".join(_md(a["outlet"]) for a in data["articles"])
    same = "one story" if data["same_story"] else "possibly different stories"
    out += [
        f"{len(data['articles'])} articles ({outlets}), {same}, "
        f"similarity {data['similarity']:.2f}.",
        "",
    ]
    out += ["## Summary", ""]
    out += [
        f"- {_md(c['text'])} [{', '.join(_md(o) for o in c['outlets'])}]"
        + (" (other outlets differ: see Conflicting)" if c.get("disputed") else "")
        for c in data["summary"]
    ] or ["- (nothing to summarise)"]
    for status, title in _STATUS_TITLES:
        facts = [f for f in data["facts"] if f["status"] == status]
        if not facts:
            continue
        out += ["", f"## {title}", ""]
        for fact in facts:
            note = f" — {_md(fact['note'])}" if fact["note"] else ""
            out.append(f"- {_md(fact['text'])}{note}")
            out += _support(fact)
    out += ["", "## Exclusives (strongest first)", ""]
    for outlet, texts in data["exclusives"].items():
        out.append(f"### {_md(outlet)} ({len(texts)})")
        out += [f"- {_md(t)}" for t in texts[:TOP_EXCLUSIVES]] or ["- (none)"]
        if len(texts) > TOP_EXCLUSIVES:
            out.append(f"- … {len(texts) - TOP_EXCLUSIVES} more, weaker (all in `--json`)")
        out.append("")
    if data["timeline"]:
        out += ["## Timeline", ""]
        if any(t["estimated"] for t in data["timeline"]):
            out += [_ESTIMATED_NOTE, ""]
        out += [
            f"- **{t['date']}**{_ESTIMATED if t['estimated'] else ''} ({_md(t['outlet'])}, "
            f"“{_md(t['expression'])}”): {_md(t['sentence'])}"
            for t in data["timeline"]
        ]
        out.append("")
    if data["quote_groups"]:
        out += ["## Quotes", ""]
        for group in data["quote_groups"]:
            out.append(f"### {_md(group['speaker'] or 'Unattributed')}")
            out += [f"- “{_md(q['text'])}” ({_md(q['outlet'])})" for q in group["quotes"]]
            out += [
                f"- Quoted differently: {_md(v['note'])} "
                f"{' / '.join('“' + _md(t) + '”' for t in v['texts'])}"
                for v in group["variants"]
            ]
            out.append("")
    if data["entities"]:
        out += ["## Entities", ""]
        out += [
            f"- {_md(e['name'])} ({e['kind']}, {len(e['mentions'])} mentions)"
            for e in data["entities"]
        ]
        out.append("")
    out += ["## Framing", ""]
    for f in data["framing"]:
        out.append(
            f"- {_md(f['outlet'])}: tone {f['tone']:+.2f}, {f['exclusives']} exclusive "
            f"facts; names only it: {_md(', '.join(f['entities'])) or '-'}; "
            f"terms: {_md(', '.join(f['terms'])) or '-'}"
        )
    removed = [(a["outlet"], r) for a in data["articles"] for r in a["removed"]]
    if removed:
        out += ["", "## Removed boilerplate", ""]
        out += [f"- {_md(outlet)}: {_md(text)}" for outlet, text in removed]
    return "\n".join(out).rstrip() + "\n"
