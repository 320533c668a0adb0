"""Extract: Document -> facts. The only stage that imports spaCy; spaCy Docs never leave it."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from bilateral.extract import candidates, context, people
from bilateral.extract.coref import resolve_in_article
from bilateral.extract.lexicon import Lexicon
from bilateral.extract.nlp import ModelNotInstalled, load_pipeline
from bilateral.model import ArticleEntities, Document


class EntityExtractor:
    """Named entities of each document, resolved within the document.

    Loads its model in __init__ and works in __call__, so the same object runs in-process or as
    a remote actor.
    """

    def __init__(self, model: str, batch_size: int = 32) -> None:
        self.nlp = load_pipeline(model)
        self.lexicon = Lexicon.build(self.nlp)
        self.batch_size = batch_size

    def __call__(self, docs: Sequence[Document]) -> list[ArticleEntities]:
        texts = (d.text for d in docs)
        parsed = self.nlp.pipe(texts, batch_size=self.batch_size)
        return [self.entities_of(d, sp) for d, sp in zip(docs, parsed, strict=True)]

    def entities_of(self, document: Document, doc: Doc) -> ArticleEntities:
        lex, text = self.lexicon, document.text
        found = (
            candidates.from_institutions(text, lex)
            + candidates.from_spacy(doc, text, lex)
            + candidates.from_titles_and_descriptors(text, lex)
            + candidates.from_name_heads(text, lex)
            + candidates.from_gazetteer(doc, lex)
        )
        merged = context.merge(found)
        context.titled_names(merged, text, lex)
        merged = context.surnames(merged, text, lex)
        context.enumerations(merged, text, lex.descriptors)
        context.places_by_position(merged, text)
        context.described_facilities(merged, text, lex)
        merged = context.quoted_titles(merged, text)
        context.vote_by_surface(merged, text)
        people.attach_roles(merged, text, lex)
        return resolve_in_article(document.id, text, merged, lex)


__all__ = ["EntityExtractor", "ModelNotInstalled", "load_pipeline"]
