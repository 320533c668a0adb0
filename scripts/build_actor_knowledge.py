"""Build three knowledge files from the PETRARCH2 dictionaries (Open Event Data Alliance, MIT):

- src/bilateral/data/people.tsv: people of the Phoenix country actors file with the country
  they served and their dated roles (to 2015), so a person an article names without a country
  gets one, and a name the tagger typed as an organisation is known to be a person. Phoenix
  files Soviet leaders under RUS; a person all of whose dated roles ended by the day a historical
  state of countries.tsv ceased to exist, in the country that took over its capital, served
  that state: Gorbachev is SUN, not RUS (the export contract's code for the Soviet Union).
- src/bilateral/data/bodies.tsv: the state bodies of the Phoenix country actors file and the
  names they go by ("Kremlin", "Pentagon", "Knesset", "Inter-Services Intelligence"), with their
  country and sectors, so an organisation an article names without a country gets its own.
- src/bilateral/data/agents.tsv: the one-word agent nouns of Phoenix.agents.txt ("farmer",
  "senator", "spokesman") with their CAMEO sector, the nouns "the ... said" can stand on for a
  person.

    python scripts/build_actor_knowledge.py [--petrarch DIR]

Deterministic: the same input files give the same output, sorted.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from bilateral import data

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "third_party" / "petrarch2"
DATA = ROOT / "src" / "bilateral" / "data"
CODE = re.compile(r"\[(?P<code>[A-Z]{3}[A-Z]*)(?:\s+(?P<start>\d{6})?-(?P<end>\d{6})?)?\]")
# Particles written in lower case inside a name.
PARTICLES = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "van", "von"}
PARTICLES |= {"of", "the", "and", "for"}
# Agent nouns that name groups or bodies rather than a person.
GROUP_ENDINGS = ("ry", "tion", "ment", "ship", "hood", "ism", "ty", "ce", "cy")


def _date(yymmdd: str | None) -> str:
    if not yymmdd:
        return ""
    year = int(yymmdd[:2])
    century = 1900 if year > 30 else 2000
    return f"{century + year:04d}-{yymmdd[2:4]}-{yymmdd[4:6]}"


def _name(token: str) -> str:
    words = [w for w in token.strip().rstrip("_").split("_") if w]
    out = []
    for i, w in enumerate(words):
        lower = w.lower()
        if i and lower in PARTICLES:
            out.append(lower)
        elif i and re.fullmatch(r"[IVX]+", w):
            out.append(w)  # a regnal number: "Abdullah II"
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def _predecessors() -> dict[str, data.Country]:
    """Successor code -> the historical state whose capital it took over (RUS -> SUN)."""
    gaz = data.gazetteer()
    out: dict[str, data.Country] = {}
    for form, states in gaz.former_capitals.items():
        for state in states:
            out.setdefault(gaz.places[form].country, state)
    return out


def served(country: str, codes: list[tuple[str, str, str]]) -> str:
    """The historical state a person served, when every dated role ended by the day it ceased
    to exist (and its successor is the person's country), else the country."""
    state = _predecessors().get(country)
    dated = [(s, e) for _, s, e in codes if s or e]
    if state is None or not dated:
        return country
    return state.code if all(e and e <= state.ended for _, e in dated) else country


Entry = tuple[str, list[str], list[tuple[str, str, str]]]


def actor_entries(path: Path) -> list[Entry]:
    """(head, aliases, codes) of each entry of a Phoenix actors file, a code being (code, start,
    end) with its dates as ISO days, empty where the file gives none."""
    entries: list[Entry] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = [(m["code"], _date(m["start"]), _date(m["end"])) for m in CODE.finditer(line)]
        head = CODE.sub("", line).strip()
        if raw[:1].isalpha():
            entries.append((head, [], codes))
        elif entries and head.startswith("+"):
            entries[-1][1].append(head[1:])
        elif entries:
            entries[-1][2].extend(codes)
    return entries


def people(path: Path) -> list[tuple[str, str, list[str], list[str]]]:
    """(name, country, aliases, roles) of each person entry: a name of two words or more whose
    codes all carry a sector (a country's own entry has a bare three-letter code), one of them
    dated (the entries of bodies are undated)."""
    out = []
    for head, aliases, codes in actor_entries(path):
        name = _name(head)
        if len(name.split()) < 2 or not codes or any(len(c) <= 3 for c, _, _ in codes):
            continue
        if not any(s or e for _, s, e in codes):
            continue  # bodies have undated codes; a person's roles have dates
        latest = max(codes, key=lambda c: (c[2] or "9999", c[1]))
        country = latest[0][:3]
        if not country.isalpha() or country in ("IGO", "NGO", "MNC"):
            continue
        country = served(country, codes)
        roles = [f"{c[3:] or c}:{s}/{e}" for c, s, e in codes]
        alias_names = sorted({_name(a) for a in aliases} - {name})
        out.append((name, country, alias_names, roles))
    names = Counter(p[0] for p in out)
    return sorted(p for p in out if names[p[0]] == 1)  # a name two people bear says nothing


# CAMEO sectors of a state's own bodies: government, armed forces, legislature, courts,
# police, intelligence; a code of only other sectors (a territory: FRAMTQ) is not a body
STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
SECTORS = STATE_SECTORS | {"REB", "OPP", "PTY", "ELI", "BUS", "DEV", "LAB", "MED", "EDU", "HLH"}


def generic_agents(path: Path) -> set[str]:
    """The names Phoenix.agents.txt gives to kinds of agents ("Senate", "Department of
    Defense", "Cabinet"), folded: every state has one, so the name says no state."""
    found = set()
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        match = re.match(r"^([A-Z][A-Z_'-]*)\s*(?:\{([^}]*)\})?", raw.split("#", 1)[0])
        if match:
            for form in (match[1], *(match[2] or "").split()):
                found.add(_name(form).lower())
    return found


def bodies(path: Path, generic: set[str]) -> list[tuple[str, str, str]]:
    """(name, country, sectors) of each undated entry (a body, not a person's dated roles)
    whose codes name one country and a sector of the state, under each name it goes by. A
    name of two countries' bodies, or that the agents file gives to a kind of agent, says
    nothing and is left out."""
    found: dict[str, tuple[str, str]] = {}
    clashing: set[str] = set()
    for head, aliases, dated_codes in actor_entries(path):
        if any(start or end for _, start, end in dated_codes):
            continue  # a person's roles are dated; a body's codes are not
        codes = [code for code, _, _ in dated_codes]
        if not codes or len({c[:3] for c in codes}) != 1:
            continue
        parts = {c[i : i + 3] for c in codes for i in range(3, len(c), 3)}
        if not parts & STATE_SECTORS or not parts <= SECTORS or not codes[0][:3].isalpha():
            continue
        sectors = "|".join(sorted(parts & STATE_SECTORS))
        for name in {_name(n) for n in (head, *aliases)}:
            if not re.search(r"[A-Za-z]{3}", name) or name.lower() in generic:
                continue
            if name in found and found[name][0] != codes[0][:3]:
                clashing.add(name)
            found.setdefault(name, (codes[0][:3], sectors))
    return sorted((n, c, s) for n, (c, s) in found.items() if n not in clashing)


def agents(path: Path) -> list[tuple[str, str]]:
    found: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        match = re.match(r"^(?P<word>[A-Z][A-Z-]+)\s*\[~(?P<sector>[A-Z]+)\]", line)
        if not match:
            continue
        word = match["word"].lower()
        if word.endswith(GROUP_ENDINGS) or len(word) < 4:
            continue
        found.setdefault(word, match["sector"])
    return sorted(found.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--petrarch", type=Path, default=DEFAULT)
    args = parser.parse_args()
    rows = people(args.petrarch / "Phoenix.Countries.actors.txt")
    with (DATA / "people.tsv").open("w", encoding="utf-8") as out:
        out.write(
            "# name\tcountry\taliases (|)\troles: CAMEO sector:start/end (|)\n"
            "# Built by scripts/build_actor_knowledge.py from PETRARCH2 Phoenix.Countries.actors"
            ".txt (Open Event Data Alliance, MIT). Do not edit by hand.\n"
        )
        for name, country, aliases, roles in rows:
            out.write(f"{name}\t{country}\t{'|'.join(aliases)}\t{'|'.join(roles)}\n")
    generic = generic_agents(args.petrarch / "Phoenix.agents.txt")
    body_rows = bodies(args.petrarch / "Phoenix.Countries.actors.txt", generic)
    with (DATA / "bodies.tsv").open("w", encoding="utf-8") as out:
        out.write(
            "# name\tcountry\tsectors (|)\n"
            "# Built by scripts/build_actor_knowledge.py from PETRARCH2 Phoenix.Countries.actors"
            ".txt (Open Event Data Alliance, MIT): bodies of a state. Do not edit by hand.\n"
        )
        for name, country, sectors in body_rows:
            out.write(f"{name}\t{country}\t{sectors}\n")
    nouns = agents(args.petrarch / "Phoenix.agents.txt")
    with (DATA / "agents.tsv").open("w", encoding="utf-8") as out:
        out.write(
            "# noun\tsector\n"
            "# Built by scripts/build_actor_knowledge.py from PETRARCH2 Phoenix.agents.txt (Open "
            "Event Data Alliance, MIT): one-word nouns for a person of a CAMEO sector. Do not "
            "edit by hand.\n"
        )
        for word, sector in nouns:
            out.write(f"{word}\t{sector}\n")
    print(
        f"people.tsv: {len(rows)} people; bodies.tsv: {len(body_rows)} names; "
        f"agents.tsv: {len(nouns)} nouns"
    )


if __name__ == "__main__":
    main()
