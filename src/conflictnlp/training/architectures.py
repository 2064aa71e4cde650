"""Model architectures for the trained attribution components, registered with spaCy."""

from __future__ import annotations

from typing import List

from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Model, chain, with_array
from thinc.types import Floats2d


@registry.architectures("conflictnlp.ListenerEncoder.v1")
def listener_encoder(upstream: str, width: int, depth: int, window_size: int, maxout_pieces: int) -> Model[List[Doc], List[Floats2d]]:
    """Token vectors that build on another tok2vec's output: a listener to ``upstream`` (the
    base pipeline's ``tok2vec``, frozen) followed by trainable CNN layers. The attribution
    spans then cost only these layers at run time instead of a second full embedding."""
    listener = registry.get("architectures", "spacy.Tok2VecListener.v1")(width=width, upstream=upstream)
    encoder = registry.get("architectures", "spacy.MaxoutWindowEncoder.v2")(
        width=width, depth=depth, window_size=window_size, maxout_pieces=maxout_pieces
    )
    model = chain(listener, with_array(encoder))
    model.set_dim("nO", width)
    return model
