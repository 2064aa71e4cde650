"""The ``conflict_article`` component: finds the article body, title and dateline in a Doc."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..components import ConflictComponent
from ..extensions import STORE_KEY
from .boilerplate import find_layout


class ArticleComponent(ConflictComponent):
    """Sets ``doc._.body`` (unless the caller already did), and ``title`` and ``published``
    from the head of the text where the caller gave none."""

    def process(self, doc: Doc) -> None:
        layout = find_layout(doc.text)
        if doc._.body is None:
            doc._.body = layout.body
        if doc._.title is None and layout.title is not None:
            doc._.title = layout.title.text
        if doc._.published is None and layout.published is not None:
            doc._.published = layout.published
            doc._.published_from = "dateline"
        fallback = doc.user_data.get(STORE_KEY, {}).get("published_fallback")
        if doc._.published is None and fallback:
            doc._.published = fallback
            doc._.published_from = "fallback"


@Language.factory("conflict_article", default_config={})
def make_article_component(nlp: Language, name: str) -> ArticleComponent:
    return ArticleComponent(nlp, name)
