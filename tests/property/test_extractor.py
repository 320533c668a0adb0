"""The extractor as a whole, over text nobody wrote for it: it never raises, every span lies
inside the text with its words, mention spans and ids are unique, and ids are stable."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bilateral.extract import Extractor
from bilateral.model import Block, Document
from bilateral.model.invariants import normalise

# Pieces of news-like text that have broken extractors: wire copy in capitals, titles without
# names, quotes nested, unbalanced or curly, figures everywhere, names repeated, other scripts.
PIECES = [
    "PRESIDENT SAYS TALKS WITH NORWAY WILL RESUME",
    "U.S. URGING JAPAN TO CUT 15 PCT TARIFF ON 300 MLN DLRS OF GOODS",
    "The President said.",
    "The Minister of Foreign Affairs and the Ambassador met.",
    "Deputy Administrator Helen Marsh said.",
    "Marsh said Marsh and Marsh met Marsh.",
    "“He said ‘we will “never” agree’,” she said.",
    '"Unbalanced quote starts here and never ends.',
    "”Closing first“ then opening.",
    "'single' \"double\" “curly” «guillemets»",
    "Trade rose 12.5% to $4.2 billion in 2021, up from 3bn won and 7 mln dlrs.",
    "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 %% $$ ¥ € £ 1,000,000,000",
    "On Wednesday, April 17, by the end of 2022, in the first quarter, so far this year.",
    "Kenya and Tanzania signed an agreement in Nairobi; Kenyan President Amina Odhiambo said.",
    "The Peruvian Consulate General in Osaka and the Embassy of Chile.",
    "Moon Jae- in and Qasym- Jomart Toqayev met Lee Hsien-loong.",
    "Ελλάδα και Τουρκία · 中国和日本 · Россия и Казахстан · العربية",
    "ẞtraße İstanbul ﬁsh ŉ",
    "\u200b\u200d\ufeff zero-width and BOM",
    "—-–‐ dashes; semicolons; colons: brackets (( )) [[",
    "",
]

paragraphs = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=80)), min_size=1, max_size=8
).map(" ".join)
articles = st.lists(paragraphs, min_size=1, max_size=5).map("\n\n".join)


def _document(text: str) -> Document:
    blocks, at = [], 0
    for part in text.split("\n\n"):
        if part:
            blocks.append(Block(at, at + len(part), "body"))
        at += len(part) + 2
    return Document("dtest", "test.txt", text, tuple(blocks), published="2022-12-29")


def _check(extractor: Extractor, text: str) -> None:
    (found,) = extractor([_document(text)])
    assert normalise(text, found).dropped == ()
    for kind in (found.entities, found.claims, found.quotes, found.events):
        ids = [x.id for x in kind]
        assert len(ids) == len(set(ids))
    (again,) = extractor([_document(text)])
    assert again == found  # stable ids: the same text gives the same records


@settings(max_examples=60)
@given(articles)
@example("Officials of the Peruvian Consulate General met traders in Osaka on Monday.")
@example(
    "Tariffs could become more harmful, Canadian Department of Energy Deputy "
    "Administrator Helen Marsh said.\n\nMarsh said her visit ends tomorrow."
)
def test_the_extractor_never_raises_and_keeps_its_invariants(
    extractor: Extractor, text: str
) -> None:
    _check(extractor, text)


def test_a_50_kb_paragraph(extractor: Extractor) -> None:
    text = " ".join(PIECES[i % len(PIECES)] for i in range(2000))[:50_000]
    _check(extractor, text)
