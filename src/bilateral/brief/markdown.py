"""A briefing as Markdown: the same sections as the HTML page, each statement followed by the
numbers of its sources, the sources listed at the end."""

from __future__ import annotations

from bilateral.brief.records import Briefing, Statement


def _cited(s: Statement, base_url: str) -> str:
    marks = "".join(f"[[{c.number}]]({base_url}/documents/{c.doc}#{c.anchor})" for c in s.citations)
    return f"{s.text} {marks}"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("#", "\\#")


def to_markdown(b: Briefing, base_url: str = "") -> str:
    def line(s: Statement) -> str:
        return _cited(Statement(_escape(s.text), s.key, s.citations, s.when), base_url)

    period = f"{b.since or 'the first report'} to {b.until or 'the latest'}"
    out = [f"# Briefing: {b.names[0]} and {b.names[1]}", ""]
    out.append(
        f"{b.pair[0]}–{b.pair[1]}, {period}: {b.counts['articles']} articles, "
        f"{b.counts['figures']} figures, {b.counts['events']} events, {b.counts['quotes']} quotes."
    )
    summary = "; ".join(line(s) for s in b.summary) + "." if b.summary else ""
    out += ["", "## Summary", "", summary or "Nothing in the knowledge base for this period.", ""]
    out += ["## Key figures", ""] + ([] if b.figures else ["- No figures."])
    for f in b.figures:
        out.append(f"- **{f.label}**, latest: {line(f.latest)}")
        out += [f"  - {line(s)}" for s in f.statements if s is not f.latest]
    out += ["", "## Timeline", ""]
    out += [f"- {s.when or 'undated'}: {line(s)}" for s in b.timeline] or ["- No events."]
    out += ["", "## Disputes", ""]
    out += [f"- {line(d.statement)}  \n  Why: {_escape(d.explanation)}" for d in b.disputes] or [
        "- None found."
    ]
    out += ["", "## Who's who", ""]
    out += [
        f"- **{_escape(p.name)}** ({p.country or '—'}): {line(p.statement)}" for p in b.people
    ] or ["- Nobody named."]
    out += ["", "## Notable quotes", ""]
    out += [f"- {line(s)}" for s in b.quotes] or ["- None."]
    out += ["", "## Sources", ""]
    for s in b.sources:
        where = ", ".join(x for x in (s.outlet, s.published or "undated", s.url) if x)
        out.append(f"{s.number}. {_escape(s.title)} ({where}); document {s.doc}")
    return "\n".join(out) + "\n"
