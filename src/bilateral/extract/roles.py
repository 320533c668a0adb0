"""Words that stand for a person by the office the person holds: "the minister said"."""

from __future__ import annotations

# Words that name a role in place of a person, the role words they stand for, and the roles
# they do not stand for (a prime minister is not "the minister").
ROLE_NOUNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ambassador": (("Ambassador", "Envoy"), ()),
    "envoy": (("Ambassador", "Envoy"), ()),
    "diplomat": (("Ambassador", "Envoy", "Consul"), ()),
    "president": (("President",), ("Vice President", "Vice-President")),
    "head of state": (("President", "King", "Emir", "Head of State"), ()),
    "leader": (("President", "Prime Minister", "King", "Chancellor", "Premier"), ()),
    "prime minister": (("Prime Minister",), ()),
    "premier": (("Premier", "Prime Minister"), ()),
    "minister": (("Minister", "Secretary"), ("Prime Minister",)),
    "secretary": (("Secretary", "Minister"), ()),
    "foreign minister": (("Minister of Foreign Affairs", "Foreign Minister"), ()),
    "governor": (("Governor",), ()),
    "mayor": (("Mayor",), ()),
    "senator": (("Senator",), ()),
    "chairman": (("Chairman", "Chair"), ()),
    "spokesman": (("Spokesperson", "Spokesman", "Spokeswoman"), ()),
    "spokeswoman": (("Spokesperson", "Spokesman", "Spokeswoman"), ()),
    "spokesperson": (("Spokesperson", "Spokesman", "Spokeswoman"), ()),
    "consul": (("Consul",), ()),
}


def holds(roles: tuple[str, ...], role_noun: str, modifiers: tuple[str, ...]) -> bool:
    wanted, unwanted = ROLE_NOUNS[role_noun]
    fitting = [
        r for r in roles if any(w in r for w in wanted) and not any(u in r for u in unwanted)
    ]
    if not fitting:
        return False
    # "the trade minister": a minister whose role names trade, when any role names anything
    return not modifiers or any(m.lower() in r.lower() for r in fitting for m in modifiers)
