"""Build two knowledge files from the PETRARCH2 dictionaries (Open Event Data Alliance, MIT):

- src/bilateral/data/people.tsv: people of the Phoenix country actors file with the country
  they served and their dated roles (to 2015), so a person an article names without a country
  gets one, and a name the tagger typed as an organisation is known to be a person. Phoenix
  files Soviet leaders under RUS; a person all of whose dated roles ended by the day a historical
  state of countries.tsv ceased to exist, in the country that took over its capital, served
  that state: Gorbachev is SUN, not RUS (the export contract's code for the Soviet Union).
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


def people(path: Path) -> list[tuple[str, str, list[str], list[str]]]:
    """(name, country, aliases, roles) of each person entry: a name of two words or more whose
    codes all carry a sector (a country's own entry has a bare three-letter code), one of them
    dated (the entries of bodies are undated)."""
    entries: list[tuple[str, list[str], list[tuple[str, str, str]]]] = []
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
    out = []
    for head, aliases, codes in entries:
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
    print(f"people.tsv: {len(rows)} people; agents.tsv: {len(nouns)} nouns")


if __name__ == "__main__":
    main()
