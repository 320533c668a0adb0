"""Build the event verb lexicon from PETRARCH2's CAMEO verb dictionary and the CAMEO-to-PLOVER
conversion table.

    python scripts/build_event_lexicon.py [--shared ../shared]

Reads  third_party/petrarch2/CAMEO.2.0.txt        (Open Event Data Alliance, MIT)
       third_party/plover/CAMEO2PLOVER-2021.txt    (PLOVER project, public)
       src/bilateral/data/plover_manual.tsv        (ours: where the PLOVER manual differs)
       third_party/petrarch2/Phoenix.agents.txt   (Open Event Data Alliance, MIT)
Writes src/bilateral/data/event_verbs.tsv     every written form of a verb -> its PLOVER category
       src/bilateral/data/event_phrases.tsv   verb + object words -> a more specific category
       src/bilateral/data/event_agents.tsv    agent nouns (protesters, police) -> their sectors

Choices (documented in data/README.md):
- CAMEO 01 (public statements) has no PLOVER category and is left out.
- CAMEO 02 (appeal) is not in the conversion table; it mirrors CAMEO 10 (demand) code for code
  (021 appeal for material cooperation ~ 101 demand it), so 02x is converted as 10x: REQUEST.
- A code missing from the table takes its parent's conversion (0312 -> 031).
- Where the PLOVER manual codes an act otherwise than the table (apology: CONCEDE, not
  SUPPORT; a court's conviction: SANCTION; an actual withdrawal: RETREAT), the manual wins:
  data/plover_manual.tsv lists those codes and verbs, with the manual's section for each.
- A verb with no code of its own takes its block's code; a block without one ("---") gives no
  event unless one of its phrases does: its verbs are written with the category "-".
- A form listed in several blocks ("pull out" under both withdraw and back down) keeps the
  category of the first block that codes it (a block of phrases only gives way to a later
  block with a code), and the phrases of every block it is listed in are tried, its first
  block's first (column "also" of event_verbs.tsv).
- Regular inflections are generated (-s, -ed, -ing); irregular forms come from the dictionary.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "bilateral" / "data"
VOWELS = set("aeiou")
PHRASE_ONLY = "-"  # the category of a verb that names an event only through a phrase


def plover_table(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER category, mode)."""
    table: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,]*)", line)
        if m:
            code, category, mode = m.group(1), m.group(2), m.group(3).strip()
            table.setdefault(code, (category, mode.replace(" ", "")))
    return table


Table = dict[str, tuple[str, str]]


def manual_table(path: Path) -> Table:
    """CAMEO code or "verb:" + verb -> (PLOVER category, mode) as the PLOVER manual codes it."""
    table: Table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        key, category, mode = [*line.split("\t"), "", ""][:3]
        table[key.strip()] = (category.strip(), mode.strip())
    return table


def convert(code: str, table: Table, manual: Table | None = None) -> tuple[str, str] | None:
    """The PLOVER category of a CAMEO code: the manual's where it differs, else the table's;
    a code without a row of its own takes its parent's."""
    code = code.split(":", 1)[0].strip()
    if not code.isdigit() or code.startswith("01") or code == "---":
        return None
    if code.startswith("02"):
        code = "10" + code[2:]
    manual = manual or {}
    while len(code) >= 3:
        if code in manual:
            return manual[code]
        if code in table:
            return table[code]
        code = code[:-1]
    return None


def inflect(word: str) -> set[str]:
    """The regular forms of an English verb."""
    forms = {word}
    if re.search(r"(?:s|x|z|ch|sh)$", word):
        forms.add(word + "es")
    elif re.search(r"[^aeiou]y$", word):
        forms.add(word[:-1] + "ies")
    else:
        forms.add(word + "s")
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    elif re.search(r"[^aeiou]y$", word):
        forms |= {word[:-1] + "ied", word + "ing"}
    else:
        forms |= {word + "ed", word + "ing"}
        # one short syllable ending consonant-vowel-consonant doubles: stop, stopped
        if re.search(r"^[^aeiou]*[aeiou][bdgklmnprt]$", word):
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def plural(phrase: str) -> str:
    """PETRARCH's regular plural of a synset phrase (dictionaries.rst): -ss -> -sses, a final
    y -> -ies, else -s."""
    if phrase.endswith("ss"):
        return phrase + "es"
    if phrase.endswith("y"):
        return phrase[:-1] + "ies"
    return phrase + "s"


def synsets(lines: list[str]) -> dict[str, list[str]]:
    """Synset label -> its phrases, with the regular plurals PETRARCH generates for them
    unless the phrase or the label ends with "_"."""
    sets: dict[str, list[str]] = {}
    current: str | None = None
    singular_only = False
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if line.startswith("&"):
            current = line.strip()
            singular_only = line.strip().endswith("_")
            sets[current] = []
        elif current and line.startswith("+"):
            member = line[1:].strip()
            phrase = member.rstrip("_").replace("_", " ").lower()
            sets[current].append(phrase)
            if phrase and not (singular_only or member.endswith("_")):
                sets[current].append(plural(phrase))
        elif not line.strip():
            continue
        else:
            current = None
    return sets


def _words(part: str, sets: dict[str, list[str]]) -> list[str]:
    """Pattern words as alternatives: "{AIR RAIDS}" -> ["air", "raids"]; "&WEAPON" -> one
    token "gun|rifle|..."."""
    out: list[str] = []
    for token in re.sub(r"[{}()]", " ", part).split():
        if token.startswith("&"):
            members = sets.get(token, [])
            heads = sorted({m.split()[-1] for m in members if m})
            if heads:
                out.append("|".join(heads))
        elif token not in ("*", "-") and re.match(r"^[A-Z][A-Z'-]*_?$", token):
            out.append(token.rstrip("_").lower())
    return out


def blocks(lines: list[str]) -> Iterator[tuple[str, list[str], list[str]]]:
    """(block code, verb lines, pattern lines) of every verb block."""
    code, verbs, patterns = "", [], []  # type: ignore[var-annotated]
    started = False
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        head = re.match(r"^---\s+\S+\s+\[([^\]]*)\]\s+---", line)
        if head:
            if started:
                yield code, verbs, patterns
            code, verbs, patterns, started = head.group(1), [], [], True
        elif started and line.startswith("- "):
            patterns.append(line)
        elif started and line.strip() and not line.startswith("&"):
            verbs.append(line.strip())
    if started:
        yield code, verbs, patterns


def build(shared: Path) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    table = plover_table(shared / "third_party" / "plover" / "CAMEO2PLOVER-2021.txt")
    manual = manual_table(DATA / "plover_manual.tsv")
    lines = (shared / "third_party" / "petrarch2" / "CAMEO.2.0.txt").read_text(
        encoding="utf-8", errors="replace"
    )
    all_lines = lines.splitlines()
    sets = synsets(all_lines)
    verbs: dict[str, tuple[str, ...]] = {}
    blocks_of: dict[str, list[str]] = {}  # form -> every block it is listed in, in order
    phrases: dict[tuple[str, str, str], tuple[str, ...]] = {}
    for block_code, verb_lines, pattern_lines in blocks(all_lines):
        bases: list[str] = []
        block = ""
        for vline in verb_lines:
            m = re.match(r"^\+?([A-Z][A-Z_'-]*)\s*(\{[^}]*\})?\s*(?:\[([^\]]*)\])?", vline)
            if not m:
                continue
            base = m.group(1).strip("_").replace("_", " ").lower()
            if not base:
                continue
            bases.append(base)
            block = block or base  # the block's first verb names its phrases
            code = m.group(3) or block_code
            conv = convert(code, table, manual)
            own_block = block
            if not m.group(3) and f"verb:{base}" in manual:
                # a verb the manual puts outside its block: its category, and not the block's
                # phrases ("ratify" sits among CAMEO's verbs of yielding, whose "* treaty" is
                # AGREE; the manual's SUPPORT is for ratifying treaties)
                conv, own_block = manual[f"verb:{base}"], base
            forms: set[str] = set()
            first, _, rest = base.partition(" ")
            forms |= {(f + " " + rest).strip() for f in inflect(first)}
            if m.group(2):
                forms |= {
                    f.strip("+_").replace("_", " ").lower()
                    for f in m.group(2).strip("{}").split()
                    if f.strip("+_")
                }
            # a verb without a code of its own in a block without one ("---": send, ship,
            # deploy, deliver) still names an event through its block's phrases ("send
            # troops", "ship weapons"): it is kept with the category PHRASE_ONLY. A verb of
            # public statement (01x: say, announce) is left out: what it reports is an event
            # of its own, coded by its own verb
            if not conv and code.split(":")[0].strip() != "---":
                continue
            row = (base, own_block, code.split(":")[0], *(conv or (PHRASE_ONLY, "")))
            for form in forms:
                if form not in verbs or (conv and verbs[form][4] == PHRASE_ONLY):
                    verbs[form] = (form, *row)
                if own_block not in blocks_of.setdefault(form, []):
                    blocks_of[form].append(own_block)
        for pline in pattern_lines:
            m = re.match(r"^-\s+(.*?)\s*\[([^\]]*)\]", pline)
            if not m or "*" not in m.group(1):
                continue
            conv = convert(m.group(2), table, manual)
            if not conv:
                continue
            before, _, after = m.group(1).partition("*")
            pre, post = " ".join(_words(before, sets)), " ".join(_words(after, sets))
            if not (pre or post):
                continue
            if block:
                key = (block, pre, post)
                phrases.setdefault(key, (block, pre, post, m.group(2).split(":")[0], *conv))
    # a form listed in several blocks ("pull out": withdraw and back down) keeps the category of
    # the row above, and the phrases of every block it is in: the other blocks in column 7
    rows = [
        (*row, "|".join(b for b in blocks_of[form] if b != row[2])) for form, row in verbs.items()
    ]
    return sorted(rows), sorted(phrases.values())


def agents(shared: Path) -> list[tuple[str, str]]:
    """Agent nouns, singular and plural, with their sector codes (CAMEO's, which PLOVER keeps:
    ~OPPEDU is OPP and EDU)."""
    path = shared / "third_party" / "petrarch2" / "Phoenix.agents.txt"
    subs: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        sub = re.match(r"^(![A-Z]+!)\s*=\s*(.*)$", line)
        if sub:
            subs[sub.group(1)] = [w.strip().lower() for w in sub.group(2).split(",")]
            continue
        m = re.match(r"^([A-Z][A-Z_'!-]*?)\s*(?:\{[^}]*\})?\s*\[~([A-Z]+)\]", line)
        if not m or len(m.group(2)) % 3:
            continue
        sectors = "|".join(m.group(2)[i : i + 3] for i in range(0, len(m.group(2)), 3))
        phrase = m.group(1).strip("_").replace("_", " ").lower()
        forms = [phrase]
        for key, words in subs.items():
            if key.lower() in phrase:
                forms = [phrase.replace(key.lower(), w) for w in words]
        for form in forms:
            if "!" in form or "," in form:
                continue
            plural = re.sub(r"(?:(?<=[^aeiou])y)$", "ie", form) + (
                "es" if form.endswith(("s", "x", "ch", "sh")) else "s"
            )
            for f in (form, plural if not form.endswith("men") else form):
                out.setdefault(f, sectors)
    return sorted(out.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    verbs, phrases = build(args.shared)
    source = "# Built by scripts/build_event_lexicon.py from PETRARCH2 CAMEO.2.0.txt (MIT) and\n"
    source += "# PLOVER CAMEO2PLOVER-2021.txt; do not edit by hand, run the script again.\n"
    (DATA / "event_verbs.tsv").write_text(
        "# form\tverb\tblock\tcameo\ttype\tmode\talso\n"
        + source
        + "# also: the other blocks the form is listed in, whose phrases it takes as well\n"
        + "".join("\t".join(row) + "\n" for row in verbs),
        encoding="utf-8",
    )
    (DATA / "event_phrases.tsv").write_text(
        "# block\tbefore\tafter\tcameo\ttype\tmode\n"
        + source
        + "# block: the first verb of a CAMEO verb block; its phrases hold for every verb of it\n"
        + "# before/after: words that must come before/after the verb, in order; a|b = either\n"
        + "".join("\t".join(row) + "\n" for row in phrases),
        encoding="utf-8",
    )
    agent_rows = agents(args.shared)
    (DATA / "event_agents.tsv").write_text(
        "# noun\tsectors\n"
        + "# Built by scripts/build_event_lexicon.py from PETRARCH2 Phoenix.agents.txt (MIT);\n"
        + "# sectors are CAMEO's three-letter codes, which PLOVER keeps (GOV, MIL, COP, OPP...).\n"
        + "".join(f"{noun}\t{sectors}\n" for noun, sectors in agent_rows),
        encoding="utf-8",
    )
    print(f"{len(verbs)} verb forms, {len(phrases)} phrases, {len(agent_rows)} agent nouns")


if __name__ == "__main__":
    main()
