"""The ``conflict_article`` component: finds the article body, title and dateline in a Doc,
and marks paragraph breaks as sentence starts for the parser."""

from __future__ import annotations

from datetime import date
from typing import Optional

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from ..components import ConflictComponent
from ..extensions import STORE_KEY, add_error, doc_text, token_offsets
from .boilerplate import find_layout
from .sources import prose_problem

SENTENCE_END = {".", "!", "?", "”", "\"", "’", "»"}


def mark_paragraph_starts(doc: Doc, every_line: bool = False) -> None:
    """Start a sentence after every blank line, and after a line break that follows a
    sentence-final mark. The parser keeps these boundaries; without them it runs a headline
    on into the next paragraph ("Moscow says ..., warns attack affects peace talks" became a
    clause of the quote below it). A single line break after anything else may be a hard wrap
    inside a sentence, so it is left to the parser, except in text extracted from HTML
    (``every_line``), where each line is a paragraph."""
    text = doc_text(doc)
    if "\n" not in text:
        return
    starts, ends = token_offsets(doc)
    previous = -1  # the last token that is not whitespace
    for i, space in enumerate(doc.to_array(IS_SPACE).tolist()):
        if space:
            continue
        # the line breaks between two words are in the space tokens between them (a token's
        # own trailing whitespace is one space at most)
        if previous >= 0:
            newlines = text.count("\n", ends[previous], starts[i])
            if newlines and (every_line or newlines >= 2 or text[starts[previous] : ends[previous]] in SENTENCE_END):
                doc[i].is_sent_start = True
        previous = i


class ArticleComponent(ConflictComponent):
    """Sets ``doc._.body`` (unless the caller already did), and ``title``, ``published`` and
    ``source`` (the outlet the page names) from the text where the caller gave none; with ``paragraph_sentences``, starts
    a sentence at each paragraph break (``mark_paragraph_starts``)."""

    def __init__(self, nlp: Language, name: str, paragraph_sentences: bool = True):
        super().__init__(nlp, name)
        self.paragraph_sentences = paragraph_sentences

    def process(self, doc: Doc) -> None:
        problem = prose_problem(doc_text(doc))
        if problem:
            # an empty body: no component extracts from text that is not prose
            add_error(doc, problem)
            doc._.body = (0, 0)
            return
        if self.paragraph_sentences and not doc.has_annotation("DEP"):
            # a Doc parsed already (run through the pipeline again) keeps its sentences
            mark_paragraph_starts(doc, every_line=bool(doc.user_data.get(STORE_KEY, {}).get("line_paragraphs")))
        layout = find_layout(doc_text(doc))
        if doc._.body is None:
            doc._.body = layout.body
        if doc._.title is None and layout.title is not None:
            doc._.title = layout.title.text
        if doc._.source is None and layout.outlet is not None:
            doc._.source = layout.outlet.text
        if doc._.published is None and layout.published is not None:
            doc._.published = layout.published
            doc._.published_from = "dateline"
        if layout.updated is not None:
            # read by the dates component: a weekday in an article updated after publication
            doc.user_data.setdefault(STORE_KEY, {})["updated"] = layout.updated
        fallback = doc.user_data.get(STORE_KEY, {}).get("published_fallback")
        if doc._.published is None and layout.wire_day is not None:
            published, problem = wire_published(layout.wire_day, layout.year, fallback)
            if published:
                doc._.published = published
                doc._.published_from = "dateline"
            elif problem:
                add_error(doc, problem)
        if doc._.published is None and fallback:
            doc._.published = fallback
            doc._.published_from = "fallback"


def wire_published(day: tuple[int, int], year: Optional[int], fallback: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """``(iso_date, problem)``: the publication date that a wire dateline's day gives
    ("KHARTOUM, June 10 (Reuters) - "), where the caller gave none. Its year is the dateline's
    own, else a copyright line's or the head of the text's (``year``), else the fallback's
    (``--published``); with none the date is left unset and the record says why, as a day
    without a year is no date."""
    month, number = day
    named = f"{date(2000, month, 1):%B} {number}"
    year = year or (int(fallback[:4]) if fallback else None)
    if year is None:
        return None, (f"published: the dateline gives the day ({named}) but the text names no year; "
                      "publication date left unset (give published=YYYY-MM-DD)")
    try:
        return date(year, month, number).isoformat(), None
    except ValueError:
        return None, f"published: the dateline's day ({named}, {year}) is no date; publication date left unset"


@Language.factory("conflict_article", assigns=["doc._.body", "doc._.title", "doc._.published", "doc._.source", "token.is_sent_start"], default_config={"paragraph_sentences": True})
def make_article_component(nlp: Language, name: str, paragraph_sentences: bool) -> ArticleComponent:
    """Body, title and dateline; ``paragraph_sentences``: a paragraph break starts a sentence."""
    return ArticleComponent(nlp, name, paragraph_sentences)
