"""Extract: Document -> facts. The only stage that imports spaCy; spaCy Docs never leave it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from bilateral.extract import (
    candidates,
    compounds,
    context,
    country_names,
    known,
    people,
    speech,
    values,
)
from bilateral.extract.agency import Agency
from bilateral.extract.attribution import Attributor, Person, PersonMention, Speaker
from bilateral.extract.claims import ClaimFinder, CountryMention, Draft
from bilateral.extract.coref import resolve_in_article
from bilateral.extract.events import (
    Article,
    Candidates,
    EventClassifier,
    EventFinder,
    Named,
    Party,
    consolidate,
    modality,
    reference_dates,
    undated_in_month,
)
from bilateral.extract.lexicon import Lexicon
from bilateral.extract.nlp import ModelNotInstalled, Parser, load_pipeline, one_blas_thread
from bilateral.extract.periods import DateMention, find_dates, partial_date
from bilateral.extract.periods.anchor import anchor_date
from bilateral.extract.quotes import QuoteSpan, attribute, find_quotes
from bilateral.extract.subjects import SubjectFinder
from bilateral.model import ArticleEntities, Claim, Document, Event, Quote, content_id


@dataclass(frozen=True)
class _Pending:
    """What the first pass over an article found, for the second."""

    document: Document
    found: ArticleEntities
    paragraphs: list[tuple[int, int]]
    spans: list[QuoteSpan]
    sentences: list[tuple[int, int]]
    attributor: Attributor
    countries: list[CountryMention]
    dyad: tuple[str, ...]
    body: list[tuple[int, int]]
    published: date | None  # or, without one, the day the article dates itself by (anchor)
    dates: list[DateMention]
    article: Article
    candidates: list[Candidates]
    drafts: list[Draft]


def _load_indexes() -> None:
    """The indexes that would otherwise be built on first use (known people, region names,
    the grammar of values and of speech): built with the model, so that a worker is ready when
    it starts and the first batch costs what the others do."""
    known.index()
    candidates.region_pattern()
    values.grammar()
    speech.patterns()


class Extractor:
    """Entities, quotes and claims of each document, resolved within the document.

    Loads its model in __init__ and works in __call__, so the same object runs in-process or as
    a remote actor.
    """

    def __init__(self, model: str, batch_size: int = 32) -> None:
        self.nlp = load_pipeline(model)
        # one dependency parser, for the sentences that need it, sharing the recogniser's words
        self.parser = Parser(model, self.nlp)
        self.lexicon = Lexicon.build(self.nlp)
        self.claims = ClaimFinder()
        self.country_names = {c.name for c in self.lexicon.gazetteer.countries.values()}
        self.agency = Agency(self.parser)
        self.subjects = SubjectFinder(self.parser)
        self.events = EventFinder(self.agency, EventClassifier())
        self.batch_size = batch_size
        _load_indexes()

    def __call__(self, docs: Sequence[Document]) -> list[ArticleEntities]:
        """Two passes over the batch: the first finds what each article may hold and asks for
        the parses it needs; the second reads them, all parsed in one go (the parser works
        twice as fast on many sentences at once as on each alone)."""
        with one_blas_thread():
            parsed = self.nlp.pipe((d.text for d in docs), batch_size=self.batch_size)
            return self._facts(zip(docs, parsed, strict=True))

    def facts_of(self, document: Document, doc: Doc) -> ArticleEntities:
        """The facts of one article whose spaCy Doc is at hand."""
        return self._facts([(document, doc)])[0]

    def _facts(self, pairs: Iterable[tuple[Document, Doc]]) -> list[ArticleEntities]:
        try:
            pending = [self._first(document, doc) for document, doc in pairs]
            self.parser.flush()
            return [self._second(p) for p in pending]
        finally:
            self.parser.clear()

    def entities_of(self, document: Document, doc: Doc) -> ArticleEntities:
        lex, text = self.lexicon, document.text
        found = (
            candidates.from_institutions(text, lex)
            + candidates.from_regions(text)
            + candidates.from_spacy(doc, text, lex)
            + candidates.from_titles_and_descriptors(text, lex)
            + candidates.from_name_heads(text, lex)
            + candidates.from_gazetteer(doc, text, lex)
        )
        merged = context.headlines(context.merge(found, text, lex), text, lex)
        merged = context.portfolios(merged, text, lex)
        context.titled_names(merged, text, lex)
        merged = context.surnames(merged, text, lex)
        merged = context.short_forms(merged, text)
        context.enumerations(merged, text, lex.descriptors)
        context.places_by_position(merged, text)
        context.described_facilities(merged, text, lex)
        merged = context.quoted_titles(merged, text)
        known.retype(merged, text)
        known.place_bodies(merged, text, document.published)
        context.vote_by_surface(merged, text)
        people.attach_roles(merged, text, lex)
        country_names.in_their_time(merged, text, lex, document.published)
        merged = country_names.in_organisations(merged, text, lex)
        merged = compounds.in_compounds(merged, text, lex)
        return resolve_in_article(document.id, text, merged, lex)

    def _first(self, document: Document, doc: Doc) -> _Pending:
        found = self.entities_of(document, doc)
        text = document.text
        by_id = {e.id: e for e in found.entities}
        persons = [
            PersonMention(m.start, m.end, Person(e.id, e.name, e.roles, e.country))
            for m in found.mentions
            if (e := by_id[m.local_entity_id]).type == "PERSON"
        ]
        sources = [(m.start, m.end, m.local_entity_id) for m in found.mentions if m.type == "ORG"]
        paragraphs = [(b.start, b.end) for b in document.blocks]
        spans = find_quotes(text, list(paragraphs))
        sentences = _within_blocks(
            [(s.start_char, s.end_char) for s in doc.sents], paragraphs, text
        )
        attributor = Attributor(
            text,
            persons,
            sources,
            self.lexicon.gazetteer.demonyms,
            [(q.start, q.end) for q in spans],
            paragraphs,
            self.subjects,
            sentences,
        )
        attributor.prepare([(q.start, q.end, q.para_start, q.para_end) for q in spans])
        countries = [
            CountryMention(m.start, m.end, e.country)
            for m in found.mentions
            if (e := by_id[m.local_entity_id]).country and e.type in ("GPE", "NORP")
        ]
        counts = Counter(c.code for c in countries)
        dyad = tuple(code for code, _ in counts.most_common(2))
        body = [(b.start, b.end) for b in document.blocks if b.kind == "body"]
        published = date.fromisoformat(document.published) if document.published else None
        dates = find_dates(text, published)
        if published is None and (anchor := anchor_date(text, dates, sentences)) is not None:
            # the article's own day stands in for the publication date in everything dated
            # from here on; the document itself still has none
            published, dates = anchor, find_dates(text, anchor)
        article = self._article(found, sentences, body, spans, dyad, published, dates, text)
        drafts = self.claims.find(
            text, sentences, body, countries, dyad, published, dates, document.url
        )
        # the figures outside quotes take their speaker from their sentence, whose parse
        # (where one is needed) joins the batch's
        attributor.prepare_sentences(
            list(
                dict.fromkeys((d.start, d.end) for d in drafts if not _inside(d.value.start, spans))
            )
        )
        return _Pending(
            document,
            found,
            paragraphs,
            spans,
            sentences,
            attributor,
            countries,
            dyad,
            body,
            published,
            dates,
            article,
            self.events.candidates(text, article),
            drafts,
        )

    def _second(self, p: _Pending) -> ArticleEntities:
        document, text = p.document, p.document.text
        quotes = attribute(document.id, text, p.spans, p.attributor, p.paragraphs)
        # a sentence with several figures has one speaker: asked once (nothing it reads changes
        # while the claims are made: the quotes are attributed already)
        said: dict[tuple[int, int], Speaker | None] = {}
        claims = [self._claim(document.id, d, quotes, p.attributor, said) for d in p.drafts]
        events = self._events(document, p)
        found = p.found
        return ArticleEntities(
            found.doc_id, found.entities, found.mentions, tuple(claims), tuple(quotes), events
        )

    def _article(
        self,
        found: ArticleEntities,
        sentences: list[tuple[int, int]],
        body: list[tuple[int, int]],
        spans: list[QuoteSpan],
        dyad: tuple[str, ...],
        published: date | None,
        dates: list[DateMention],
        text: str,
    ) -> Article:
        by_id = {e.id: e for e in found.entities}
        countries = self.country_names
        parties = [
            Party(m.start, m.end, e.country)
            for m in found.mentions
            if (e := by_id[m.local_entity_id]).country
            and e.type in ("GPE", "NORP", "PERSON", "ORG")
        ]
        # "U.S.-backed rebels attacked": the rebels act, not the United States
        patrons = tuple(
            p
            for p in parties
            if compounds.patron_of(text, p.end) or compounds.patron_by(text, p.start)
        )
        people = [
            Named(m.start, m.end, m.local_entity_id) for m in found.mentions if m.type == "PERSON"
        ]
        places = [
            Named(m.start, m.end, m.local_entity_id)
            for m in found.mentions
            if m.type in ("GPE", "FAC") and by_id[m.local_entity_id].name not in countries
        ]
        quoted = [(q.start, q.end) for q in spans]
        dates = reference_dates(text, published, dates)
        return Article(
            sentences, body, quoted, parties, people, places, dyad, dates, published, patrons
        )

    def _events(self, document: Document, p: _Pending) -> tuple[Event, ...]:
        text, published = document.text, p.published
        drafts = consolidate(
            self.events.drafts(text, p.article, p.candidates), text, p.sentences, published
        )
        ends = [d.interval.end for d in drafts if d.interval and d.interval.end and not d.planned]
        reference = published or (max(ends) if ends else None)
        out = []
        for d in drafts:
            interval = undated_in_month(d, published)
            start, end = interval.iso() if interval else (None, None)
            out.append(
                Event(
                    id=content_id("v", document.id, d.cue_start, d.type, d.subtype),
                    doc_id=document.id,
                    start=d.start,
                    end=d.end,
                    cue_start=d.cue_start,
                    cue_end=d.cue_end,
                    type=d.type,
                    subtype=d.subtype,
                    date=partial_date(interval),
                    date_start=start,
                    date_end=end,
                    actors=d.actors,
                    targets=d.targets,
                    people=d.people,
                    place=d.place,
                    modality=modality(d, reference),
                    mode=d.mode or None,
                    dyadic=d.dyadic,
                    actor_sector=d.actor_sector,
                    target_sector=d.target_sector,
                    words=d.words,
                )
            )
        return tuple(out)

    @staticmethod
    def _claim(
        doc_id: str,
        d: Draft,
        quotes: list[Quote],
        attributor: Attributor,
        said: dict[tuple[int, int], Speaker | None],
    ) -> Claim:
        inside = next((q for q in quotes if q.start <= d.value.start < q.end), None)
        speaker: Speaker | None
        if inside is not None:
            speaker = (
                Speaker(inside.speaker_id, inside.speaker_text) if inside.speaker_text else None
            )
        else:
            if (d.start, d.end) not in said:
                said[d.start, d.end] = attributor.speaker_of_sentence(d.start, d.end)
            speaker = said[d.start, d.end]
        start, end = d.period.iso() if d.period else (None, None)
        v = d.value
        return Claim(
            id=content_id("c", doc_id, v.start, v.end, d.metric, v.value, v.unit),
            doc_id=doc_id,
            start=d.start,
            end=d.end,
            value_start=v.start,
            value_end=v.end,
            metric=d.metric,
            value=v.value,
            unit=v.unit,
            countries=d.countries,
            from_=d.from_,
            to=d.to,
            period_start=start,
            period_end=end,
            approx=v.approx,
            qualifier=d.qualifier,
            noun=d.noun,
            speaker_id=speaker.local_id if speaker else None,
            source=speaker.text if speaker and not speaker.local_id and speaker.named else None,
            note=v.note,
        )


def _inside(position: int, spans: list[QuoteSpan]) -> bool:
    return any(q.start <= position < q.end for q in spans)


def _within_blocks(
    sentences: list[tuple[int, int]], blocks: list[tuple[int, int]], text: str
) -> list[tuple[int, int]]:
    """Sentences cut at paragraph ends (the sentence recogniser sometimes runs across them) and
    mended after abbreviations: "on Dec." + "22." is one sentence, since none starts in lower
    case or with a figure."""
    out: list[tuple[int, int]] = []
    for s_start, s_end in sentences:
        for b_start, b_end in blocks:
            start, end = max(s_start, b_start), min(s_end, b_end)
            if start >= end:
                continue
            first = text[start:end].lstrip()[:1]
            same_block = bool(out) and out[-1][0] >= b_start
            if same_block and (first.islower() or first.isdigit()):
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
    return out


__all__ = ["Extractor", "ModelNotInstalled", "load_pipeline"]
