"""Roles and countries of people, from the titles written before or beside their names."""

from __future__ import annotations

import re

from bilateral.extract.candidates import Candidate
from bilateral.extract.lexicon import Lexicon


def describe(match: re.Match[str], lex: Lexicon) -> tuple[str | None, str | None]:
    """The role a title chain gives ("Ambassador of Brazil to Nigeria") and the country
    the person serves, from a demonym, a possessive or an "of" country."""
    title = lex.titles.get(match.group("title")) or lex.titles.get(match.group("title").lower())
    if title is None or title.kind == "honorific":
        return None, None
    owner = lex.country_of(match.group("owner"))
    role, country = title.role, owner
    if owner:
        role += f" of {lex.gazetteer.country_name(owner)}"
    for scope in lex.scope.finditer(match.group("scopes") or ""):
        target = scope.group("target")
        code = lex.country_of(target)
        name = lex.gazetteer.country_name(code) if code else target
        if scope.group("prep") == "to":
            role += f" to {name}"
        elif not (owner and code == owner):
            role += f" {scope.group('prep')} {name}"
            if code and country is None and scope.group("prep") in ("of", "for"):
                country = code
    return role, country


def attach_roles(cands: list[Candidate], text: str, lex: Lexicon) -> None:
    for c in cands:
        if c.label != "PERSON":
            continue
        window, following = text[max(0, c.start - 90) : c.start], text[c.end : c.end + 120]
        before = lex.title_before.search(window) if lex.writes_a_title(window) else None
        after = lex.title_after.match(following) if lex.writes_a_title(following) else None
        if (
            before
            and lex.title(before.group("title")).kind == "regnal"
            and not before.group("scopes")
        ):
            c.start -= len(before.group(0))  # "Pope" + "Francis": the title is part of the name
        for match in (before, after):
            if match is None:
                continue
            role, country = describe(match, lex)
            if role and role not in c.roles:
                c.roles.append(role)
            c.country = country or c.country  # a title says more than a word glued before
