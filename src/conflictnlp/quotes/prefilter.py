"""Which sentences the trained attribution encoder reads: a cheap filter tuned for recall.

A sentence is read when one of its tokens is a quotation mark, a colon or another word of
``data/encoder_filter.toml``, or has the lemma of a cue in the cue lexicon
(``data/quote_cues.toml``). The test is one ``numpy.isin`` over the doc's ORTH, LOWER and
LEMMA hashes, with no Python loop over tokens. Sentences that match, with ``context``
sentences on each side, are read as runs of consecutive sentences, so a quotation that runs
over several sentences is still read in one piece. Measured recall: docs/attribution_model.md.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
from spacy.attrs import LEMMA, LOWER, ORTH, SENT_START
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .cues import CueLexicon, load_cues

FILTER_FILE = "encoder_filter.toml"


@dataclass(frozen=True)
class SentenceFilter:
    """Hashes of the marks, words and cue lemmas that make a sentence worth reading."""

    hashes: np.ndarray
    context: int = 0

    def ranges(self, doc: Doc, explained: np.ndarray | None = None) -> list[tuple[int, int]] | None:
        """``[start, end)`` token ranges of the runs of sentences to read; None (read it all)
        when the doc has no sentence boundaries or no lemmas to test. ``explained``: a mask of
        tokens already explained (by the rules' quotes); a sentence with one is not read."""
        if len(doc) == 0:
            return []
        if not doc.has_annotation("SENT_START") or not doc.has_annotation("LEMMA"):
            return None
        array = doc.to_array([ORTH, LOWER, LEMMA, SENT_START])
        hit = np.isin(array[:, :3], self.hashes).any(axis=1)
        starts = array[:, 3].astype(np.int64) == 1
        starts[0] = True
        sentence = np.cumsum(starts) - 1
        read = np.zeros(int(sentence[-1]) + 1, dtype=bool)
        read[sentence[hit]] = True
        if explained is not None:
            read[sentence[explained]] = False
        if self.context:
            read = np.convolve(read, np.ones(2 * self.context + 1), mode="same") > 0
        bounds = np.append(np.flatnonzero(starts), len(doc))
        # runs of read sentences: where reading switches on and off
        edges = np.flatnonzero(np.diff(np.concatenate([[False], read, [False]]).astype(np.int8)))
        return [(int(bounds[on]), int(bounds[off])) for on, off in zip(edges[::2], edges[1::2])]


def filter_words(lexicon: CueLexicon, settings: dict) -> set[str]:
    """The marks, words and lexicon lemmas of the filter settings, as strings."""
    words = set(settings.get("marks", [])) | {w.lower() for w in settings.get("words", [])}
    for group in settings.get("groups", []):
        entries = getattr(lexicon, group)
        if group.endswith("phrases") or group == "phrasal_verbs":
            # a phrase counts by its longest word: "call" of "call for", "according" of "according to"
            entries = [max(phrase.split(), key=len) for phrase in entries]
        words |= {entry.lower() for entry in entries}
    return words


@cache
def load_filter(cues: str | None = None, path: str | None = None) -> SentenceFilter:
    """The sentence filter from ``path`` (default: the packaged ``encoder_filter.toml``) with
    the lemmas of the cue lexicon ``cues`` (default: the packaged one)."""
    if path:
        with open(path, "rb") as handle:
            settings = tomllib.load(handle)
    else:
        settings = tomllib.loads(resources.files("conflictnlp.data").joinpath(FILTER_FILE).read_text("utf-8"))
    hashes = np.array(sorted({get_string_id(word) for word in filter_words(load_cues(cues), settings)}), dtype=np.uint64)
    return SentenceFilter(hashes, int(settings.get("context", 0)))
