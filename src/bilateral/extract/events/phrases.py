"""The verb phrases of the CAMEO dictionary (`data/event_phrases.tsv`): a verb with words before
and after it ("send * troops", "impose * sanctions") names a more specific category than the
verb alone. The words after the verb are looked for in its object: the next words of the text
where the sentence has no parse (`CueFinder._phrase`), the verb's object and oblique phrases
where it has one (`EventFinder._phrased`, from `Syntax.objects`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bilateral.data import EventPhrase

Wanted = tuple[tuple[str, ...], ...]  # words in order, each as its alternatives


def matching(
    phrases: Mapping[str, Sequence[EventPhrase]],
    blocks: Sequence[str],
    before: list[str],
    after: list[str],
    only: frozenset[str] | None = None,
    particles: frozenset[str] | None = None,
) -> tuple[str, str] | None:
    """(category, mode) of the first phrase that holds: the phrases of every block the verb is
    listed in, its own block's first, each block's longest first. With `only` (the
    prepositions), a verb of no event of its own needs a noun to name one: "exports to" is not
    an event, "exports weapons" is. With `particles` (the prepositions, where `after` is the
    verb's object by the parse), a phrase of prepositions alone holds only where they open the
    object: "called on X" is a request, "called X on Friday" is not."""
    # a phrase whose first word after (or before) the verb is nowhere in the words cannot
    # hold (`in_order` would look for it in vain): turned away by one lookup each
    present, ahead = set(after), set(before)
    for block in blocks:
        for p in phrases.get(block, ()):
            if (p.after and present.isdisjoint(p.after[0])) or (
                p.before and ahead.isdisjoint(p.before[0])
            ):
                continue
            if only is not None and all(set(w) <= only for w in (*p.before, *p.after)):
                continue
            words = after
            if particles is not None and p.after and all(set(w) <= particles for w in p.after):
                words = after[: len(p.after)]
            if in_order(p.after, words) and in_order(p.before, before):
                return p.type, p.mode
    return None


def in_order(wanted: Wanted, words: Sequence[str]) -> bool:
    at = 0
    for alternatives in wanted:
        while at < len(words) and words[at] not in alternatives:
            at += 1
        if at == len(words):
            return False
        at += 1
    return True
