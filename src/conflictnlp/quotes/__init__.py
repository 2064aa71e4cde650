"""Quotes and speakers: direct, indirect and mixed quotes, cues, speakers and coreference.

Modules, in the order the component uses them:

* ``marks``: pairing quotation marks into quoted passages (every mark variant, paragraphs).
* ``cues``: the cue lexicon (``data/quote_cues.toml``) and cue spans.
* ``attribution``: the rules that find attributions (content, cue, speaker mention).
* ``speakers``: where a quote's speaker mention is decided.
* ``coref``: speaker mention -> canonical name, role and confidence.
* ``roles``: the role given with a name ("Kremlin spokesman").
* ``build``: ``Quote`` records from spans, shared with trained models.
* ``component``: the ``conflict_quotes`` spaCy component.
"""
